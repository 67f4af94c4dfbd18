import type { ReactNode } from 'react';
import { Card, Progress, Table, type TableColumnsType } from 'antd';
import type { ComplianceStatistics } from '@jijiao/contracts';
import { useT } from '../../../i18n/use-t';

export type Group = ComplianceStatistics['byProfession'][number];

/** One grouping of 统计报表 (by child organisation, profession…): a tally per row. */
export function GroupTable<G extends Group>({
  title,
  label,
  rows,
  name,
  onOpen,
  testId,
}: {
  title: string;
  /** The first column's heading. */
  label: string;
  rows: G[];
  name: (g: G) => ReactNode;
  /** Clicking a row opens it (the progress list of a child organisation). */
  onOpen?: (g: G) => void;
  testId: string;
}) {
  const { t } = useT();
  const columns: TableColumnsType<G> = [
    { title: label, key: 'key', render: (_v, g) => name(g) },
    { title: t('statistics.staff'), dataIndex: 'staff', align: 'right', width: 100 },
    { title: t('statistics.compliant'), dataIndex: 'compliant', align: 'right', width: 100 },
    {
      title: t('statistics.rate'),
      dataIndex: 'rate',
      width: 240,
      render: (rate: number) => (
        <Progress
          percent={rate}
          size="small"
          status={rate < 100 ? 'normal' : 'success'}
          format={(p) => `${String(p ?? 0)}%`}
        />
      ),
    },
    {
      title: t('statistics.averageCredits'),
      dataIndex: 'averageCredits',
      align: 'right',
      width: 100,
    },
  ];
  return (
    <Card size="small" title={title}>
      <Table<G>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={columns}
        data-testid={testId}
        onRow={
          onOpen
            ? (g) => ({
                onClick: () => {
                  onOpen(g);
                },
                style: { cursor: 'pointer' },
              })
            : undefined
        }
      />
    </Card>
  );
}
