import type { ComplianceStatistics } from '@jijiao/contracts';
import { BarChart, DonutChart, TrendChart } from '../../../components/charts';
import { useT } from '../../../i18n/use-t';
import { DashboardPanel } from '../../home/components/DashboardPanel';
import {
  channelData,
  childRateData,
  chinaYearMonth,
  distributionData,
  trendSeries,
} from '../statistics-charts';

interface ChartProps {
  stats: ComplianceStatistics;
  testId?: string;
}

/** Compliance rate (%) per child organisation; a click answers the child's id. */
export function ChildRateChart({
  stats,
  onSelect,
  testId = 'chart-by-child',
}: ChartProps & { onSelect?: (orgId: string) => void }) {
  const { t } = useT();
  const title = t('statistics.charts.byChildTitle');
  return (
    <DashboardPanel
      title={title}
      {...(onSelect ? { hint: t('statistics.charts.byChildHint') } : {})}
    >
      <BarChart
        title={title}
        horizontal
        data={childRateData(stats)}
        {...(onSelect ? { onSelect } : {})}
        testId={testId}
      />
    </DashboardPanel>
  );
}

/** Mean cumulative credits per person, month by month: this year against last year. */
export function TrendYearsChart({ stats, testId = 'chart-trend' }: ChartProps) {
  const { t, language } = useT();
  const title = t('statistics.charts.trendTitle');
  // "1月" in Chinese, "Jan" in English: the month's short name in the UI language.
  const monthName = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
  const { points, series } = trendSeries(stats, chinaYearMonth(), (year) =>
    t('statistics.charts.yearSeries', { year }),
  );
  return (
    <DashboardPanel title={title} hint={t('statistics.charts.trendHint')}>
      <TrendChart
        title={title}
        points={points.map((p) => ({
          ...p,
          label: monthName.format(Date.UTC(2000, Number(p.key) - 1, 1)),
        }))}
        series={series}
        testId={testId}
      />
    </DashboardPanel>
  );
}

/** Counted credits by the channel they arrived by; a click answers the channel. */
export function ChannelChart({
  stats,
  onSelect,
  testId = 'chart-channels',
}: ChartProps & { onSelect?: (channel: string) => void }) {
  const { t } = useT();
  const title = t('statistics.charts.channelTitle');
  return (
    <DashboardPanel
      title={title}
      hint={t(onSelect ? 'statistics.charts.channelHint' : 'statistics.charts.channelNote')}
    >
      <DonutChart
        title={title}
        data={channelData(stats, t)}
        {...(onSelect ? { onSelect } : {})}
        testId={testId}
      />
    </DashboardPanel>
  );
}

/** People per 5-credit bucket (no list behind a bucket: the progress list filters by shortfall). */
export function DistributionChart({ stats, testId = 'chart-distribution' }: ChartProps) {
  const { t } = useT();
  const title = t('statistics.charts.distributionTitle');
  return (
    <DashboardPanel title={title} hint={t('statistics.charts.distributionHint')}>
      <BarChart title={title} data={distributionData(stats)} testId={testId} />
    </DashboardPanel>
  );
}
