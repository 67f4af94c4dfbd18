import { Alert } from 'antd';
import type { Freshness } from '@jijiao/contracts';
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../utils/format';

/**
 * Says when some standings of a list or statistic are still being recomputed (ADR 0018):
 * the figures are then current up to `asOf`. Nothing when they are current.
 */
export function FreshnessAlert({ freshness }: { freshness: Freshness | undefined }) {
  const { t } = useT();
  if (!freshness?.asOf) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="freshness-alert"
      style={{ marginBottom: 16 }}
      title={t('progress.stale', {
        count: freshness.staleCount,
        time: formatDateTime(freshness.asOf),
      })}
    />
  );
}
