import { useQuery, type QueryClient } from '@tanstack/react-query';
import { fetchAppInfo, fetchMe } from '../api';

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
