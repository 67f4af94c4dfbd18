import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import { createPolicyRegistry } from './resolve-policy';
import { national2024 } from '../../policies/national-2024';
import type { YearReport } from './evaluate-year';
import { evaluateScenario, formatInputProblem } from './evaluate-scenario';

type Fields = Record<string, unknown>;
let counter = 0;
const act = (date: string, fields: Fields): Fields => ({ id: `x${++counter}`, date, ...fields });

function evaluate(
  year: number,
  place: Fields,
  activities: Fields[],
  person: Fields = {},
): YearReport {
  const result = evaluateScenario(defaultPolicyRegistry, { year, place, person, activities });
  if (!result.ok) throw new Error(formatInputProblem(result.problem));
  return result.report;
}

const hubei = { province: '420000' };
const credits = (report: YearReport) => report.activities.map((a) => a.credits);
const reasons = (report: YearReport) => report.activities.map((a) => a.reasons);

describe('caps across the year', () => {
  it('cuts the later participant records once 5 credits are reached, per kind', () => {
    const report = evaluate(2023, hubei, [
      act('2023-09-01', { type: 'unit_lecture', role: 'participant', times: 6 }),
      act('2023-03-01', { type: 'unit_lecture', role: 'participant', times: 6 }),
      act('2023-05-01', { type: 'case_discussion', role: 'participant', times: 10 }),
      act('2023-06-01', { type: 'unit_lecture', role: 'speaker', times: 5 }),
    ]);
    expect(credits(report)).toEqual([2, 3, 5, 10]);
    expect(reasons(report)).toEqual([['capped_per_year'], [], [], []]);
  });

  it('shares the per-project cap among records of one project number', () => {
    const session = { type: 'project', level: 'national', role: 'attendee', hours: 12 };
    const report = evaluate(2023, hubei, [
      act('2023-05-02', { ...session, projectNumber: 'P1' }),
      act('2023-05-01', { ...session, projectNumber: 'P1' }),
      act('2023-05-03', { ...session, projectNumber: 'P1' }),
      act('2023-05-01', { ...session, projectNumber: 'P2' }),
      act('2023-05-01', { ...session, hours: 3, projectNumber: 'P1', role: 'speaker' }),
    ]);
    expect(credits(report)).toEqual([4, 4, 2, 4, 6]);
    expect(report.activities[2]?.reasons).toEqual(['capped_per_project']);
    expect(report.activities[2]?.faceCredits).toBe(4);
  });

  it('does not let an activity of another year or province use up a cap', () => {
    const place = { province: '510000', city: '510100' };
    const report = evaluate(2023, place, [
      act('2022-12-31', { type: 'unit_lecture', role: 'participant', times: 10 }),
      act('2023-01-02', { type: 'unit_lecture', role: 'participant', times: 12 }),
      act('2023-01-01', {
        type: 'project',
        level: 'provincial',
        role: 'attendee',
        awardedCredits: 3,
        hostProvince: '420000',
      }),
    ]);
    expect(credits(report)).toEqual([0, 5, 0]);
    expect(reasons(report)).toEqual([
      ['outside_year'],
      ['capped_per_year'],
      ['not_recognised_out_of_province'],
    ]);
    expect(report.activities[2]?.faceCredits).toBe(3);
  });
});

describe('requirements', () => {
  it('does not let Class II make up for Class I', () => {
    const report = evaluate(2023, hubei, [
      act('2023-01-01', { type: 'project', level: 'national', role: 'attendee', hours: 12 }),
      act('2023-01-02', { type: 'book', words: 40000 }),
    ]);
    expect(report.requirements).toEqual([
      { code: 'annual_total', required: 25, earned: 44, met: true, shortfall: 0 },
      { code: 'class_I_minimum', required: 5, earned: 4, met: false, shortfall: 1 },
      { code: 'class_II_minimum', required: 15, earned: 40, met: true, shortfall: 0 },
    ]);
    expect(report.compliant).toBe(false);
  });

  it('gives the shortfall to one decimal', () => {
    const report = evaluate(2025, hubei, [act('2025-01-01', { type: 'online_course', hours: 74 })]);
    expect(report.totalCredits).toBe(24.7);
    expect(report.requirements[0]).toEqual({
      code: 'annual_total',
      required: 25,
      earned: 24.7,
      met: false,
      shortfall: 0.3,
      requiredHours: 90,
    });
  });

  it('lets three months of further study, degree study or aid posts satisfy a 2024-rules year', () => {
    const report = evaluate(2025, hubei, [
      act('2025-02-01', { type: 'degree_study', months: 1 }),
      act('2025-09-01', { type: 'aid_post', months: 2 }),
      act('2024-12-01', { type: 'further_study', months: 5 }),
    ]);
    expect(report.fullYear).toEqual({ requiredMonths: 3, months: 3, met: true });
    expect(report.totalCredits).toBe(12);
    expect(report.requirements[0]).toMatchObject({
      met: true,
      shortfall: 0,
      waivedBy: 'full_year',
    });
    expect(report.compliant).toBe(true);
  });

  it('values fewer than three months at 4 a month without satisfying the year', () => {
    const report = evaluate(2025, hubei, [
      act('2025-02-01', { type: 'further_study', months: 2.5 }),
    ]);
    expect(report.fullYear?.met).toBe(false);
    expect(report.totalCredits).toBe(10);
    expect(report.compliant).toBe(false);
  });

  it('issues the Hunan certificate hours only to those who pass', () => {
    const failing = evaluate(2023, { province: '430000' }, []);
    expect(failing.certificateHours).toBe(0);
    expect(evaluate(2023, hubei, []).certificateHours).toBeUndefined();
  });
});

