/**
 * Residency training (规培): each year counts by its assessment, the final year only with the
 * final assessment passed (Jinjiang guide 七); a credited year is worth what the pack says.
 */
import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import { national2024 } from '../../policies/national-2024';
import { sources } from '../../policies/sources';
import { evaluateScenario, formatInputProblem } from './evaluate-scenario';
import type { YearReport } from './evaluate-year';
import { createPolicyRegistry, type PolicyRegistry } from './resolve-policy';

type Fields = Record<string, unknown>;

const residency = (trainingYear: number, totalYears: number, assessmentPassed: boolean) => ({
  id: 'r1',
  type: 'residency',
  date: '2023-08-31',
  trainingYear,
  totalYears,
  assessmentPassed,
});

function evaluate(
  year: number,
  activities: Fields[],
  registry: PolicyRegistry = defaultPolicyRegistry,
): YearReport {
  const input = { year, place: { province: '420000' }, activities };
  const result = evaluateScenario(registry, input);
  if (!result.ok) throw new Error(formatInputProblem(result.problem));
  return result.report;
}

describe('a residency year under the default packs (satisfies the year)', () => {
  it.each([
    ['year 1 of 3, passed', residency(1, 3, true), true, []],
    ['year 2 of 3, failed', residency(2, 3, false), false, ['residency_assessment_failed']],
    ['final year 3 of 3, failed', residency(3, 3, false), false, ['residency_assessment_failed']],
    ['final year 3 of 3, passed', residency(3, 3, true), true, []],
    ['a one-year residency, passed', residency(1, 1, true), true, []],
    [
      'a one-year residency, failed',
      residency(1, 1, false),
      false,
      ['residency_assessment_failed'],
    ],
  ])('%s: compliant %s, reasons %j', (_name, activity, compliant, reasons) => {
    for (const year of [2023, 2025]) {
      const report = evaluate(year, [{ ...activity, date: `${String(year)}-08-31` }]);
      expect(report.compliant).toBe(compliant);
      expect(report.activities[0]).toMatchObject({ credits: 0, faceCredits: 0, reasons });
      // Totals are not inflated: the year is met by the waiver, not by credits.
      expect(report.totalCredits).toBe(0);
      expect(report.requirements.every((r) => r.met === compliant)).toBe(true);
      expect(report.requirements.map((r) => r.waivedBy)).toEqual(
        report.requirements.map(() => (compliant ? 'residency' : undefined)),
      );
    }
  });

  it('keeps the credits earned besides, and waives every requirement of the year', () => {
    const report = evaluate(2023, [
      residency(2, 3, true),
      { id: 'b1', type: 'book', date: '2023-03-01', words: 4000 },
    ]);
    expect(report.totalCredits).toBe(4);
    expect(report.classCredits).toEqual({ I: 0, II: 4 });
    expect(report.requirements.map((r) => [r.code, r.met, r.shortfall, r.waivedBy])).toEqual([
      ['annual_total', true, 0, 'residency'],
      ['class_I_minimum', true, 0, 'residency'],
      ['class_II_minimum', true, 0, 'residency'],
    ]);
  });

  it('counts in the year of its assessment date, not in the next one', () => {
    const report = evaluate(2024, [residency(1, 3, true)]);
    expect(report.compliant).toBe(false);
    expect(report.activities[0]?.reasons).toEqual(['outside_year']);
  });
});

describe('a pack that values a residency year in credits', () => {
  const registry = createPolicyRegistry([
    {
      ...national2024,
      rules: {
        ...national2024.rules,
        valuation: {
          ...national2024.rules.valuation,
          residency: {
            basis: 'credits',
            credits: 25,
            class: null,
            source: sources.residencyAssumption.id,
          },
        },
      },
    },
  ]);

  it.each([
    ['passed', true, 25, true, []],
    ['failed', false, 0, false, ['residency_assessment_failed']],
  ])('a final year %s counts %s credits', (_name, passed, credits, compliant, reasons) => {
    const report = evaluate(2025, [{ ...residency(3, 3, passed), date: '2025-06-30' }], registry);
    expect(report.activities[0]).toMatchObject({ credits, reasons });
    expect(report.totalCredits).toBe(credits);
    expect(report.compliant).toBe(compliant);
    expect(report.requirements[0]?.waivedBy).toBeUndefined();
  });

  it('refuses a credits basis without its class', () => {
    const residencyRule = { basis: 'credits', credits: 25, source: sources.residencyAssumption.id };
    const pack = {
      ...national2024,
      rules: {
        ...national2024.rules,
        valuation: { ...national2024.rules.valuation, residency: residencyRule },
      },
    };
    expect(() => createPolicyRegistry([pack])).toThrow(
      'policy pack national-2024: rules.valuation.residency.class: is required for credits',
    );
  });
});

describe('residency input', () => {
  it.each([
    [{ trainingYear: 4, totalYears: 3 }, 'activities[0].trainingYear: must not exceed totalYears'],
    [{ trainingYear: 0 }, 'activities[0].trainingYear: must be a positive whole number'],
    [{ totalYears: 1.5 }, 'activities[0].totalYears: must be a positive whole number'],
    [{ assessmentPassed: 'yes' }, 'activities[0].assessmentPassed: must be true or false'],
    [{ assessmentPassed: undefined }, 'activities[0].assessmentPassed: is required'],
  ])('%j is refused: %s', (fields, message) => {
    const activity = { ...residency(1, 3, true), ...fields };
    const result = evaluateScenario(defaultPolicyRegistry, {
      year: 2023,
      place: { province: '420000' },
      activities: [activity],
    });
    expect(!result.ok && formatInputProblem(result.problem)).toBe(message);
  });
});
