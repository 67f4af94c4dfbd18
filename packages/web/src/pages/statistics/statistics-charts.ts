import type { ComplianceStatistics } from '@jijiao/contracts';
import type { ChartDatum, ChartSeries } from '../../components/charts';
import type { Translate } from '../../i18n/use-t';

/** Each child organisation's compliance rate (%), lowest first, as the statistics give it. */
export function childRateData(stats: ComplianceStatistics): ChartDatum[] {
  return stats.byChild.map((c) => ({ key: c.key, label: c.name, value: c.rate }));
}

/**
 * The trend as two lines: this year up to `month` (later months have not happened: gaps),
 * all of last year. `month` is the current month when `stats.year` is the current year.
 */
export function trendSeries(
  stats: ComplianceStatistics,
  today: { year: number; month: number },
  name: (year: number) => string,
): { points: { key: string; label: string }[]; series: ChartSeries[] } {
  const { months, thisYear, lastYear } = stats.trend;
  const until = stats.year === today.year ? today.month : stats.year > today.year ? 0 : 12;
  return {
    points: months.map((m) => ({ key: String(m), label: String(m) })),
    series: [
      {
        name: name(stats.year),
        values: thisYear.map((v, i) => ((months[i] ?? 13) <= until ? v : null)),
      },
      { name: name(stats.year - 1), values: [...lastYear] },
    ],
  };
}

/** Counted credits per arrival channel, most first; channels with none left out. */
export function channelData(stats: ComplianceStatistics, t: Translate): ChartDatum[] {
  return stats.byChannel
    .filter((c) => c.credits > 0)
    .sort((a, b) => b.credits - a.credits)
    .map((c) => ({ key: c.channel, label: t(`credits.channel.${c.channel}`), value: c.credits }));
}

/** People per 5-credit bucket, in order: "0–5", …, "≥ 40". */
export function distributionData(stats: ComplianceStatistics): ChartDatum[] {
  return stats.distribution.map((b) => ({
    key: String(b.from),
    label: b.to === null ? `≥${String(b.from)}` : `${String(b.from)}–${String(b.to)}`,
    value: b.staff,
  }));
}

/** This year and month in China (the standings' calendar), for the trend's cut-off. */
export function chinaYearMonth(now: Date = new Date()): { year: number; month: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number);
  return { year: year ?? now.getFullYear(), month: month ?? now.getMonth() + 1 };
}