describe('the 5-year stage rule for staff of provincial-level units', () => {
  const national = (date: string, hours: number) =>
    act(date, { type: 'project', level: 'national', role: 'attendee', hours });

  it('is progress before the stage ends, and does not decide the year', () => {
    const report = evaluate(2023, hubei, [national('2021-06-01', 12), national('2023-06-01', 9)], {
      unitLevel: 'provincial',
    });
    expect(report.stage).toEqual({
      code: 'stage_national_projects',
      firstYear: 2021,
      lastYear: 2025,
      required: 10,
      earned: 7,
      shortfall: 3,
      met: false,
      isFinalYear: false,
    });
    expect(report.requirements.map((r) => r.code)).not.toContain('stage_national_projects');
  });

  it('is a requirement in the stage’s last year, counting earlier years within their caps', () => {
    const report = evaluate(2020, hubei, [national('2016-06-01', 45), national('2015-06-01', 30)], {
      unitLevel: 'provincial',
    });
    expect(report.stage).toMatchObject({ firstYear: 2016, lastYear: 2020, earned: 10, met: true });
    expect(report.requirements.at(-1)).toMatchObject({
      code: 'stage_national_projects',
      met: true,
    });
  });

  it('does not apply to staff of other units, nor under the 2024 measures', () => {
    expect(evaluate(2020, hubei, [], { unitLevel: 'city' }).stage).toBeUndefined();
    expect(evaluate(2025, hubei, [], { unitLevel: 'provincial' }).stage).toBeUndefined();
  });
});

describe('year attribution', () => {
  const study = (fields: Fields) =>
    act('2020-12-20', { type: 'further_study', months: 6, ...fields });
  const spanning = {
    startDate: '2020-07-01',
    endDate: '2021-01-15',
    certificateDate: '2021-01-20',
  };

  it.each([
    ['Sichuan, spanning, certificate in 2021', { province: '510000' }, spanning, 2021],
    ['Sichuan, within 2020', { province: '510000' }, { ...spanning, endDate: '2020-12-20' }, 2020],
    [
      'Sichuan, no certificate date',
      { province: '510000' },
      { ...spanning, certificateDate: undefined },
      2020,
    ],
    ['Hubei: by date', hubei, spanning, 2020],
  ])('%s → counts in %i', (_, place, fields, year) => {
    const activity = study(fields);
    expect(evaluate(year, place, [activity]).totalCredits).toBe(24);
    expect(evaluate(year === 2020 ? 2021 : 2020, place, [activity]).totalCredits).toBe(0);
  });
});

describe('problems the engine reports as values', () => {
  it('names the activity field a pack needs but the input lacks', () => {
    const result = evaluateScenario(defaultPolicyRegistry, {
      year: 2023,
      place: hubei,
      activities: [
        act('2023-01-01', { type: 'project', level: 'unit', role: 'attendee', hours: 3 }),
      ],
    });
    expect(!result.ok && formatInputProblem(result.problem)).toBe(
      'activities[0].awardedCredits: is required for a unit project attendee',
    );
  });

  it('names the year when no pack covers it', () => {
    const registry = createPolicyRegistry([national2024]);
    const result = evaluateScenario(registry, { year: 2020, place: hubei, activities: [] });
    expect(!result.ok && formatInputProblem(result.problem)).toBe(
      'year: no national policy pack covers 2020',
    );
  });
});
