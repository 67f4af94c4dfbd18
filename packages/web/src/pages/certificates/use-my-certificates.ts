import { useQuery } from '@tanstack/react-query';
import { fetchMyCertificates } from '../../api/certificates';

/**
 * The learner's certificates: one cache entry for 我的证书, the home's notice and the boot,
 * which fetches it beside the year (a page opened within seconds does not ask again).
 */
export const myCertificatesQuery = {
  queryKey: ['me', 'certificates'],
  queryFn: fetchMyCertificates,
  staleTime: 10_000,
} as const;

/** The learner's certificates, shared by 我的证书 and the home page's link to it. */
export function useMyCertificates() {
  return useQuery(myCertificatesQuery);
}
