import { useQuery, type QueryClient } from '@tanstack/react-query';
// Straight from their modules, not the api barrel: the shell carries no other page's calls.
import { fetchAppInfo } from '../api/app-info';
import { fetchMe } from '../api/session';

export const meQueryKey = ['me'] as const;
export const appInfoQueryKey = ['app-info'] as const;

/** The signed-in user; `data` is null when there is no session. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function useAppInfo() {
  return useQuery({ queryKey: appInfoQueryKey, queryFn: fetchAppInfo, staleTime: Infinity });
}

/** Forgets the session: every guard sees "signed out" and cached data goes. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== appInfoQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
}
