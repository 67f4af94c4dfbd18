import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry, hunan, national2024 } from '../../policies/index';
import { createPolicyRegistry } from './resolve-policy';

const resolvePacks = (
  place: { province: string; city?: string; district?: string },
  year: number,
) => {
  const resolution = defaultPolicyRegistry.resolve(place, year);
  return resolution.ok ? resolution.policy.packs.map((p) => p.id) : resolution.message;
};

describe('resolving packs by place and year', () => {
  it.each([
    [{ province: '420000' }, 2006, ['national-2006']],
    [{ province: '420000' }, 2024, ['national-2006']],
    [{ province: '420000' }, 2025, ['national-2024']],
    [{ province: '440000', city: '440100' }, 2019, ['national-2006', 'guangzhou']],
    [{ province: '440000', city: '440100' }, 2025, ['national-2024']],
    [{ province: '440000', city: '440300' }, 2019, ['national-2006']],
    [{ province: '430000', city: '430100' }, 2023, ['national-2006', 'hunan']],
    [{ province: '430000' }, 2030, ['national-2024', 'hunan']],
    [{ province: '510000', city: '510100' }, 2020, ['national-2006', 'sichuan']],
    [
      { province: '510000', city: '510100', district: '510104' },
      2020,
      ['national-2006', 'sichuan', 'chengdu-jinjiang'],
    ],
    [
      { province: '510000', city: '510100', district: '510104' },
      2025,
      ['national-2024', 'sichuan', 'chengdu-jinjiang'],
    ],
    [
      { province: '510000', city: '510100', district: '510105' },
      2020,
      ['national-2006', 'sichuan'],
    ],
  ])('%j in %i → %j', (place, year, packs) => {
    expect(resolvePacks(place, year)).toEqual(packs);
  });

  it('lays overlays over the national rules, most general first', () => {
    const resolution = defaultPolicyRegistry.resolve(
      { province: '510000', city: '510100', district: '510104' },
      2020,
    );
    if (!resolution.ok) throw new Error(resolution.message);
    const { rules } = resolution.policy;
    expect(rules.valuation.online_course).toMatchObject({ class: 'II', credits: 1, per: 6 });
    expect(rules.recognition.outOfProvinceProjectLevels).toEqual(['national']);
    expect(rules.crossYearByCertificate?.types).toEqual(['further_study']);
    expect(rules.requirements.annualTotal.credits).toBe(25);
  });

  it('says so when no national pack covers the year', () => {
    const registry = createPolicyRegistry([national2024, hunan]);
    expect(registry.resolve({ province: '430000' }, 2020)).toEqual({
      ok: false,
      problem: 'no_national_pack',
      message: 'no national policy pack covers 2020',
    });
  });
});
