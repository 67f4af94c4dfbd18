import { Table, Typography, type TableColumnsType } from 'antd';
import type { AuditDashboard } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';
import { ReportStatusTag } from '../../../audit/components/ReportStatusTag';

type LateUnit = AuditDashboard['late'][number];

/** Units late with their annual audit report and not yet approved (the first 10). */
export function LateUnits({ dashboard }: { dashboard: AuditDashboard }) {
  const { t } = useT();
  const columns: TableColumnsType<LateUnit> = [
    { title: t('dashboard.reviewer.unit'), dataIndex: 'unitName' },
    {
      title: t('dashboard.reviewer.city'),
      dataIndex: 'cityName',
      render: (name: string | null) => name ?? t('dashboard.reviewer.direct'),
    },
    {
      title: t('dashboard.reviewer.reportStatus'),
      dataIndex: 'status',
      width: 150,
      render: (status: LateUnit['status']) => <ReportStatusTag status={status} late />,
    },
  ];
  const more = dashboard.lateCount - dashboard.late.length;
  return (
    <>
      <Table<LateUnit>
        rowKey="unitId"
        size="small"
        columns={columns}
        dataSource={[...dashboard.late]}
        pagination={false}
        locale={{ emptyText: t('dashboard.reviewer.noLate') }}
        data-testid="late-units"
      />
      {more > 0 && (
        <Typography.Text type="secondary">
          {t('dashboard.reviewer.moreLate', { count: more })}
        </Typography.Text>
      )}
    </>
  );
}
