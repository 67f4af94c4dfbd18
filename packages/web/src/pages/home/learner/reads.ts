import type { QueryClient } from '@tanstack/react-query';
import { fetchMyYear, fetchMyYears } from '../../../api/credits';
import { myCertificatesQuery } from '../../certificates/use-my-certificates';

export const yearsKey = ['me', 'years'] as const;
export const yearKey = (year: number | undefined) => ['me', 'years', year] as const;
/** Long enough that the page does not ask again for what the boot has just fetched. */
export const staleTime = 10_000;

/** The credit year (China time) this browser's clock is in: the server's, nearly always. */
function likelyCurrentYear(): number {
  return new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Started at boot for a learner opening `/` (ADR 0022), in a module of its own so that
 * the reads do not wait for the page's components to load: the list of years, the year's
 * report and the certificates (the home's notice) in parallel. The report's year is the
 * one asked for, else this year by the browser's clock; should the server's year differ,
 * the page asks again.
 */
export function prefetchLearnerHome(client: QueryClient, search: URLSearchParams): void {
  client.query({ queryKey: yearsKey, queryFn: fetchMyYears, staleTime }).catch(() => undefined);
  const year = Number(search.get('year')) || likelyCurrentYear();
  client
    .query({ queryKey: yearKey(year), queryFn: () => fetchMyYear(year), staleTime })
    .catch(() => undefined);
  client.query(myCertificatesQuery).catch(() => undefined);
}
