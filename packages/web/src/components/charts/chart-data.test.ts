import { describe, expect, it } from 'vitest';
import { summariseChart, summariseSeries } from './chart-data';

const zh = { emptyText: '暂无数据', separator: '：', listSeparator: '，' };

describe('summariseChart: the aria-label of a chart', () => {
  it('reads the title and every value, in order', () => {
    const data = [
      { key: 'draft', label: '草稿', value: 2 },
      { key: 'submitted', label: '待审核', value: 0 },
      { key: 'approved', label: '已通过', value: 5 },
    ];
    expect(summariseChart('授予批次状态', data, zh)).toBe(
      '授予批次状态：草稿 2，待审核 0，已通过 5',
    );
  });

  it('says so when there is nothing to draw', () => {
    expect(summariseChart('近期场次签到人数', [], zh)).toBe('近期场次签到人数：暂无数据');
    expect(
      summariseChart('Check-ins', [], {
        emptyText: 'No data',
        separator: ': ',
        listSeparator: ', ',
      }),
    ).toBe('Check-ins: No data');
  });
});

describe('summariseSeries: the aria-label of a chart with several lines', () => {
  const options = { ...zh, seriesSeparator: '；' };

  it('reads each series with its values by point, skipping gaps', () => {
    const series = [
      { name: '2026年', values: [1.5, 3, null] },
      { name: '2025年', values: [1, 2, 4] },
    ];
    expect(summariseSeries('本年与上年', ['1月', '2月', '3月'], series, options)).toBe(
      '本年与上年：2026年 1月 1.5，2月 3；2025年 1月 1，2月 2，3月 4',
    );
  });

  it('says so when no series has a value', () => {
    expect(
      summariseSeries('本年与上年', ['1月'], [{ name: '2026年', values: [null] }], options),
    ).toBe('本年与上年：暂无数据');
  });
});
