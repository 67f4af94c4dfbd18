import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import { entryYearClosedOn, findClosedEntryYear } from './entry-year';
import { valueClaim } from './value-claim';

const hunan = { province: '430000', city: '430100' };
const hubei = { province: '420000' };
const sichuan = { province: '510000', city: '510100', district: '510104' };

/** The closed year refusing an activity entered on `today` at `place`, as the server asks. */
function closedYear(place: typeof hubei, activity: Record<string, unknown>, today: string) {
  const valued = valueClaim(defaultPolicyRegistry, place, 'c1', activity);
  if (!valued.ok) throw new Error(`${valued.field}: ${valued.message}`);
  return findClosedEntryYear(valued.value, today);
}

const paper = (date: string) => ({ type: 'paper', date, journal: 'core', authorRank: 1 });

describe('entry in the year of the credits (Hunan: 学分按年度录入，方可视为当年有效学分)', () => {
  it.each([
    ['Hunan, 2025 entered on 2026-01-01', hunan, paper('2025-06-01'), '2026-01-01', 2025],
    ['Hunan, 2025 entered on 2025-12-31', hunan, paper('2025-06-01'), '2025-12-31', null],
    ['Hunan, 2026 entered in 2026', hunan, paper('2026-03-01'), '2026-03-02', null],
    ['Hunan, 2024 (2006 measures) entered in 2026', hunan, paper('2024-12-31'), '2026-05-01', 2024],
    ['Hubei, 2025 entered in 2026', hubei, paper('2025-06-01'), '2026-01-01', null],
    ['Sichuan, 2020 entered in 2026', sichuan, paper('2020-06-01'), '2026-01-01', null],
  ])('%s: closed year %s', (_name, place, activity, today, year) => {
    const closed = closedYear(place, activity, today);
    expect(closed).toEqual(year === null ? null : { year, closedOn: `${String(year)}-12-31` });
  });

  it('closes a residency year with the year of its assessment', () => {
    const activity = {
      type: 'residency',
      date: '2025-12-20',
      trainingYear: 3,
      totalYears: 3,
      assessmentPassed: true,
    };
    expect(closedYear(hunan, activity, '2026-01-05')).toEqual({
      year: 2025,
      closedOn: '2025-12-31',
    });
  });

  it('marks the valuation of a place whose packs tie credits to the year of entry', () => {
    const valued = (place: typeof hubei) =>
      valueClaim(defaultPolicyRegistry, place, 'c1', paper('2025-06-01'));
    expect(valued(hunan)).toMatchObject({ ok: true, value: { entryYearOnly: true } });
    expect(valued(hubei)).toMatchObject({ ok: true, value: { entryYearOnly: false } });
  });

  it.each([
    [2024, '2024-12-31'],
    [2000, '2000-12-31'],
  ])('the year %i closes on %s', (year, day) => {
    expect(entryYearClosedOn(year)).toBe(day);
  });
});
