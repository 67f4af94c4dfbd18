import { Col, Row } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { fetchSystemDashboard } from '../../../api';
import { LineChart, StatCard } from '../../../components/charts';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { formatDateTime } from '../../../utils/format';
import { DashboardHeader } from '../components/DashboardHeader';
import { DashboardPanel } from '../components/DashboardPanel';
import { DatabaseHealth } from './components/DatabaseHealth';
import { LatestBackup } from './components/LatestBackup';

const failedSignIns = '/audit-log?action=sign_in.failed';

/**
 * 工作台 of the system administrator: locked accounts and failed sign-ins (to the account
 * list and the audit log), the HR push outbox, and the database's health.
 */
export function SystemAdminHomePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ['dashboard', 'system'], queryFn: fetchSystemDashboard });
  if (query.isError) return <PageError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageLoading />;
  const { hrPush, lockedAccounts, failedSignIns: failed, database } = query.data;
  const title = t('dashboard.system.failedTitle');
  return (
    <div data-testid="system-dashboard">
      <DashboardHeader />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="locked"
            title={t('dashboard.system.lockedAccounts')}
            value={lockedAccounts}
            hint={t('dashboard.system.lockedHint')}
            tone="danger"
            onSelect={() => void navigate('/accounts?locked=true')}
            testId="stat-locked-accounts"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="failed"
            title={t('dashboard.system.failedSignIns')}
            value={failed.last24h}
            tone="warning"
            onSelect={() => void navigate(failedSignIns)}
            testId="stat-failed-sign-ins"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="hr-pending"
            title={t('dashboard.system.hrPending')}
            value={hrPush.pending}
            hint={
              hrPush.oldestDueAt === null
                ? t('dashboard.system.hrNoneWaiting')
                : t('dashboard.system.hrOldestDue', { at: formatDateTime(hrPush.oldestDueAt) })
            }
            testId="stat-hr-pending"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="hr-failed"
            title={t('dashboard.system.hrFailed')}
            value={hrPush.failed}
            tone="danger"
            testId="stat-hr-failed"
          />
        </Col>
        <Col xs={24} lg={14}>
          <DashboardPanel title={title} hint={t('dashboard.system.failedHint')}>
            <LineChart
              title={title}
              data={failed.byDay.map((d) => ({
                key: d.day,
                label: d.day.slice(5),
                value: d.count,
              }))}
              onSelect={() => void navigate(failedSignIns)}
              testId="chart-failed-sign-ins"
            />
          </DashboardPanel>
        </Col>
        <Col xs={24} lg={10}>
          <DashboardPanel title={t('dashboard.system.databaseTitle')}>
            <DatabaseHealth database={database} />
            {database === null ? null : <LatestBackup />}
          </DashboardPanel>
        </Col>
      </Row>
    </div>
  );
}
