import { Card, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { fetchProject } from '../../../api';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { AttendanceCard } from './AttendanceCard';
import { DevicesCard } from './DevicesCard';
import { SessionsCard } from './SessionsCard';
import { PageHeader } from '../../../components/PageHeader';

/** `/projects/:id/checkin`: the host's sessions, kiosks and attendance of one project. */
export function ProjectCheckinPage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const { access } = useSession();
  const project = useQuery({ queryKey: ['projects', 'one', id], queryFn: () => fetchProject(id) });
  if (project.isPending) return <PageLoading />;
  if (project.isError) return <PageError error={project.error} />;
  const canEdit = access.permissions.has('project:manage') && project.data.status === 'filed';
  return (
    <Flex vertical gap={16}>
      <Card>
        <PageHeader
          title={
            <>
              {t('checkin.title')} · {project.data.name}
            </>
          }
        />
        <Typography.Text type="secondary">
          {project.data.number} · <Link to="/kiosk">{t('checkin.openKiosk')}</Link>
        </Typography.Text>
      </Card>
      <SessionsCard projectId={id} canEdit={canEdit} />
      <DevicesCard projectId={id} canEdit={canEdit} />
      <AttendanceCard projectId={id} canEdit={canEdit} />
    </Flex>
  );
}
