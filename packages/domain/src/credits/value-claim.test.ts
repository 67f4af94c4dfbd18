import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry, national2024 } from '../../policies/index';
import { createPolicyRegistry } from '../rules/resolve-policy';
import { valueClaim } from './value-claim';

const demoPlace = { province: '990000', city: '990100', district: '990102' };
const sichuan = { province: '510000', city: '510100', district: '510104' };

describe('valueClaim', () => {
  it('values a 2026 paper under the 2024 measures and names the pack', () => {
    const result = valueClaim(defaultPolicyRegistry, demoPlace, 'c1', {
      type: 'paper',
      date: '2026-04-01',
      journal: 'core',
      authorRank: 2,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { year: 2026, credits: 5, class: null, packs: [{ id: 'national-2024' }] },
    });
    if (result.ok) expect(result.value.activity.id).toBe('c1');
  });

  it('values a 2024 national project by the 2006 measures with a class', () => {
    const result = valueClaim(defaultPolicyRegistry, demoPlace, 'c2', {
      type: 'project',
      date: '2024-05-10',
      level: 'national',
      role: 'attendee',
      hours: 9,
    });
    expect(result).toMatchObject({ ok: true, value: { year: 2024, credits: 3, class: 'I' } });
  });

  it('names the missing field', () => {
    expect(
      valueClaim(defaultPolicyRegistry, demoPlace, 'c3', { type: 'paper', date: '2026-04-01' }),
    ).toEqual({ ok: false, field: 'journal', message: expect.any(String) as string });
    expect(
      valueClaim(defaultPolicyRegistry, demoPlace, 'c4', { type: 'nap', date: '2026-01-01' }),
    ).toMatchObject({ ok: false, field: 'type' });
  });

  it('attributes cross-year further study to its certificate year where the rules say so', () => {
    const result = valueClaim(defaultPolicyRegistry, sichuan, 'c5', {
      type: 'further_study',
      date: '2021-12-20',
      months: 6,
      startDate: '2021-09-01',
      endDate: '2022-02-28',
      certificateDate: '2022-03-01',
    });
    expect(result).toMatchObject({ ok: true, value: { year: 2022 } });
  });

  it('refuses a year no national pack covers', () => {
    expect(
      valueClaim(createPolicyRegistry([national2024]), demoPlace, 'c6', {
        type: 'self_study',
        date: '2020-01-01',
        hours: 3,
      }),
    ).toMatchObject({ ok: false, field: 'date' });
  });
});
