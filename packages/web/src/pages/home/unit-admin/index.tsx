import { Col, Row } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import {
  fetchAuditDashboard,
  fetchReviewDashboard,
  fetchReviewLevels,
  fetchUnitProgress,
  fetchUnitStatistics,
} from '../../../api';
import { StatCard } from '../../../components/charts';
import { FreshnessAlert } from '../../../components/FreshnessAlert';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { formatDateTime, localToday } from '../../../utils/format';
import { defaultProgressFilters, progressPath } from '../../progress/list/progress-filters';
import { DistributionChart, TrendYearsChart } from '../../statistics/components/StatisticsCharts';
import { DashboardHeader } from '../components/DashboardHeader';
import { DeadlineNotice } from '../../../components/DeadlineNotice';
import { DashboardPanel } from '../components/DashboardPanel';
import { ReviewLevelsTable } from '../components/ReviewLevelsTable';
import { BehindStaff } from './components/BehindStaff';
import { countCardOrders, formatCount } from './card-order-counts';

const behindPath = progressPath({ ...defaultProgressFilters, compliance: 'behind' });
const dayMs = 86_400_000;

/**
 * 工作台 of a unit's CME officer: how many staff meet the year and who is behind (largest
 * shortfall first), the claims waiting for the unit's review, the annual audit's deadline
 * and the unit's report, card orders, and how credits are spread. Each opens its list.
 */
export function UnitAdminHomePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const { grant } = useSession();
  const stats = useQuery({
    queryKey: ['unit-statistics', grant.orgId, undefined],
    queryFn: () => fetchUnitStatistics(grant.orgId, undefined),
  });
  const behind = useQuery({
    queryKey: ['dashboard', 'behind', grant.orgId],
    queryFn: () => fetchUnitProgress(grant.orgId, { compliant: 'false', limit: 10 }),
  });
  const queue = useQuery({ queryKey: ['dashboard', 'reviews'], queryFn: fetchReviewDashboard });
  const levels = useQuery({ queryKey: ['dashboard', 'review-levels'], queryFn: fetchReviewLevels });
  const audit = useQuery({ queryKey: ['dashboard', 'audit'], queryFn: fetchAuditDashboard });
  const orders = useQuery({ queryKey: ['dashboard', 'card-orders'], queryFn: countCardOrders });
  const failed = [stats, behind, queue, levels, audit, orders].find((q) => q.isError);
  if (failed) return <PageError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!stats.data || !behind.data || !queue.data || !levels.data || !audit.data || !orders.data)
    return <PageLoading />;

  const { overall } = stats.data;
  // From the statistics (the progress list counts with its first page only).
  const behindCount = overall.staff - overall.compliant;
  const current = audit.data.audit;
  const reportStatus = audit.data.byStatus.find((s) => s.count > 0)?.status;
  const daysLeft = current?.reportDeadline
    ? Math.round((Date.parse(current.reportDeadline) - Date.parse(localToday())) / dayMs)
    : null;
  const deadlineHint =
    !current?.reportDeadline || daysLeft === null
      ? t('dashboard.reviewer.noDeadline')
      : daysLeft >= 0
        ? t('dashboard.unit.deadlineIn', { deadline: current.reportDeadline, days: daysLeft })
        : t('dashboard.unit.deadlinePassed', { deadline: current.reportDeadline });
  const ordersOf = (status: string) => orders.data.find((o) => o.status === status);
  const oldest = queue.data.oldestSubmittedAt;

  return (
    <div data-testid="unit-dashboard">
      <DashboardHeader />
      <DeadlineNotice spaced />
      <FreshnessAlert freshness={stats.data} />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={{ flex: '20%' }}>
          <StatCard
            statKey="rate"
            title={t('dashboard.unit.rate', { year: stats.data.year })}
            value={`${overall.rate.toFixed(1)}%`}
            hint={t('dashboard.unit.compliantOf', {
              compliant: overall.compliant,
              staff: overall.staff,
            })}
            onSelect={() => void navigate('/statistics')}
            testId="stat-rate"
          />
        </Col>
        <Col xs={12} lg={{ flex: '20%' }}>
          <StatCard
            statKey="behind"
            title={t('dashboard.province.behind')}
            value={behindCount}
            tone="danger"
            onSelect={() => void navigate(behindPath)}
            testId="stat-behind"
          />
        </Col>
        <Col xs={12} lg={{ flex: '20%' }}>
          <StatCard
            statKey="queue"
            title={t('dashboard.unit.waiting')}
            value={queue.data.waiting}
            hint={
              oldest === null
                ? t('dashboard.reviewer.nothingWaiting')
                : t('dashboard.reviewer.oldestSince', { at: formatDateTime(oldest) })
            }
            tone="warning"
            onSelect={() => void navigate('/reviews')}
            testId="stat-review-waiting"
          />
        </Col>
        <Col xs={12} lg={{ flex: '20%' }}>
          <StatCard
            statKey="audit"
            title={
              current
                ? t('dashboard.unit.auditTitle', { year: current.year })
                : t('dashboard.reviewer.noAudit')
            }
            value={reportStatus ? t(`audit.reportStatus.${reportStatus}`) : '—'}
            hint={deadlineHint}
            tone={audit.data.lateCount > 0 ? 'danger' : 'default'}
            onSelect={() => void navigate('/audit/unit')}
            testId="stat-audit"
          />
        </Col>
        <Col xs={24} lg={{ flex: '20%' }}>
          <StatCard
            statKey="orders"
            title={t('dashboard.unit.cardOrders')}
            value={formatCount(ordersOf('pending'))}
            hint={t('dashboard.unit.cardOrdersHint', {
              fulfilled: formatCount(ordersOf('fulfilled')),
              cancelled: formatCount(ordersOf('cancelled')),
            })}
            onSelect={() => void navigate('/cards?tab=orders&status=pending')}
            testId="stat-card-orders"
          />
        </Col>
        <Col xs={24} lg={14}>
          <DashboardPanel
            title={t('dashboard.unit.behindTitle')}
            extra={
              <Link to={behindPath} data-testid="behind-all">
                {t('dashboard.unit.behindAll', { count: behindCount })}
              </Link>
            }
          >
            <BehindStaff progress={behind.data} back="/" />
          </DashboardPanel>
        </Col>
        <Col xs={24} lg={10}>
          <DistributionChart stats={stats.data} />
        </Col>
        <Col xs={24} lg={12}>
          <DashboardPanel
            title={t('dashboard.levels.title')}
            hint={t('dashboard.unit.levelsHint')}
            testId="panel-review-levels"
          >
            <ReviewLevelsTable levels={levels.data} />
          </DashboardPanel>
        </Col>
        <Col xs={24} lg={12}>
          <TrendYearsChart stats={stats.data} />
        </Col>
      </Row>
    </div>
  );
}
