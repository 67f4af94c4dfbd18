import { Col, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { fetchAuditDashboard, fetchReviewLevels, fetchUnitStatistics } from '../../../api';
import { StatCard } from '../../../components/charts';
import { FreshnessAlert } from '../../../components/FreshnessAlert';
import { PageError, PageLoading } from '../../../components/PageState';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session-context';
import { formatDateTime } from '../../../utils/format';
import { defaultProgressFilters, progressPath } from '../../progress/list/progress-filters';
import {
  ChannelChart,
  ChildRateChart,
  TrendYearsChart,
} from '../../statistics/components/StatisticsCharts';
import { DashboardHeader } from '../components/DashboardHeader';
import { DeadlineNotice } from '../../../components/DeadlineNotice';
import { DashboardPanel } from '../components/DashboardPanel';
import { ReviewLevelsTable } from '../components/ReviewLevelsTable';
import { AuditByCity } from './components/AuditByCity';

const behindIn = (unitId: string | undefined) =>
  progressPath({ ...defaultProgressFilters, unitId, compliance: 'behind' });

/**
 * 工作台 of the provincial CME office: the province's people and how many meet the year,
 * compliance per city, this year against last, credits by channel, where claims wait in
 * the review chain, and the annual audit per city. Tiles, bars and rows open their lists.
 */
export function ProvinceAdminHomePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const { grant } = useSession();
  const stats = useQuery({
    queryKey: ['unit-statistics', grant.orgId, undefined],
    queryFn: () => fetchUnitStatistics(grant.orgId, undefined),
  });
  const levels = useQuery({ queryKey: ['dashboard', 'review-levels'], queryFn: fetchReviewLevels });
  const audit = useQuery({ queryKey: ['dashboard', 'audit'], queryFn: fetchAuditDashboard });
  const failed = [stats, levels, audit].find((q) => q.isError);
  if (failed) return <PageError error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!stats.data || !levels.data || !audit.data) return <PageLoading />;

  const { overall } = stats.data;
  const oldest = levels.data.byLevel.reduce<string | null>(
    (min, l) => (min === null || l.oldestSubmittedAt < min ? l.oldestSubmittedAt : min),
    null,
  );
  const current = audit.data.audit;
  const toAudit = () => void navigate('/audit/manage');

  return (
    <div data-testid="province-dashboard">
      <DashboardHeader />
      <DeadlineNotice spaced />
      <FreshnessAlert freshness={stats.data} />
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="staff"
            title={t('dashboard.province.staff', { year: stats.data.year })}
            value={overall.staff}
            hint={t('dashboard.province.averageCredits', { credits: overall.averageCredits })}
            onSelect={() => void navigate('/progress')}
            testId="stat-staff"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="rate"
            title={t('dashboard.province.rate')}
            value={`${overall.rate.toFixed(1)}%`}
            hint={t('dashboard.province.compliant', { count: overall.compliant })}
            onSelect={() => void navigate('/statistics')}
            testId="stat-rate"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="behind"
            title={t('dashboard.province.behind')}
            value={overall.staff - overall.compliant}
            tone="danger"
            onSelect={() => void navigate(behindIn(undefined))}
            testId="stat-behind"
          />
        </Col>
        <Col xs={12} lg={6}>
          <StatCard
            statKey="in-review"
            title={t('dashboard.province.inReview')}
            value={levels.data.waiting}
            hint={
              oldest === null
                ? t('dashboard.reviewer.nothingWaiting')
                : t('dashboard.reviewer.oldestSince', { at: formatDateTime(oldest) })
            }
            tone="warning"
            // The province's bodies review their own steps; the province acts for them (代审).
            onSelect={() => void navigate('/reviews?tab=act-for')}
            testId="stat-in-review"
          />
        </Col>
        <Col xs={24} lg={12}>
          <ChildRateChart
            stats={stats.data}
            onSelect={(cityId) => void navigate(behindIn(cityId))}
            testId="chart-by-city"
          />
        </Col>
        <Col xs={24} lg={12}>
          <TrendYearsChart stats={stats.data} />
        </Col>
        <Col xs={24} lg={12}>
          <ChannelChart
            stats={stats.data}
            onSelect={(channel) => void navigate(`/reviews?tab=act-for&channel=${channel}`)}
          />
        </Col>
        <Col xs={24} lg={12}>
          <DashboardPanel
            title={t('dashboard.levels.title')}
            hint={t('dashboard.levels.hint')}
            extra={<Link to="/reviews?tab=act-for">{t('dashboard.levels.toQueue')}</Link>}
            testId="panel-review-levels"
          >
            <ReviewLevelsTable levels={levels.data} />
          </DashboardPanel>
        </Col>
        <Col xs={24}>
          <DashboardPanel
            title={
              current
                ? t('dashboard.reviewer.auditTitle', { year: current.year })
                : t('dashboard.reviewer.noAudit')
            }
            hint={
              current?.reportDeadline
                ? t('dashboard.province.auditHint', {
                    deadline: current.reportDeadline,
                    late: audit.data.lateCount,
                  })
                : t('dashboard.reviewer.noDeadline')
            }
            extra={<Link to="/audit/manage">{t('dashboard.province.toAudit')}</Link>}
            testId="panel-audit-by-city"
          >
            {current ? (
              <AuditByCity dashboard={audit.data} onOpen={toAudit} />
            ) : (
              <Typography.Text type="secondary">{t('dashboard.reviewer.noAudit')}</Typography.Text>
            )}
          </DashboardPanel>
        </Col>
      </Row>
    </div>
  );
}
