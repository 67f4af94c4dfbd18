import { Table, Typography, type TableColumnsType } from 'antd';
import type { ReviewLevels } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';
import { daysSince } from '../days-since';

type Level = ReviewLevels['byLevel'][number];

/**
 * Where the claims of the caller's people wait: per level of the review chain, how many
 * and since when (the oldest submission). Empty: nothing is in review.
 */
export function ReviewLevelsTable({ levels }: { levels: ReviewLevels }) {
  const { t } = useT();
  const columns: TableColumnsType<Level> = [
    {
      title: t('dashboard.levels.level'),
      dataIndex: 'kind',
      render: (kind: Level['kind']) => t(`dashboard.levels.kind.${kind}`),
    },
    { title: t('dashboard.levels.count'), dataIndex: 'count', align: 'right', width: 90 },
    {
      title: t('dashboard.levels.oldest'),
      dataIndex: 'oldestSubmittedAt',
      width: 190,
      render: (at: string) => (
        <>
          {t('dashboard.reviewer.oldestDays', { days: daysSince(at) })}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
            {formatDateTime(at).slice(0, 10)}
          </Typography.Text>
        </>
      ),
    },
  ];
  return (
    <Table<Level>
      rowKey="kind"
      size="small"
      columns={columns}
      dataSource={[...levels.byLevel]}
      pagination={false}
      locale={{ emptyText: t('dashboard.reviewer.nothingWaiting') }}
      data-testid="review-levels"
    />
  );
}
