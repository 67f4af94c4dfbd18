import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchClaim, listReviewQueue, type ReviewQueueFilters } from '../../../api';

const pageSize = 50;

/** What waits at the caller's level, page by page (keyset cursors). */
export function useReviewQueue(filters: ReviewQueueFilters) {
  return useInfiniteQuery({
    queryKey: ['reviews', 'queue', filters],
    queryFn: ({ pageParam }) => listReviewQueue({ ...filters, limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useClaim(id: string | null) {
  return useQuery({
    queryKey: ['reviews', 'claim', id],
    queryFn: () => fetchClaim(id ?? ''),
    enabled: id !== null,
  });
}
