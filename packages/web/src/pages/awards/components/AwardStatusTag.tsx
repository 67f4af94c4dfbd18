import { Tag } from 'antd';
import type { AwardBatchStatus, AwardLineStatus } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';

const batchColors: Record<AwardBatchStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

const lineColors: Record<AwardLineStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  rejected: 'error',
  effective: 'success',
  voided: 'default',
};

export function AwardBatchStatusTag({ status }: { status: AwardBatchStatus }) {
  const { t } = useT();
  return <Tag color={batchColors[status]}>{t(`awards.status.${status}`)}</Tag>;
}

export function AwardLineStatusTag({ status }: { status: AwardLineStatus }) {
  const { t } = useT();
  return <Tag color={lineColors[status]}>{t(`awards.lineStatus.${status}`)}</Tag>;
}
