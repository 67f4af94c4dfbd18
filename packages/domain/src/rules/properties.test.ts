/** Invariants of the engine over generated years, places and activities (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import type { YearReport } from './evaluate-year';
import type { PolicyRules } from './policy-schema';
import { evaluateScenario } from './evaluate-scenario';

const places = [
  { province: '420000' },
  { province: '440000', city: '440100' },
  { province: '430000', city: '430100' },
  { province: '510000', city: '510100' },
  { province: '510000', city: '510100', district: '510104' },
];

const day = (year: number) =>
  fc
    .record({
      year: fc.constantFrom(year - 1, year, year),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map((d) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`);
const tenth = (max: number) => fc.integer({ min: 1, max: max * 10 }).map((n) => n / 10);

const kindOf = fc.oneof(
  fc.record(
    {
      type: fc.constant('project'),
      level: fc.constantFrom('national', 'provincial', 'municipal', 'unit'),
      role: fc.constantFrom('attendee', 'speaker'),
      hours: tenth(60),
      awardedCredits: fc.integer({ min: 0, max: 150 }).map((n) => n / 10),
      remote: fc.boolean(),
      hostProvince: fc.constantFrom('420000', '430000', '510000', '110000'),
      projectNumber: fc.constantFrom('P1', 'P2', 'P3'),
    },
    { requiredKeys: ['type', 'level', 'role', 'hours', 'awardedCredits'] },
  ),
  fc.record({
    type: fc.constant('paper'),
    journal: fc.constantFrom('foreign', 'core', 'provincial'),
    authorRank: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    type: fc.constant('research'),
    level: fc.constantFrom('national', 'provincial', 'city'),
    rank: fc.integer({ min: 1, max: 7 }),
  }),
  fc.record({
    type: fc.constantFrom('book', 'survey_report', 'written_review'),
    words: fc.integer({ min: 1, max: 40000 }),
  }),
  fc.record({ type: fc.constant('translation'), characters: fc.integer({ min: 1, max: 40000 }) }),
  fc.record({
    type: fc.constantFrom('unit_lecture', 'case_discussion'),
    role: fc.constantFrom('speaker', 'participant'),
    times: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    type: fc.constantFrom('further_study', 'degree_study', 'aid_post'),
    months: tenth(4),
  }),
  fc.record({ type: fc.constantFrom('online_course', 'self_study'), hours: tenth(60) }),
  fc.integer({ min: 1, max: 3 }).chain((totalYears) =>
    fc.record({
      type: fc.constant('residency'),
      trainingYear: fc.integer({ min: 1, max: totalYears }),
      totalYears: fc.constant(totalYears),
      assessmentPassed: fc.boolean(),
    }),
  ),
);

const activitiesFor = (year: number) =>
  fc
    .array(fc.tuple(kindOf, day(year)), { maxLength: 25 })
    .map((list) => list.map(([kind, date], index) => ({ id: `a${index}`, date, ...kind })));

const scenarioArb = fc.integer({ min: 2019, max: 2026 }).chain((year) =>
  fc.record({
    year: fc.constant(year),
    place: fc.constantFrom(...places),
    person: fc.record({ unitLevel: fc.constantFrom('provincial', 'city', 'county') }),
    activities: activitiesFor(year),
  }),
);

function evaluate(scenario: unknown): YearReport {
  const result = evaluateScenario(defaultPolicyRegistry, scenario);
  if (!result.ok) throw new Error(`${result.problem.field}: ${result.problem.message}`);
  return result.report;
}

type ProjectLevelRules = NonNullable<PolicyRules['valuation']['project']>['national'];

interface ProjectFields {
  type: string;
  level: 'national' | 'provincial' | 'municipal' | 'unit';
  role: string;
  remote?: boolean;
  projectNumber?: string;
}

const tenths = (credits: number) => Math.round(credits * 10);
const sum = (values: number[]) => values.reduce((total, v) => total + tenths(v), 0);

describe('engine invariants', () => {
  it('keeps every yearly and per-project cap', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const report = evaluate(scenario);
        const resolution = defaultPolicyRegistry.resolve(scenario.place, scenario.year);
        if (!resolution.ok) throw new Error(resolution.message);
        const byId = new Map(scenario.activities.map((a) => [a.id, a]));
        for (const cap of Object.values(resolution.policy.rules.yearCaps)) {
          const members = report.activities.filter((a) => {
            const input = byId.get(a.id) as ProjectFields;
            return cap.members.some(
              (m) =>
                m.type === input.type &&
                (!m.role || m.role === input.role) &&
                (!m.level || m.level === input.level) &&
                (m.remote === undefined || (input.remote ?? false) === m.remote),
            );
          });
          expect(sum(members.map((m) => m.credits))).toBeLessThanOrEqual(tenths(cap.credits));
        }
        const perProject = new Map<string, { used: number; cap: number }>();
        for (const a of report.activities) {
          const input = byId.get(a.id) as ProjectFields;
          const levelRules: ProjectLevelRules | undefined =
            resolution.policy.rules.valuation.project?.[input.level];
          if (input.type !== 'project' || !levelRules) continue;
          const name =
            input.role === 'speaker'
              ? 'speaker'
              : input.remote && levelRules.remote
                ? 'remote'
                : 'attendee';
          const cap = levelRules[name]?.perProjectCap;
          if (cap === undefined) continue;
          const key = `${input.projectNumber ?? a.id}|${input.level}|${name}`;
          const entry = perProject.get(key) ?? { used: 0, cap: tenths(cap) };
          entry.used += tenths(a.credits);
          perProject.set(key, entry);
        }
        for (const { used, cap } of perProject.values()) expect(used).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it('makes totals the sums of the activities, in whole tenths', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const report = evaluate(scenario);
        for (const a of report.activities) {
          expect(Math.abs(a.credits * 10 - tenths(a.credits))).toBeLessThan(1e-6);
          expect(a.credits).toBeLessThanOrEqual(a.faceCredits);
          if (a.credits < a.faceCredits) expect(a.reasons.length).toBeGreaterThan(0);
        }
        expect(tenths(report.totalCredits)).toBe(sum(report.activities.map((a) => a.credits)));
        for (const [name, credits] of Object.entries(report.classCredits)) {
          const members = report.activities.filter((a) => a.class === name);
          expect(tenths(credits)).toBe(sum(members.map((a) => a.credits)));
        }
        if (Object.keys(report.classCredits).length > 0) {
          expect(sum(Object.values(report.classCredits))).toBe(tenths(report.totalCredits));
        }
      }),
    );
  });

  it('never lowers the total when an activity is added', () => {
    fc.assert(
      fc.property(scenarioArb, kindOf, (scenario, kind) => {
        const before = evaluate(scenario).totalCredits;
        const extra = { id: 'extra', date: `${scenario.year}-06-15`, ...kind };
        const after = evaluate({ ...scenario, activities: [extra, ...scenario.activities] });
        expect(tenths(after.totalCredits)).toBeGreaterThanOrEqual(tenths(before));
      }),
    );
  });

  it('waives a year by residency only for a passed assessment of that year', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const report = evaluate(scenario);
        const passed = scenario.activities.some(
          (a) =>
            a.type === 'residency' &&
            'assessmentPassed' in a &&
            a.assessmentPassed &&
            a.date.startsWith(String(scenario.year)),
        );
        const waived = report.requirements.some((r) => r.waivedBy === 'residency');
        expect(waived).toBe(passed && report.fullYear?.met !== true);
        for (const a of report.activities.filter((x) => x.type === 'residency'))
          expect(a.credits).toBe(0);
      }),
    );
  });

  it('does not depend on the order of the activities', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), (scenario, seed) => {
        const shuffled = [...scenario.activities]
          .map((a, i) => ({ a, key: Math.sin(seed + i) }))
          .sort((x, y) => x.key - y.key)
          .map(({ a }) => a);
        const a = evaluate(scenario);
        const b = evaluate({ ...scenario, activities: shuffled });
        const byId = (r: YearReport) => Object.fromEntries(r.activities.map((x) => [x.id, x]));
        expect(byId(b)).toEqual(byId(a));
        expect({ ...b, activities: [] }).toEqual({ ...a, activities: [] });
      }),
    );
  });
});
