import { orgListSchema, orgSchema, type Org, type OrgList, type OrgKind } from '@jijiao/contracts';
import { request } from './client';

export function listOrgs(query: {
  parentId?: string | undefined;
  kind?: OrgKind | undefined;
  limit?: number;
  after?: string | undefined;
}): Promise<OrgList> {
  return request('GET', '/api/v1/orgs', orgListSchema, { query });
}

export function fetchOrg(id: string): Promise<Org> {
  return request('GET', `/api/v1/orgs/${encodeURIComponent(id)}`, orgSchema);
}
