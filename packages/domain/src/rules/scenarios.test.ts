/**
 * Scenarios run against the engine. The five shared ones (../shared/scenarios) are copied in
 * as rows because the domain reads no files; the CLI's tests read that folder itself. Our own
 * hand-computed scenarios live in ../../scenarios and are imported as data.
 */
import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import guangzhou2025 from '../../scenarios/guangzhou-2025-full-year-study.json';
import hubei2020 from '../../scenarios/hubei-2020-stage-end.json';
import hubei2022 from '../../scenarios/hubei-2022-every-kind.json';
import hubei2023remote from '../../scenarios/hubei-2023-remote-education-caps.json';
import hubei2026 from '../../scenarios/hubei-2026-yearly-caps.json';
import hunan2024 from '../../scenarios/hunan-2024-certificate.json';
import jinjiang2023passed from '../../scenarios/jinjiang-2023-residency-year-passed.json';
import jinjiang2023failed from '../../scenarios/jinjiang-2023-residency-year-failed.json';
import jinjiang2024final from '../../scenarios/jinjiang-2024-residency-final-failed.json';
import jinjiang2025 from '../../scenarios/jinjiang-2025-overlays-on-2024.json';
import jinjiang2025final from '../../scenarios/jinjiang-2025-residency-final-passed.json';
import jinjiang2021filed from '../../scenarios/jinjiang-2021-filed-projects-matched.json';
import jinjiang2021unfiled from '../../scenarios/jinjiang-2021-filed-projects-unmatched.json';
import sichuan2021 from '../../scenarios/sichuan-2021-cross-year-study.json';
import { checkExpectations } from './check-expectations';
import { evaluateScenario } from './evaluate-scenario';

const national = (date: string, level: string, hours: number, more = {}) => ({
  type: 'project',
  date,
  level,
  role: 'attendee',
  hours,
  ...more,
});

const shared = [
  {
    name: 'guangzhou-2019-class-one-ten',
    year: 2019,
    place: { province: '440000', city: '440100' },
    activities: [
      { id: 'a1', ...national('2019-10-10', 'national', 24) },
      { id: 'a2', type: 'translation', date: '2019-07-07', characters: 30000 },
    ],
    expect: {
      compliant: false,
      totalCredits: 28,
      classCredits: { I: 8, II: 20 },
      activityCredits: { a1: 8, a2: 20 },
    },
  },
  {
    name: 'hubei-2023-class-one-short',
    year: 2023,
    place: { province: '420000' },
    activities: [
      { id: 'a1', ...national('2023-03-01', 'national', 9) },
      { id: 'a2', type: 'book', date: '2023-05-01', words: 20000 },
      { id: 'a3', type: 'unit_lecture', date: '2023-09-01', role: 'participant', times: 4 },
    ],
    expect: {
      compliant: false,
      totalCredits: 25,
      classCredits: { I: 3, II: 22 },
      activityCredits: { a1: 3, a2: 20, a3: 2 },
    },
  },
  {
    name: 'hubei-2023-compliant',
    year: 2023,
    place: { province: '420000' },
    person: { unitLevel: 'city' },
    activities: [
      { id: 'a1', ...national('2023-04-12', 'national', 18) },
      { id: 'a2', ...national('2023-06-02', 'provincial', 30) },
      { id: 'a3', type: 'book', date: '2023-08-20', words: 12500 },
      { id: 'a4', type: 'unit_lecture', date: '2023-12-01', role: 'participant', times: 14 },
      { id: 'a5', type: 'case_discussion', date: '2023-11-15', role: 'speaker', times: 2 },
    ],
    expect: {
      compliant: true,
      totalCredits: 30,
      classCredits: { I: 11, II: 19 },
      activityCredits: { a1: 6, a2: 5, a3: 12, a4: 5, a5: 2 },
    },
  },
  {
    name: 'hunan-2025-unified',
    year: 2025,
    place: { province: '430000', city: '430100' },
    activities: [
      { id: 'a1', ...national('2025-04-01', 'national', 24) },
      { id: 'a2', type: 'self_study', date: '2025-06-01', hours: 45 },
      { id: 'a3', type: 'online_course', date: '2025-09-01', hours: 12 },
    ],
    expect: {
      compliant: false,
      totalCredits: 22,
      classCredits: {},
      activityCredits: { a1: 8, a2: 10, a3: 4 },
    },
  },
  {
    name: 'jinjiang-2020-out-of-province',
    year: 2020,
    place: { province: '510000', city: '510100', district: '510104' },
    activities: [
      { id: 'a1', ...national('2020-05-01', 'provincial', 12, { hostProvince: '430000' }) },
      { id: 'a2', ...national('2020-06-01', 'national', 30, { hostProvince: '110000' }) },
      { id: 'a3', type: 'online_course', date: '2020-07-01', hours: 36 },
      { id: 'a4', type: 'paper', date: '2020-08-01', journal: 'core', authorRank: 1 },
      { id: 'a5', type: 'research', date: '2020-09-01', level: 'provincial', rank: 2 },
    ],
    expect: {
      compliant: true,
      totalCredits: 29,
      classCredits: { I: 10, II: 19 },
      activityCredits: { a1: 0, a2: 10, a3: 6, a4: 6, a5: 7 },
    },
  },
];

const own = [
  guangzhou2025,
  hubei2020,
  hubei2022,
  hubei2023remote,
  hubei2026,
  hunan2024,
  jinjiang2023passed,
  jinjiang2023failed,
  jinjiang2024final,
  jinjiang2025,
  jinjiang2025final,
  jinjiang2021filed,
  jinjiang2021unfiled,
  sichuan2021,
];

describe.each([
  ['shared', shared],
  ['own', own],
])('%s scenarios', (_, scenarios) => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
    const result = evaluateScenario(defaultPolicyRegistry, scenario);
    if (!result.ok) throw new Error(`${result.problem.field}: ${result.problem.message}`);
    expect(checkExpectations(result.report, scenario.expect)).toEqual([]);
  });
});

describe('checkExpectations', () => {
  it('lists every difference, and keys the report lacks', () => {
    const result = evaluateScenario(defaultPolicyRegistry, shared[0]);
    if (!result.ok) throw new Error('unexpected');
    expect(
      checkExpectations(result.report, {
        compliant: true,
        activityCredits: { a1: 8, a9: 1 },
        requirementsMet: { class_I_minimum: false },
        shortfalls: { class_I_minimum: 2 },
        activityClasses: { a2: 'II' },
        activityReasons: 3,
        colour: 'red',
      }),
    ).toEqual([
      'compliant: expected true, got false',
      'activityCredits.a9: expected 1, got undefined',
      'expect.activityReasons: must map ids to values',
      'colour: the report has no such field',
    ]);
  });
});
