import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { listPeople } from '../../../api';
import { peopleQuery, type PeopleFilters } from './people-filters';

const pageSize = 50;

/** The staff list for the current filter, page by page (keyset cursors). */
export function usePeoplePages(filters: PeopleFilters) {
  const query = peopleQuery(filters);
  return useInfiniteQuery({
    queryKey: ['people', 'list', query],
    queryFn: ({ pageParam }) => listPeople({ ...query, limit: pageSize, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A new filter or sort keeps the rows on screen (under the table's spinner) until the
    // new ones come, as the progress list does, instead of emptying the table meanwhile.
    placeholderData: keepPreviousData,
  });
}
