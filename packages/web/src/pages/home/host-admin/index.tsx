import { Col, Row } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { awardBatchStatuses } from '@jijiao/contracts';
import { fetchAttendanceDashboard, fetchAwardDashboard, fetchProjectDashboard } from '../../../api';
import { BarChart, DonutChart, StatCard, type ChartDatum } from '../../../components/charts';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { DashboardHeader } from '../components/DashboardHeader';
import { DashboardPanel } from '../components/DashboardPanel';
import { UpcomingProjects, UpcomingSessions } from './components/UpcomingTables';

/**
 * 工作台 of a project host: what starts in the next 30 days, how many checked in at the
 * latest sessions, and where its award batches stand. Bars, slices and tiles open the
 * list behind them.
 */
export function HostAdminHomePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const projects = useQuery({
    queryKey: ['dashboard', 'projects'],
    queryFn: fetchProjectDashboard,
  });
  const attendance = useQuery({
    queryKey: ['dashboard', 'attendance'],
    queryFn: fetchAttendanceDashboard,
  });
  const awards = useQuery({ queryKey: ['dashboard', 'awards'], queryFn: fetchAwardDashboard });
  const failed = [projects, attendance, awards].find((q) => q.isError);
  if (failed) return <PageError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!projects.data || !attendance.data || !awards.data) return <PageLoading />;

  const countOf = (status: string) =>
    awards.data.byStatus.find((s) => s.status === status)?.count ?? 0;
  const toBatches = (status: string) => void navigate(`/awards?status=${status}`);
  const batchData: ChartDatum[] = awardBatchStatuses.map((status) => ({
    key: status,
    label: t(`awards.status.${status}`),
    value: countOf(status),
  }));
  const checkins: ChartDatum[] = attendance.data.recent.map((s) => ({
    key: s.projectId,
    label: `${s.date.slice(5)} ${s.startTime} ${s.projectName}`,
    value: s.checkInCount,
  }));
  const span = t('dashboard.window', { from: projects.data.from, until: projects.data.until });

  return (
    <div data-testid="host-dashboard">
      <DashboardHeader />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="projects"
            title={t('dashboard.host.upcomingProjects')}
            value={projects.data.upcomingCount}
            hint={span}
            onSelect={() => void navigate('/projects')}
            testId="stat-upcoming-projects"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="sessions"
            title={t('dashboard.host.upcomingSessions')}
            value={attendance.data.upcomingCount}
            hint={span}
            testId="stat-upcoming-sessions"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="draft"
            title={t('dashboard.host.batchesToSubmit')}
            value={countOf('draft') + countOf('returned')}
            hint={t('dashboard.host.batchesToSubmitHint')}
            tone="warning"
            onSelect={toBatches}
            testId="stat-batches-to-submit"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="submitted"
            title={t('dashboard.host.batchesInReview')}
            value={countOf('submitted')}
            onSelect={toBatches}
            testId="stat-batches-in-review"
          />
        </Col>
        <Col xs={24} lg={14}>
          <DashboardPanel
            title={t('dashboard.host.checkinsTitle')}
            hint={t('dashboard.host.checkinsHint')}
          >
            <BarChart
              title={t('dashboard.host.checkinsTitle')}
              data={checkins}
              horizontal
              onSelect={(projectId) => void navigate(`/projects/${projectId}/checkin`)}
              testId="chart-checkins"
            />
          </DashboardPanel>
        </Col>
        <Col xs={24} lg={10}>
          <DashboardPanel
            title={t('dashboard.host.batchesTitle')}
            hint={t('dashboard.host.batchesHint')}
          >
            <DonutChart
              title={t('dashboard.host.batchesTitle')}
              data={batchData}
              onSelect={toBatches}
              testId="chart-batches"
            />
          </DashboardPanel>
        </Col>
        <Col xs={24} lg={12}>
          <DashboardPanel title={t('dashboard.host.projectsTitle')}>
            <UpcomingProjects items={projects.data.upcoming} />
          </DashboardPanel>
        </Col>
        <Col xs={24} lg={12}>
          <DashboardPanel title={t('dashboard.host.sessionsTitle')}>
            <UpcomingSessions items={attendance.data.upcoming} />
          </DashboardPanel>
        </Col>
      </Row>
    </div>
  );
}
