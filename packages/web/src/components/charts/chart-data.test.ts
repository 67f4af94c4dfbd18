import { describe, expect, it } from 'vitest';
import { summariseChart } from './chart-data';

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
