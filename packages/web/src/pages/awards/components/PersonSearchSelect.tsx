import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { AwardPerson } from '@jijiao/contracts';
import { searchAwardPeople } from '../../../api';
import { useDebouncedSearch } from '../../../utils/use-debounced-search';

/** Picks a person of the project's province by part of the name or a full ID number. */
export function PersonSearchSelect({
  projectId,
  value,
  onChange,
  placeholder,
}: {
  projectId: string;
  value?: string | undefined;
  onChange?: (personId: string | undefined) => void;
  placeholder?: string;
}) {
  const [setTyped, q] = useDebouncedSearch();
  const people = useQuery({
    queryKey: ['award-people', projectId, q],
    queryFn: () => searchAwardPeople(projectId, q),
    enabled: q !== '',
    staleTime: 30_000,
  });
  const label = (p: AwardPerson) => `${p.name} · ${p.idNumberMasked} · ${p.unitName}`;
  return (
    <Select
      value={value}
      onChange={(next: string | undefined) => {
        onChange?.(next);
      }}
      placeholder={placeholder}
      allowClear
      showSearch={{ onSearch: setTyped, filterOption: false }}
      loading={people.isFetching}
      options={(people.data ?? []).map((p) => ({ value: p.id, label: label(p) }))}
      style={{ width: 420 }}
      data-testid="award-person"
    />
  );
}
