/**
 * Remote education under the 2006 measures (远程继续医学教育): hours ÷ 3, at most 5 credits
 * per project, and "此类学分每年授予最多不超过10学分" across the year.
 */
import { describe, expect, it } from 'vitest';
import { defaultPolicyRegistry } from '../../policies/index';
import { evaluateScenario, formatInputProblem } from './evaluate-scenario';
import type { YearReport } from './evaluate-year';

type Fields = Record<string, unknown>;

const remote = (id: string, date: string, hours: number, more: Fields = {}): Fields => ({
  id,
  type: 'project',
  date,
  level: 'national',
  role: 'attendee',
  remote: true,
  hours,
  projectNumber: id,
  ...more,
});

function evaluate(year: number, activities: Fields[]): YearReport {
  const result = evaluateScenario(defaultPolicyRegistry, {
    year,
    place: { province: '420000' },
    activities,
  });
  if (!result.ok) throw new Error(formatInputProblem(result.problem));
  return result.report;
}

const outcome = (report: YearReport) =>
  report.activities.map((a) => [a.id, a.credits, a.reasons] as const);

describe('remote education under national-2006', () => {
  it.each([
    {
      name: 'one project of 12 hours: 4, under both caps',
      activities: [remote('p1', '2023-03-01', 12)],
      expected: [['p1', 4, []]],
    },
    {
      name: 'one project of 30 hours: cut to 5 per project',
      activities: [remote('p1', '2023-03-01', 30)],
      expected: [['p1', 5, ['capped_per_project']]],
    },
    {
      name: 'three projects of 5 each: the third, the latest, cut to 0 at 10 a year',
      activities: [
        remote('p3', '2023-09-01', 15),
        remote('p1', '2023-03-01', 15),
        remote('p2', '2023-06-01', 15),
      ],
      expected: [
        ['p3', 0, ['capped_per_year']],
        ['p1', 5, []],
        ['p2', 5, []],
      ],
    },
    {
      name: 'per-project cap first, then the yearly cap on what is left',
      activities: [
        remote('p1', '2023-01-01', 24),
        remote('p2', '2023-02-01', 24),
        remote('p3', '2023-03-01', 9),
      ],
      expected: [
        ['p1', 5, ['capped_per_project']],
        ['p2', 5, ['capped_per_project']],
        ['p3', 0, ['capped_per_year']],
      ],
    },
    {
      name: 'the yearly cap cuts part of a project',
      activities: [
        remote('p1', '2023-01-01', 15),
        remote('p2', '2023-02-01', 12),
        remote('p3', '2023-03-01', 6),
      ],
      expected: [
        ['p1', 5, []],
        ['p2', 4, []],
        ['p3', 1, ['capped_per_year']],
      ],
    },
    {
      name: 'on-site national projects and remote speakers are not remote education',
      activities: [
        remote('p1', '2023-01-01', 15),
        remote('p2', '2023-02-01', 15),
        remote('p3', '2023-03-01', 15, { remote: false }),
        remote('p4', '2023-04-01', 1, { role: 'speaker' }),
      ],
      expected: [
        ['p1', 5, []],
        ['p2', 5, []],
        ['p3', 5, []],
        ['p4', 2, []],
      ],
    },
  ])('$name', ({ activities, expected }) => {
    expect(outcome(evaluate(2023, activities))).toEqual(expected);
  });

  it('does not cap remote attendance under the 2024 measures (no remote rule)', () => {
    const report = evaluate(2025, [
      remote('p1', '2025-01-01', 30),
      remote('p2', '2025-02-01', 30),
      remote('p3', '2025-03-01', 30),
    ]);
    expect(outcome(report)).toEqual([
      ['p1', 10, []],
      ['p2', 10, []],
      ['p3', 10, []],
    ]);
  });
});
