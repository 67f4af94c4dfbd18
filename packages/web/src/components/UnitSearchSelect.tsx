import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { searchUnits } from '../api';
import { useT } from '../i18n/use-t';
import { useDebouncedSearch } from '../utils/use-debounced-search';

/** Picks any unit of the directory by typing part of its name (transfer targets). */
export function UnitSearchSelect({
  id,
  value,
  onChange,
  placeholder,
  excludeId,
}: {
  id?: string;
  value?: string | undefined;
  onChange?: (unitId: string | undefined) => void;
  placeholder?: string;
  excludeId?: string | undefined;
}) {
  const { t } = useT();
  const [setTyped, q] = useDebouncedSearch();
  const units = useQuery({
    queryKey: ['units', q],
    queryFn: () => searchUnits(q),
    staleTime: 60_000,
  });
  const options = (units.data?.items ?? [])
    .filter((u) => u.id !== excludeId)
    .map((u) => ({
      value: u.id,
      label: u.name,
      title: u.name,
      parentName: u.parentName,
    }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(next: string | undefined) => {
        onChange?.(next);
      }}
      placeholder={placeholder}
      allowClear
      showSearch={{ onSearch: setTyped, filterOption: false }}
      loading={units.isFetching}
      options={options}
      optionRender={(option) => (
        <span>
          {option.data.label}
          {option.data.parentName && (
            <Typography.Text type="secondary"> · {option.data.parentName}</Typography.Text>
          )}
        </span>
      )}
      notFoundContent={units.isFetching ? null : t('people.transferForm.noUnits')}
      style={{ width: '100%' }}
    />
  );
}
