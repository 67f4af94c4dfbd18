import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import type { UnitPlace } from '../orgs/unit-place';
import { placeOfUnit } from '../orgs/unit-place';
import {
  isPendingStatus,
  standingDifferences,
  standingKey,
  yearPolicyOf,
  yearStanding,
  type StandingClaim,
  type YearPolicy,
} from './year-standing';

let counter = 0;
function claim(year: number, date: string, status: string, hours = 6): StandingClaim {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    id,
    year,
    status,
    activityDate: date,
    channel: status === 'effective' ? 'platform_push' : 'self_report',
    activity: { type: 'project', level: 'national', role: 'attendee', hours, date },
  };
}

const hubei: UnitPlace = { place: { province: '420000' }, unitLevel: 'provincial' };

function policy(where: UnitPlace, year: number): YearPolicy {
  const yp = yearPolicyOf(defaultPolicyRegistry, where, year);
  if (!yp.ok) throw new Error(yp.message);
  return yp.value;
}

describe('a year standing', () => {
  it('counts effective claims, sets pending ones beside them and leaves the rest out', () => {
    const claims = [
      claim(2025, '2025-03-10', 'effective'),
      claim(2025, '2025-11-02', 'effective'),
      claim(2025, '2025-06-01', 'submitted'),
      claim(2025, '2025-06-02', 'returned'),
      claim(2025, '2025-07-01', 'rejected'),
      claim(2025, '2025-07-02', 'voided'),
    ];
    const yp = policy(hubei, 2025);
    const { standing, report } = yearStanding(yp, hubei, 2025, claims);
    expect(report.activities).toHaveLength(2);
    expect(standing.totalCredits).toBe(report.totalCredits);
    expect(standing.totalCredits).toBeGreaterThan(0);
    expect(standing.pendingCount).toBe(2);
    expect(standing.pendingCredits).toBeGreaterThan(0);
    expect(standing.monthlyCredits).toHaveLength(12);
    expect(standing.monthlyCredits[2]).toBeGreaterThan(0);
    expect(standing.monthlyCredits[10]).toBeGreaterThan(0);
    expect(standing.monthlyCredits.reduce((a, b) => a + b, 0)).toBeCloseTo(standing.totalCredits);
    expect(standing.compliant).toBe(false);
    expect(standing.unmet).toContain('annual_total');
    expect(standing.shortfall).toBeGreaterThan(0);
    expect(standing.required).toBeGreaterThan(standing.totalCredits);
    expect(standing.packs.map((p) => p.id)).toEqual(report.packs);
    expect(standing.activities.map((a) => a.claimId)).toEqual(report.activities.map((a) => a.id));
    expect(standing.channelCredits).toEqual({ platform_push: standing.totalCredits });
  });

  it('has no pending credits without pending claims, and meets the requirement with enough', () => {
    const claims = Array.from({ length: 10 }, (_, i) =>
      claim(2025, `2025-0${String((i % 9) + 1)}-15`, 'effective', 12),
    );
    const { standing } = yearStanding(policy(hubei, 2025), hubei, 2025, claims);
    expect(standing.pendingCredits).toBe(0);
    expect(standing.pendingCount).toBe(0);
    expect(standing.compliant).toBe(true);
    expect(standing.shortfall).toBe(0);
    expect(standing.unmet).toEqual([]);
  });

  it('reaches back over the stage years for a provincial unit under the 2006 measures', () => {
    const yp = policy(hubei, 2020);
    expect(yp.fromYear).toBeLessThan(2020);
    const county = policy({ place: { province: '420000' }, unitLevel: undefined }, 2020);
    expect(county.fromYear).toBe(2020);
    const claims = [claim(yp.fromYear, `${String(yp.fromYear)}-05-01`, 'effective')];
    const { standing } = yearStanding(yp, hubei, 2020, claims);
    // Earlier years feed the stage, not this year's total or months.
    expect(standing.totalCredits).toBe(0);
    expect(standing.monthlyCredits.every((m) => m === 0)).toBe(true);
    expect(standing.activities).toEqual([]);
  });

  it('compares standings field by field, whatever the key order', () => {
    const { standing } = yearStanding(policy(hubei, 2025), hubei, 2025, [
      claim(2025, '2025-01-01', 'effective'),
    ]);
    const reordered = Object.fromEntries(Object.entries(standing).reverse()) as typeof standing;
    expect(standingKey(reordered)).toBe(standingKey(standing));
    expect(standingDifferences(standing, { ...standing, totalCredits: 99 })).toEqual([
      'totalCredits',
    ]);
  });

  it('knows which statuses are pending', () => {
    expect(['draft', 'submitted', 'returned'].every(isPendingStatus)).toBe(true);
    expect(['effective', 'rejected', 'voided'].some(isPendingStatus)).toBe(false);
  });

  it('places a unit by its region code and its parent', () => {
    const province = { kind: 'province', unitType: null, regionCode: '990000' };
    const city = { kind: 'city', unitType: null, regionCode: '990100' };
    expect(
      placeOfUnit({ kind: 'unit', unitType: 'hospital', regionCode: null }, [city, province]),
    ).toEqual({
      place: { province: '990000', city: '990100', district: undefined },
      unitLevel: 'city',
    });
    expect(
      placeOfUnit({ kind: 'unit', unitType: 'township_health_centre', regionCode: '990102' }, [
        city,
      ]),
    ).toEqual({
      place: { province: '990000', city: '990100', district: '990102' },
      unitLevel: 'township',
    });
  });
});
