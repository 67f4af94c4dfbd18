import { useQuery } from '@tanstack/react-query';
import { fetchMyCertificates } from '../../api/certificates';

/** The learner's certificates, shared by 我的证书 and the home page's link to it. */
export function useMyCertificates() {
  return useQuery({ queryKey: ['me', 'certificates'], queryFn: fetchMyCertificates });
}
