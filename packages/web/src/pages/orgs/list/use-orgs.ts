import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Org, OrgKind } from '@jijiao/contracts';
import { fetchOrg, isApiError, listOrgs } from '../../../api';

const pageSize = 50;

/** One level of the tree (the caller's scope roots when parentId is absent), page by page. */
export function useOrgPages(parentId: string | undefined, kind: OrgKind | undefined, q?: string) {
  return useInfiniteQuery({
    queryKey: ['orgs', 'list', parentId ?? null, kind ?? null, q ?? null],
    queryFn: ({ pageParam }) => listOrgs({ parentId, kind, q, limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Deepest nesting we follow upwards; the real tree is province → city → district → unit. */
const maxTrail = 12;

/**
 * The path from the caller's scope down to `orgId`, outermost first. It stops where the
 * caller's scope stops: the server answers 404 (or 403) for an org outside it.
 */
export function useOrgTrail(orgId: string | undefined) {
  return useQuery({
    queryKey: ['orgs', 'trail', orgId ?? null],
    enabled: orgId !== undefined,
    queryFn: async (): Promise<Org[]> => {
      const trail: Org[] = [];
      let id: string | null | undefined = orgId;
      while (id && trail.length < maxTrail) {
        let org: Org;
        try {
          org = await fetchOrg(id);
        } catch (error) {
          if (
            trail.length > 0 &&
            (isApiError(error, 'not_found') || isApiError(error, 'forbidden'))
          )
            break;
          throw error;
        }
        trail.unshift(org);
        id = org.parentId;
      }
      return trail;
    },
  });
}
