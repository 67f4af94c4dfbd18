import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { AttendanceDashboard, ProjectDashboard } from '@jijiao/contracts';
import { useT } from '../../../../i18n/use-t';
import { formatDateRange } from '../../../../utils/format';
import { ProjectStatusTag } from '../../../projects/components/ProjectStatusTag';

type UpcomingProject = ProjectDashboard['upcoming'][number];
type UpcomingSession = AttendanceDashboard['upcoming'][number];

/** Projects starting soon, each opening its sessions and check-in page. */
export function UpcomingProjects({ items }: { items: readonly UpcomingProject[] }) {
  const { t } = useT();
  const columns: TableColumnsType<UpcomingProject> = [
    {
      title: t('dashboard.host.date'),
      key: 'date',
      width: 190,
      render: (_v: unknown, p) => formatDateRange(p.startDate, p.endDate),
    },
    {
      title: t('dashboard.host.name'),
      key: 'name',
      render: (_v: unknown, p) => <Link to={`/projects/${p.id}/checkin`}>{p.name}</Link>,
    },
    {
      title: t('dashboard.host.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: UpcomingProject['status']) => <ProjectStatusTag status={status} />,
    },
  ];
  return (
    <Table<UpcomingProject>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...items]}
      pagination={false}
      locale={{ emptyText: t('dashboard.host.noProjects') }}
      data-testid="upcoming-projects"
    />
  );
}

/** Sessions of the next 30 days, each opening its project's check-in page. */
export function UpcomingSessions({ items }: { items: readonly UpcomingSession[] }) {
  const { t } = useT();
  const columns: TableColumnsType<UpcomingSession> = [
    {
      title: t('dashboard.host.time'),
      key: 'time',
      width: 170,
      render: (_v: unknown, s) => `${s.date} ${s.startTime}–${s.endTime}`,
    },
    {
      title: t('dashboard.host.project'),
      key: 'project',
      render: (_v: unknown, s) => (
        <Link to={`/projects/${s.projectId}/checkin`}>{s.projectName}</Link>
      ),
    },
    { title: t('dashboard.host.place'), dataIndex: 'place', width: 160, ellipsis: true },
  ];
  return (
    <Table<UpcomingSession>
      rowKey="sessionId"
      size="small"
      columns={columns}
      dataSource={[...items]}
      pagination={false}
      locale={{ emptyText: t('dashboard.host.noSessions') }}
      data-testid="upcoming-sessions"
    />
  );
}
