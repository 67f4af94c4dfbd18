import {
  awardBatchListSchema,
  awardBatchSchema,
  awardPeopleSchema,
  type AwardBatch,
  type AwardBatchList,
  type AwardBatchStatus,
  type AwardLineCreate,
  type AwardPerson,
  type ImportReport,
} from '@jijiao/contracts';
import { request } from './client';
import { downloadFile, uploadImport } from './imports';

const batchPath = (id: string) => `/api/v1/award-batches/${encodeURIComponent(id)}`;

/** 学分授予 batches: the host's own, or the submitted ones a province reviews. */
export function listAwardBatches(query: {
  status?: AwardBatchStatus | undefined;
  projectId?: string | undefined;
}): Promise<AwardBatchList> {
  return request('GET', '/api/v1/award-batches', awardBatchListSchema, { query });
}

/** A draft batch of everyone who qualifies under the project's attendance rule (check-ins). */
export function createAwardBatchFromAttendance(projectId: string): Promise<AwardBatch> {
  return request(
    'POST',
    `/api/v1/projects/${encodeURIComponent(projectId)}/award-batches:from-attendance`,
    awardBatchSchema,
  );
}

export function fetchAwardBatch(id: string): Promise<AwardBatch> {
  return request('GET', batchPath(id), awardBatchSchema);
}

export function createAwardBatch(projectId: string): Promise<AwardBatch> {
  return request(
    'POST',
    `/api/v1/projects/${encodeURIComponent(projectId)}/award-batches`,
    awardBatchSchema,
  );
}

export async function searchAwardPeople(projectId: string, q: string): Promise<AwardPerson[]> {
  // A POST: the text may be a full ID number, which never goes into a URL.
  const answer = await request(
    'POST',
    `/api/v1/projects/${encodeURIComponent(projectId)}/award-people`,
    awardPeopleSchema,
    { body: { q } },
  );
  return answer.items;
}

export function addAwardLine(id: string, body: AwardLineCreate): Promise<AwardBatch> {
  return request('POST', `${batchPath(id)}/lines`, awardBatchSchema, { body });
}

export function removeAwardLine(id: string, lineId: string): Promise<AwardBatch> {
  return request(
    'DELETE',
    `${batchPath(id)}/lines/${encodeURIComponent(lineId)}`,
    awardBatchSchema,
  );
}

export function submitAwardBatch(id: string, version: number): Promise<AwardBatch> {
  return request('POST', `${batchPath(id)}/submit`, awardBatchSchema, { body: { version } });
}

export function approveAwardBatch(id: string, version: number): Promise<AwardBatch> {
  return request('POST', `${batchPath(id)}/approve`, awardBatchSchema, { body: { version } });
}

export function returnAwardLines(
  id: string,
  version: number,
  lines: { id: string; reason: string }[],
): Promise<AwardBatch> {
  return request('POST', `${batchPath(id)}/return`, awardBatchSchema, {
    body: { version, lines },
  });
}

export function downloadRosterTemplate() {
  return downloadFile(
    '/api/v1/award-batches/roster-template.xlsx',
    undefined,
    '学分授予名单模板.xlsx',
  );
}

export function importRoster(
  id: string,
  file: Blob,
  fileName: string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  return uploadImport(`${batchPath(id)}/roster`, file, fileName, options);
}
