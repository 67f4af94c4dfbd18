import { Flex, Input, Segmented, Select } from 'antd';
import type { CertificateStatus } from '@jijiao/contracts';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';
import { useT } from '../../../i18n/use-t';
import type { RegisterFilters } from '../register-filters';

type StatusChoice = CertificateStatus | 'all';

/** The last few ended years: certificates are issued once a year is audited. */
function recentYears(now = new Date()): number[] {
  const last = now.getFullYear() - 1;
  return Array.from({ length: 8 }, (_, i) => last - i);
}

/** Year, organisation, status and a name or serial: all kept in the URL. */
export function RegisterFilterBar({
  filters,
  withOrg,
  onChange,
}: {
  filters: RegisterFilters;
  /** False for a unit's officer, whose scope is one unit. */
  withOrg: boolean;
  onChange: (next: Partial<RegisterFilters>) => void;
}) {
  const { t } = useT();
  const years = recentYears();
  if (filters.year !== undefined && !years.includes(filters.year)) years.unshift(filters.year);
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <Select<number | 'all'>
        aria-label={t('certRegister.year')}
        data-testid="register-year"
        style={{ width: 120 }}
        value={filters.year ?? 'all'}
        onChange={(value) => {
          onChange({ year: value === 'all' ? undefined : value });
        }}
        options={[
          { value: 'all', label: t('certRegister.allYears') },
          ...years.map((y) => ({ value: y, label: String(y) })),
        ]}
      />
      {withOrg && (
        <OrgTreeSelect
          aria-label={t('certRegister.org')}
          placeholder={t('certRegister.org')}
          data-testid="register-org"
          value={filters.unitId}
          style={{ width: 260 }}
          onChange={(id) => {
            onChange({ unitId: id ?? undefined });
          }}
        />
      )}
      <Segmented<StatusChoice>
        data-testid="register-status"
        value={filters.status ?? 'all'}
        onChange={(status) => {
          onChange({ status: status === 'all' ? undefined : status });
        }}
        options={(['all', 'valid', 'revoked'] as const).map((s) => ({
          value: s,
          label: t(`certRegister.status.${s}`),
        }))}
      />
      <Input.Search
        key={filters.q ?? ''}
        aria-label={t('certRegister.search')}
        placeholder={t('certRegister.search')}
        data-testid="register-search"
        allowClear
        defaultValue={filters.q}
        maxLength={40}
        style={{ width: 260 }}
        onSearch={(text) => {
          const q = text.trim();
          onChange({ q: q === '' ? undefined : q });
        }}
      />
    </Flex>
  );
}
