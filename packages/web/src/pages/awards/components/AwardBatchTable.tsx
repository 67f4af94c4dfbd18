import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { AwardBatchSummary } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';
import { AwardBatchStatusTag } from './AwardStatusTag';

/** Batches as lists show them, each opening its detail page. */
export function AwardBatchTable({
  batches,
  loading,
}: {
  batches: readonly AwardBatchSummary[];
  loading: boolean;
}) {
  const { t } = useT();
  const columns: TableColumnsType<AwardBatchSummary> = [
    {
      title: t('awards.col.project'),
      key: 'project',
      render: (_v: unknown, b) => (
        <Link to={`/awards/${b.id}`}>
          {b.projectNumber} {b.projectName}
        </Link>
      ),
    },
    { title: t('awards.col.host'), dataIndex: 'hostName' },
    {
      title: t('awards.col.source'),
      dataIndex: 'source',
      render: (v: AwardBatchSummary['source']) => t(`awards.source.${v}`),
    },
    { title: t('awards.col.lines'), dataIndex: 'lineCount' },
    { title: t('awards.col.pending'), dataIndex: 'pendingCount' },
    { title: t('awards.col.returned'), dataIndex: 'returnedCount' },
    { title: t('awards.col.totalCredits'), dataIndex: 'totalCredits' },
    {
      title: t('awards.col.status'),
      dataIndex: 'status',
      render: (v: AwardBatchSummary['status']) => <AwardBatchStatusTag status={v} />,
    },
    {
      title: t('awards.col.submittedAt'),
      dataIndex: 'submittedAt',
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('awards.col.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => formatDateTime(v),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={[...batches]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('awards.none') }}
      data-testid="award-batches"
    />
  );
}
