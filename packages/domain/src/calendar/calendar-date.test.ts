import { describe, expect, it } from 'vitest';
import { isCalendarDateText, isCalendarDay } from './calendar-date';

describe('isCalendarDay', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false], // divisible by 100, not by 400
    [2000, 2, 29, true], // divisible by 400
    [2026, 4, 30, true],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 13, 1, false],
    [2026, 0, 10, false],
    [2026, 1, 0, false],
    [50, 2, 29, false], // year 50 is not a leap year (Date.UTC would read it as 1950)
    [48, 2, 29, true],
    [2026, 1.5, 1, false],
    [Number.NaN, 1, 1, false],
  ])('%s-%s-%s → %s', (year, month, day, expected) => {
    expect(isCalendarDay(year, month, day)).toBe(expected);
  });
});

describe('isCalendarDateText', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-2-28', false],
    ['2026-02-28T00:00', false],
    ['2026/02/28', false],
    ['20x6-02-28', false],
    ['2026-+2-28', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isCalendarDateText(text)).toBe(expected);
  });
});
