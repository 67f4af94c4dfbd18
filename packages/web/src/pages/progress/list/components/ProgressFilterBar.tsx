import { useState } from 'react';
import { Button, Flex, InputNumber, Segmented, Select, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { professions, titleGrades, type Profession, type TitleGrade } from '@jijiao/contracts';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useT } from '../../../../i18n/use-t';
import {
  complianceFilters,
  isFiltered,
  progressOrders,
  type ComplianceFilter,
  type ProgressFilters,
  type ProgressOrder,
} from '../progress-filters';

/** A credits bound, applied on Enter or when the field is left (not on every keystroke). */
function CreditsBound({
  value,
  label,
  onCommit,
  testId,
}: {
  value: number | undefined;
  label: string;
  onCommit: (value: number | undefined) => void;
  testId: string;
}) {
  const [draft, setDraft] = useState<number | null>(value ?? null);
  const commit = () => {
    const next = draft ?? undefined;
    if (next !== value) onCommit(next);
  };
  return (
    <InputNumber<number>
      aria-label={label}
      placeholder={label}
      data-testid={testId}
      min={0}
      max={10_000}
      step={1}
      style={{ width: 88 }}
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}

/** Organisation, year, compliance, profession, title grade, shortfall and order: all in the URL. */
export function ProgressFilterBar({
  filters,
  unitId,
  year,
  withOrg,
  onChange,
}: {
  filters: ProgressFilters;
  /** The organisation shown: the URL's or the caller's own. */
  unitId: string;
  /** The year shown: the URL's or the one the server answered for. */
  year: number | undefined;
  /** False for a unit admin, whose scope is one unit. */
  withOrg: boolean;
  onChange: (next: Partial<ProgressFilters>) => void;
}) {
  const { t } = useT();
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      {withOrg && (
        <OrgTreeSelect
          aria-label={t('progress.unit')}
          data-testid="progress-org"
          value={unitId}
          allowClear={false}
          style={{ width: 260 }}
          onChange={(id) => {
            if (id) onChange({ unitId: id });
          }}
        />
      )}
      <Space size={4}>
        <Typography.Text>{t('progress.year')}</Typography.Text>
        <InputNumber
          aria-label={t('progress.year')}
          min={1990}
          max={2100}
          style={{ width: 88 }}
          value={year}
          onChange={(v) => {
            onChange({ year: typeof v === 'number' ? v : undefined });
          }}
        />
      </Space>
      <Segmented<ComplianceFilter>
        data-testid="progress-compliance"
        value={filters.compliance}
        onChange={(compliance) => {
          onChange({ compliance });
        }}
        options={complianceFilters.map((c) => ({ value: c, label: t(`progress.compliance.${c}`) }))}
      />
      <Select<Profession | ''>
        aria-label={t('progress.profession')}
        data-testid="progress-profession"
        style={{ width: 136 }}
        value={filters.profession ?? ''}
        onChange={(value) => {
          onChange({ profession: value === '' ? undefined : value });
        }}
        options={[
          { value: '', label: t('progress.anyProfession') },
          ...professions.map((p) => ({ value: p, label: t(`profession.${p}`) })),
        ]}
      />
      <Select<TitleGrade | ''>
        aria-label={t('progress.titleGrade')}
        data-testid="progress-title-grade"
        style={{ width: 136 }}
        value={filters.titleGrade ?? ''}
        onChange={(value) => {
          onChange({ titleGrade: value === '' ? undefined : value });
        }}
        options={[
          { value: '', label: t('progress.anyTitleGrade') },
          ...titleGrades.map((g) => ({ value: g, label: t(`titleGrade.${g}`) })),
        ]}
      />
      <Space size={4}>
        <Typography.Text>{t('progress.shortfallRange')}</Typography.Text>
        <CreditsBound
          key={`min-${String(filters.shortfallMin)}`}
          testId="shortfall-min"
          label={t('progress.shortfallMin')}
          value={filters.shortfallMin}
          onCommit={(shortfallMin) => {
            onChange({ shortfallMin });
          }}
        />
        <Typography.Text type="secondary">–</Typography.Text>
        <CreditsBound
          key={`max-${String(filters.shortfallMax)}`}
          testId="shortfall-max"
          label={t('progress.shortfallMax')}
          value={filters.shortfallMax}
          onCommit={(shortfallMax) => {
            onChange({ shortfallMax });
          }}
        />
      </Space>
      <Select<ProgressOrder>
        aria-label={t('progress.sortBy')}
        data-testid="progress-order"
        style={{ width: 140 }}
        value={filters.order}
        onChange={(order) => {
          onChange({ order });
        }}
        options={progressOrders.map((o) => ({ value: o, label: t(`progress.order.${o}`) }))}
      />
      {isFiltered(filters) && (
        <Button
          icon={<ReloadOutlined />}
          data-testid="progress-reset"
          onClick={() => {
            onChange({
              compliance: 'all',
              profession: undefined,
              titleGrade: undefined,
              shortfallMin: undefined,
              shortfallMax: undefined,
            });
          }}
        >
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
