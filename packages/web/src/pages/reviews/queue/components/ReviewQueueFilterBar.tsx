import { Button, Flex, InputNumber, Select } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import {
  activityTypes,
  creditChannels,
  type ActivityType,
  type CreditChannel,
} from '@jijiao/contracts';
import type { ReviewQueueFilters } from '../../../../api';
import { OrgTreeSelect } from '../../../../components/OrgTreeSelect';
import { useT } from '../../../../i18n/use-t';

/** Activity type, channel, unit, year and shared evidence: each applies at once. */
export function ReviewQueueFilterBar({
  filters,
  withUnit,
  onChange,
}: {
  filters: ReviewQueueFilters;
  /** False for a unit's reviewer, whose queue is one unit. */
  withUnit: boolean;
  onChange: (next: Partial<ReviewQueueFilters>) => void;
}) {
  const { t } = useT();
  const filtered =
    filters.type !== undefined ||
    filters.channel !== undefined ||
    filters.unitId !== undefined ||
    filters.year !== undefined ||
    filters.flagged !== undefined;

  return (
    <Flex gap={8} wrap>
      <Select<ActivityType | ''>
        aria-label={t('reviews.activityType')}
        style={{ width: 160 }}
        value={filters.type ?? ''}
        onChange={(v) => {
          onChange({ type: v === '' ? undefined : v });
        }}
        options={[
          { value: '', label: t('reviews.filter.allTypes') },
          ...activityTypes.map((a) => ({ value: a, label: t(`reviews.type.${a}`) })),
        ]}
      />
      <Select<CreditChannel | ''>
        aria-label={t('reviews.channelLabel')}
        style={{ width: 150 }}
        value={filters.channel ?? ''}
        onChange={(v) => {
          onChange({ channel: v === '' ? undefined : v });
        }}
        options={[
          { value: '', label: t('reviews.filter.allChannels') },
          ...creditChannels.map((c) => ({ value: c, label: t(`reviews.channel.${c}`) })),
        ]}
      />
      {withUnit && (
        <OrgTreeSelect
          aria-label={t('reviews.unit')}
          placeholder={t('reviews.filter.allUnits')}
          value={filters.unitId}
          onChange={(unitId) => {
            onChange({ unitId });
          }}
          style={{ width: 220 }}
        />
      )}
      <InputNumber<number>
        aria-label={t('reviews.year')}
        placeholder={t('reviews.year')}
        min={2000}
        max={2100}
        value={filters.year ?? null}
        onChange={(v) => {
          onChange({ year: v ?? undefined });
        }}
        style={{ width: 110 }}
      />
      <Select<'' | 'true' | 'false'>
        aria-label={t('reviews.filter.flagged')}
        style={{ width: 170 }}
        value={filters.flagged === undefined ? '' : filters.flagged ? 'true' : 'false'}
        onChange={(v) => {
          onChange({ flagged: v === '' ? undefined : v === 'true' });
        }}
        options={[
          { value: '', label: t('reviews.filter.anyEvidence') },
          { value: 'true', label: t('reviews.filter.sharedOnly') },
          { value: 'false', label: t('reviews.filter.notShared') },
        ]}
      />
      {filtered && (
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            onChange({
              type: undefined,
              channel: undefined,
              unitId: undefined,
              year: undefined,
              flagged: undefined,
            });
          }}
        >
          {t('common.reset')}
        </Button>
      )}
    </Flex>
  );
}
