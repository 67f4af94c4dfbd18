import { Card, Table } from 'antd';
import type { ComplianceStatistics } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';

type Bucket = ComplianceStatistics['distribution'][number];

/** People by credits, in steps of 5, with their share (the chart above draws the same). */
export function DistributionTable({ buckets, staff }: { buckets: Bucket[]; staff: number }) {
  const { t } = useT();
  return (
    <Card size="small" title={t('statistics.distribution')}>
      <Table<Bucket>
        rowKey="from"
        size="small"
        pagination={false}
        dataSource={buckets}
        data-testid="statistics-distribution"
        columns={[
          {
            title: t('statistics.creditsRange'),
            key: 'range',
            render: (_v, b) =>
              b.to === null
                ? t('statistics.lastBucket', { from: b.from })
                : t('statistics.bucket', { from: b.from, to: b.to }),
          },
          { title: t('statistics.staff'), dataIndex: 'staff', align: 'right', width: 100 },
          {
            title: t('statistics.share'),
            key: 'share',
            align: 'right',
            width: 100,
            render: (_v, b) =>
              staff === 0 ? '—' : `${(Math.round((b.staff / staff) * 1000) / 10).toFixed(1)}%`,
          },
        ]}
      />
    </Card>
  );
}
