import {
  idRevealSchema,
  personCreatedSchema,
  personListSchema,
  personSchema,
  transferListSchema,
  unitHistorySchema,
  type ImportReport,
  type Person,
  type PersonCreate,
  type PersonList,
  type PersonListQuery,
  type PersonUpdate,
  type Transfer,
} from '@jijiao/contracts';
import { ignoreBody, request } from './client';
import { downloadFile, uploadImport } from './imports';

const personPath = (id: string) => `/api/v1/people/${encodeURIComponent(id)}`;

/** The list query without paging: the filter an export downloads. */
export type PeopleFilterQuery = Partial<Omit<PersonListQuery, 'limit' | 'after'>>;

export function listPeople(
  query: PeopleFilterQuery & { limit?: number; after?: string | undefined },
): Promise<PersonList> {
  return request('GET', '/api/v1/people', personListSchema, { query });
}

export function fetchPerson(id: string): Promise<Person> {
  return request('GET', personPath(id), personSchema);
}

export type PersonCreated = ReturnType<typeof personCreatedSchema.parse>;

export function createPerson(body: PersonCreate): Promise<PersonCreated> {
  return request('POST', '/api/v1/people', personCreatedSchema, { body });
}

export function updatePerson(id: string, body: PersonUpdate): Promise<Person> {
  return request('PATCH', personPath(id), personSchema, { body });
}

/** The full ID number; the server writes every reveal to the audit log. */
export function revealPersonId(id: string): Promise<{ idNumber: string }> {
  return request('POST', `${personPath(id)}/reveal-id`, idRevealSchema);
}

/** A learner account's one-time initial password, as creating a person also answers. */
const accountSchema = personCreatedSchema.shape.account;
export type InitialAccount = PersonCreated['account'];

export function resetPersonPassword(id: string): Promise<InitialAccount> {
  return request('POST', `${personPath(id)}/reset-password`, accountSchema);
}

export function fetchPersonHistory(id: string) {
  return request('GET', `${personPath(id)}/history`, unitHistorySchema);
}

export function downloadPeopleTemplate() {
  return downloadFile('/api/v1/people/template.xlsx', undefined, '人员导入模板.xlsx');
}

export function exportPeople(query: PeopleFilterQuery) {
  return downloadFile('/api/v1/people/export.xlsx', query, '人员.xlsx');
}

export function importPeople(
  file: Blob,
  fileName: string,
  options: { dryRun: boolean; unitId?: string | undefined },
): Promise<ImportReport> {
  return uploadImport('/api/v1/people/import', file, fileName, options);
}

export function listTransfers(query: {
  direction: 'incoming' | 'outgoing';
  status?: Transfer['status'] | undefined;
}) {
  return request('GET', '/api/v1/transfers', transferListSchema, { query });
}

export function requestTransfer(body: {
  personId: string;
  toUnitId: string;
  note?: string | undefined;
}): Promise<void> {
  return request('POST', '/api/v1/transfers', ignoreBody, { body });
}

export function decideTransfer(
  id: string,
  body: { decision: 'accept' | 'reject'; reason?: string | undefined },
): Promise<void> {
  return request('POST', `/api/v1/transfers/${encodeURIComponent(id)}/decision`, ignoreBody, {
    body,
  });
}
