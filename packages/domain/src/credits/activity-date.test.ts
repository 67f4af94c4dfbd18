import { describe, expect, it } from 'vitest';
import { isActivityInFuture } from './activity-date';

describe('isActivityInFuture', () => {
  it.each([
    ['2026-03-01', '2026-03-01', false],
    ['2026-02-28', '2026-03-01', false],
    ['2026-03-02', '2026-03-01', true],
    ['2027-01-01', '2026-12-31', true],
  ] as const)('%s on %s → %s', (date, today, future) => {
    expect(isActivityInFuture(date, today)).toBe(future);
  });
});
