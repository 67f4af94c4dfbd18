import { describe, expect, it } from 'vitest';
import { isQuietHour, quietHoursEnd } from './quiet-hours';

// China time is UTC+8: 22:00 in Beijing is 14:00 UTC, 08:00 is 00:00 UTC.
describe('quiet hours (22:00–08:00 China time)', () => {
  it.each([
    ['2026-12-07T13:59:59Z', false, '2026-12-07T13:59:59.000Z'], // 21:59:59
    ['2026-12-07T14:00:00Z', true, '2026-12-08T00:00:00.000Z'], // 22:00 → next 08:00
    ['2026-12-07T15:30:00Z', true, '2026-12-08T00:00:00.000Z'], // 23:30
    ['2026-12-07T16:10:00Z', true, '2026-12-08T00:00:00.000Z'], // 00:10 of the 8th
    ['2026-12-07T23:59:00Z', true, '2026-12-08T00:00:00.000Z'], // 07:59
    ['2026-12-08T00:00:00Z', false, '2026-12-08T00:00:00.000Z'], // 08:00
    ['2026-12-31T15:00:00Z', true, '2027-01-01T00:00:00.000Z'], // 23:00 on New Year's Eve
  ])('%s: quiet %s, may go at %s', (at, quiet, end) => {
    expect(isQuietHour(new Date(at))).toBe(quiet);
    expect(quietHoursEnd(new Date(at)).toISOString()).toBe(end);
  });
});
