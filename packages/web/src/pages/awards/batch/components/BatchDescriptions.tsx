import { Descriptions } from 'antd';
import type { AwardBatch } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';
import { formatDateTime } from '../../../../utils/format';
import { AwardBatchStatusTag } from '../../components/AwardStatusTag';

/** The batch at a glance: project, host, status, source, when submitted, lines and credits. */
export function BatchDescriptions({ batch: b }: { batch: AwardBatch }) {
  const { t } = useT();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'project', label: t('awards.col.project'), children: b.projectNumber },
        { key: 'host', label: t('awards.col.host'), children: b.hostName },
        {
          key: 'status',
          label: t('awards.statusLabel'),
          children: <AwardBatchStatusTag status={b.status} />,
        },
        {
          key: 'source',
          label: t('awards.col.source'),
          children: t(`awards.source.${b.source}`),
        },
        {
          key: 'submittedAt',
          label: t('awards.col.submittedAt'),
          children: formatDateTime(b.submittedAt),
        },
        {
          key: 'summary',
          label: t('awards.col.totalCredits'),
          children: t('awards.summary', { lines: b.lineCount, credits: b.totalCredits }),
        },
      ]}
    />
  );
}
