import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarProblems,
  calendarRefusal,
  daysBetween,
  type ProvinceCalendarDays,
} from './province-calendar';

const calendar: ProvinceCalendarDays = {
  year: 2026,
  entryCloses: '2026-12-31',
  unitAuditDue: '2027-01-31',
  cityAuditDue: '2027-02-28',
  provinceFiling: '2027-03-31',
  earlyAuditOpens: '2026-09-01',
  earlyAuditCloses: '2026-10-14',
};

describe('calendarRefusal', () => {
  it.each([
    ['enter', '2026-12-31', null],
    ['enter', '2027-01-01', { code: 'entry_closed', closedOn: '2026-12-31' }],
    ['finish', '2027-01-01', null],
    ['finish', '2027-02-01', { code: 'entry_closed', closedOn: '2027-01-31' }],
    ['review', '2027-01-31', null],
    ['review', '2027-02-01', { code: 'review_closed', closedOn: '2027-01-31' }],
  ] as const)('%s on %s', (act, today, expected) => {
    const refusal = calendarRefusal(calendar, act, today);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toEqual({ ...expected, year: 2026 });
  });

  it('refuses nothing without a calendar', () => {
    expect(calendarRefusal(null, 'enter', '2099-01-01')).toBeNull();
  });
});

describe('days', () => {
  it.each([
    ['2026-12-01', '2026-12-31', 30],
    ['2026-12-31', '2026-12-31', 0],
    ['2027-01-02', '2026-12-31', -2],
    ['2024-02-28', '2024-03-01', 2],
  ])('from %s to %s is %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });
});

describe('calendarProblems', () => {
  it('accepts days in order', () => {
    expect(calendarProblems(calendar)).toEqual([]);
  });
  it('names the field out of order and a half window', () => {
    expect(
      calendarProblems({ ...calendar, cityAuditDue: '2027-01-01', earlyAuditCloses: null }),
    ).toEqual([
      { field: 'cityAuditDue', message: 'must not be before unitAuditDue' },
      { field: 'earlyAuditCloses', message: 'the early-audit window needs both days or neither' },
    ]);
  });
});
