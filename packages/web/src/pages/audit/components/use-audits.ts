import { useQuery } from '@tanstack/react-query';
import type { Audit } from '@jijiao/contracts';
import { listAudits } from '../../../api';

/** The caller's audits, newest year first; `current` is the open one, else the newest. */
export function useAudits(selectedId: string | undefined) {
  const query = useQuery({ queryKey: ['audits'], queryFn: listAudits });
  const items = query.data?.items ?? [];
  const current: Audit | undefined =
    items.find((a) => a.id === selectedId) ?? items.find((a) => a.status === 'open') ?? items[0];
  return { query, items, current };
}
