import { orgKinds, type OrgKind } from '@jijiao/contracts';

/** The orgs page's state lives in the URL, so drilling down works with Back and links. */
export function orgsPath(state: {
  parentId?: string | undefined;
  kind?: OrgKind | undefined;
  q?: string | undefined;
}): string {
  const params = new URLSearchParams();
  if (state.parentId) params.set('parentId', state.parentId);
  if (state.kind) params.set('kind', state.kind);
  if (state.q) params.set('q', state.q);
  const query = params.toString();
  return query ? `/orgs?${query}` : '/orgs';
}

export function parseKind(value: string | null): OrgKind | undefined {
  return orgKinds.find((k) => k === value);
}
