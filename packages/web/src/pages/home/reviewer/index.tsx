import { Col, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { unitReportStatuses } from '@jijiao/contracts';
import { fetchAuditDashboard, fetchReviewDashboard, fetchUnitStatistics } from '../../../api';
import { BarChart, DonutChart, StatCard } from '../../../components/charts';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { formatDateTime } from '../../../utils/format';
import { defaultProgressFilters, progressPath } from '../../progress/list/progress-filters';
import { ChildRateChart } from '../../statistics/components/StatisticsCharts';
import { DashboardHeader } from '../components/DashboardHeader';
import { DeadlineNotice } from '../../../components/DeadlineNotice';
import { DashboardPanel } from '../components/DashboardPanel';
import { LateUnits } from './components/LateUnits';

const dayMs = 86_400_000;

/**
 * 工作台 of a reviewing body (district or city commission, association): the claims
 * waiting at its level, the annual audit of the units below it, late units first, and the
 * compliance of the organisations below it (a bar opens who is behind there).
 */
export function ReviewerHomePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const { grant } = useSession();
  const reviews = useQuery({ queryKey: ['dashboard', 'reviews'], queryFn: fetchReviewDashboard });
  const audit = useQuery({ queryKey: ['dashboard', 'audit'], queryFn: fetchAuditDashboard });
  const stats = useQuery({
    queryKey: ['unit-statistics', grant.orgId, undefined],
    queryFn: () => fetchUnitStatistics(grant.orgId, undefined),
  });
  const failed = [reviews, audit, stats].find((q) => q.isError);
  if (failed) return <PageError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!reviews.data || !audit.data || !stats.data) return <PageLoading />;

  const queue = reviews.data;
  const { audit: current } = audit.data;
  const oldest = queue.oldestSubmittedAt;
  const waitedDays =
    oldest === null ? null : Math.max(0, Math.floor((Date.now() - Date.parse(oldest)) / dayMs));
  const toReports = () =>
    void navigate(current ? `/audit/review?audit=${current.id}` : '/audit/review');
  const auditTitle = current
    ? t('dashboard.reviewer.auditTitle', { year: current.year })
    : t('dashboard.reviewer.noAudit');

  return (
    <div data-testid="reviewer-dashboard">
      <DashboardHeader />
      <DeadlineNotice spaced />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="queue"
            title={t('dashboard.reviewer.waiting')}
            value={queue.waiting}
            tone="warning"
            // What waits below, for 代审 (ADR 0023): counted apart, as the queue's tab lists it.
            hint={t('dashboard.reviewer.actForWaiting', { count: queue.actForWaiting })}
            onSelect={() =>
              void navigate(
                queue.waiting === 0 && queue.actForWaiting > 0
                  ? '/reviews?tab=act-for'
                  : '/reviews',
              )
            }
            testId="stat-review-waiting"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="oldest"
            title={t('dashboard.reviewer.oldest')}
            value={
              waitedDays === null ? '—' : t('dashboard.reviewer.oldestDays', { days: waitedDays })
            }
            hint={
              oldest === null
                ? t('dashboard.reviewer.nothingWaiting')
                : t('dashboard.reviewer.oldestSince', { at: formatDateTime(oldest) })
            }
            testId="stat-review-oldest"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="reports"
            title={t('dashboard.reviewer.reportsWaiting')}
            value={audit.data.waitingAtMe}
            tone="warning"
            onSelect={toReports}
            testId="stat-reports-waiting"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="late"
            title={t('dashboard.reviewer.lateUnits')}
            value={audit.data.lateCount}
            hint={
              current?.reportDeadline
                ? t('dashboard.reviewer.lateHint', { deadline: current.reportDeadline })
                : t('dashboard.reviewer.noDeadline')
            }
            tone="danger"
            testId="stat-late-units"
          />
        </Col>
        <Col xs={24} lg={13}>
          <DashboardPanel
            title={t('dashboard.reviewer.byTypeTitle')}
            hint={t('dashboard.reviewer.byTypeHint')}
          >
            <BarChart
              title={t('dashboard.reviewer.byTypeTitle')}
              horizontal
              data={queue.byType.map((b) => ({
                key: b.type,
                label: t(`reviews.type.${b.type}`),
                value: b.count,
              }))}
              onSelect={(type) => void navigate(`/reviews?type=${type}`)}
              testId="chart-review-types"
            />
          </DashboardPanel>
        </Col>
        <Col xs={24} lg={11}>
          <DashboardPanel
            title={auditTitle}
            {...(current ? { hint: t('dashboard.reviewer.auditHint') } : {})}
          >
            <DonutChart
              title={auditTitle}
              data={unitReportStatuses.map((status) => ({
                key: status,
                label: t(`audit.reportStatus.${status}`),
                value: audit.data.byStatus.find((s) => s.status === status)?.count ?? 0,
              }))}
              onSelect={toReports}
              testId="chart-audit-reports"
            />
          </DashboardPanel>
        </Col>
        <Col xs={24}>
          <DashboardPanel title={t('dashboard.reviewer.lateTitle')}>
            {current ? (
              <LateUnits dashboard={audit.data} />
            ) : (
              <Typography.Text type="secondary">{t('dashboard.reviewer.noAudit')}</Typography.Text>
            )}
          </DashboardPanel>
        </Col>
        <Col xs={24}>
          <ChildRateChart
            stats={stats.data}
            onSelect={(orgId) =>
              void navigate(
                progressPath({ ...defaultProgressFilters, unitId: orgId, compliance: 'behind' }),
              )
            }
            testId="chart-compliance-by-unit"
          />
        </Col>
      </Row>
    </div>
  );
}
