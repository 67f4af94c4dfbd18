import {
  orgListSchema,
  orgSchema,
  reviewChainSchema,
  unitDirectorySchema,
  type Org,
  type OrgCreate,
  type OrgKind,
  type OrgList,
  type OrgUpdate,
  type ReviewChain,
  type ReviewChainUpdate,
} from '@jijiao/contracts';
import { request } from './client';

const orgPath = (id: string) => `/api/v1/orgs/${encodeURIComponent(id)}`;

export function listOrgs(query: {
  parentId?: string | undefined;
  kind?: OrgKind | undefined;
  q?: string | undefined;
  limit?: number;
  after?: string | undefined;
}): Promise<OrgList> {
  return request('GET', '/api/v1/orgs', orgListSchema, { query });
}

export function fetchOrg(id: string): Promise<Org> {
  return request('GET', orgPath(id), orgSchema);
}

export function createOrg(body: OrgCreate): Promise<Org> {
  return request('POST', '/api/v1/orgs', orgSchema, { body });
}

export function updateOrg(id: string, body: OrgUpdate): Promise<Org> {
  return request('PATCH', orgPath(id), orgSchema, { body });
}

export function fetchReviewChain(unitId: string): Promise<ReviewChain> {
  return request('GET', `${orgPath(unitId)}/review-chain`, reviewChainSchema);
}

export function updateReviewChain(unitId: string, body: ReviewChainUpdate): Promise<ReviewChain> {
  return request('PUT', `${orgPath(unitId)}/review-chain`, reviewChainSchema, { body });
}

/** One entry of the unit directory: any signed-in user may pick a transfer target from it. */
export type UnitDirectory = ReturnType<typeof unitDirectorySchema.parse>;
export type UnitDirectoryEntry = UnitDirectory['items'][number];

export function searchUnits(q: string): Promise<UnitDirectory> {
  return request('GET', '/api/v1/units', unitDirectorySchema, {
    query: { q: q.trim() === '' ? undefined : q.trim() },
  });
}
