import { Table, type TableColumnsType } from 'antd';
import type { AuditDashboard } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';

type City = AuditDashboard['byCity'][number];

/** The annual audit per city: units, reported, approved, late; a row opens 审验管理. */
export function AuditByCity({
  dashboard,
  onOpen,
}: {
  dashboard: AuditDashboard;
  onOpen: () => void;
}) {
  const { t } = useT();
  const columns: TableColumnsType<City> = [
    {
      title: t('audit.city'),
      dataIndex: 'cityName',
      ellipsis: true,
      render: (name: string | null) => name ?? t('audit.direct'),
    },
    { title: t('audit.units'), dataIndex: 'units', align: 'right', width: 70 },
    { title: t('audit.reported'), dataIndex: 'reported', align: 'right', width: 80 },
    { title: t('audit.approved'), dataIndex: 'approved', align: 'right', width: 80 },
    { title: t('audit.late'), dataIndex: 'late', align: 'right', width: 70 },
  ];
  return (
    <Table<City>
      rowKey={(c) => c.cityId ?? 'direct'}
      size="small"
      columns={columns}
      dataSource={[...dashboard.byCity]}
      pagination={false}
      scroll={{ y: 240 }}
      locale={{ emptyText: t('dashboard.reviewer.noAudit') }}
      onRow={() => ({ onClick: onOpen, style: { cursor: 'pointer' } })}
      data-testid="audit-by-city"
    />
  );
}
