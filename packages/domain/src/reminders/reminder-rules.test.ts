import { describe, expect, it } from 'vitest';
import {
  dueAfter,
  dueMilestone,
  hostReportOffsetsDays,
  overdueBefore,
  entryReminderOffsetsDays,
  isBehind,
  needsLineZh,
  needsOf,
} from './reminder-rules';

describe('dueMilestone', () => {
  it.each([
    ['2026-09-01', null], // 121 days before: nothing yet
    ['2026-10-02', { offsetDays: 90, on: '2026-10-02', daysLeft: 90 }],
    ['2026-11-15', { offsetDays: 90, on: '2026-10-02', daysLeft: 46 }], // catch-up
    ['2026-12-01', { offsetDays: 30, on: '2026-12-01', daysLeft: 30 }],
    ['2026-12-24', { offsetDays: 7, on: '2026-12-24', daysLeft: 7 }],
    ['2026-12-31', { offsetDays: 7, on: '2026-12-24', daysLeft: 0 }],
    ['2027-01-01', null], // closed
  ] as const)('on %s', (asOf, expected) => {
    const due = dueMilestone('2026-12-31', asOf, entryReminderOffsetsDays);
    if (expected === null) expect(due).toBeNull();
    else expect(due).toEqual({ ...expected, deadline: '2026-12-31' });
  });
});

describe('behind and needs', () => {
  const standing = {
    compliant: false,
    shortfall: 12.5,
    requirements: [
      { code: 'annual_total', met: false, shortfall: 12.5 },
      { code: 'class_I_minimum', met: false, shortfall: 5 },
      { code: 'class_II_minimum', met: true, shortfall: 0 },
    ],
  };
  it('is behind when not compliant, with each unmet requirement', () => {
    expect(isBehind(standing)).toBe(true);
    expect(isBehind({ compliant: true })).toBe(false);
    expect(needsOf(standing)).toBe('annual_total:12.5;class_I_minimum:5');
    expect(needsLineZh(needsOf(standing))).toBe('年度总学分还差 12.5 学分；Ⅰ类学分还差 5 学分');
  });
});

describe('after a project ends and waiting reviews', () => {
  it.each([
    ['2026-06-06', null],
    ['2026-06-07', '2026-06-07'],
    ['2026-06-29', '2026-06-07'],
    ['2026-06-30', '2026-06-30'],
    ['2026-09-01', '2026-06-30'],
  ])('a project that ended 2026-05-31, on %s', (asOf, expected) => {
    expect(dueAfter('2026-05-31', asOf, hostReportOffsetsDays)).toBe(expected);
  });
  it('counts a claim that arrived before asOf − N days as overdue', () => {
    expect(overdueBefore('2026-12-20', 14)).toBe('2026-12-06');
  });
});
