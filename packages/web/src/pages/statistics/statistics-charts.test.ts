import { describe, expect, it } from 'vitest';
import type { ComplianceStatistics } from '@jijiao/contracts';
import { channelData, chinaYearMonth, distributionData, trendSeries } from './statistics-charts';

const months = Array.from({ length: 12 }, (_, i) => i + 1);
const stats = {
  year: 2026,
  trend: {
    months,
    thisYear: months.map((m) => m * 2),
    lastYear: months.map((m) => m),
  },
  byChannel: [
    { channel: 'self_report', credits: 3.5 },
    { channel: 'host_award', credits: 12 },
    { channel: 'platform_push', credits: 0 },
  ],
  distribution: [
    { from: 0, to: 5, staff: 4 },
    { from: 40, to: null, staff: 1 },
  ],
} as unknown as ComplianceStatistics;

describe('the statistics charts’ data', () => {
  it('draws this year up to the current month and leaves the months ahead as gaps', () => {
    const { points, series } = trendSeries(
      stats,
      { year: 2026, month: 3 },
      (y) => `${String(y)}年`,
    );
    expect(points[0]).toEqual({ key: '1', label: '1' });
    expect(series.map((s) => s.name)).toEqual(['2026年', '2025年']);
    expect(series[0]?.values.slice(0, 4)).toEqual([2, 4, 6, null]);
    expect(series[1]?.values).toEqual(months);
  });

  it('draws a past year whole and a future one not at all', () => {
    const past = trendSeries(stats, { year: 2027, month: 1 }, String);
    expect(past.series[0]?.values.at(-1)).toBe(24);
    const future = trendSeries(stats, { year: 2025, month: 12 }, String);
    expect(future.series[0]?.values.every((v) => v === null)).toBe(true);
  });

  it('names channels, most credits first, and leaves out those with none', () => {
    const t = (key: string) => `«${key}»`;
    expect(channelData(stats, t)).toEqual([
      { key: 'host_award', label: '«credits.channel.host_award»', value: 12 },
      { key: 'self_report', label: '«credits.channel.self_report»', value: 3.5 },
    ]);
  });

  it('labels the credit buckets, the last one open', () => {
    expect(distributionData(stats).map((d) => [d.label, d.value])).toEqual([
      ['0–5', 4],
      ['≥40', 1],
    ]);
  });

  it('reads the year and month in China, not the browser’s zone', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 in Beijing.
    expect(chinaYearMonth(new Date('2026-12-31T17:00:00Z'))).toEqual({ year: 2027, month: 1 });
  });
});
