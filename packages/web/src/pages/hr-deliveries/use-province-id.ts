import { useQuery } from '@tanstack/react-query';
import { fetchOrg } from '../../api';
import { useSession } from '../../session/session-context';

/**
 * The province whose HR receiver the caller manages: the province itself, or the parent of
 * the CME office the role is held at. Undefined while that parent is read.
 */
export function useProvinceId(): string | undefined {
  const { grant } = useSession();
  const atProvince = grant.orgKind === 'province';
  const org = useQuery({
    queryKey: ['orgs', 'one', grant.orgId],
    queryFn: () => fetchOrg(grant.orgId),
    enabled: !atProvince,
  });
  return atProvince ? grant.orgId : (org.data?.parentId ?? undefined);
}
