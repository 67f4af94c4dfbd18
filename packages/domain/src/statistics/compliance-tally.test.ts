import { describe, expect, it } from 'vitest';
import { tallyCompliance, type TallyPerson } from './compliance-tally';

const person = (
  compliant: boolean,
  totalCredits: number,
  profession: string,
  grade: string,
): TallyPerson<'profession' | 'grade'> => ({
  compliant,
  totalCredits,
  groups: { profession, grade },
});

describe('tallyCompliance', () => {
  it('counts nobody as zero, not as a division by zero', () => {
    expect(tallyCompliance([], ['profession'])).toEqual({
      overall: { staff: 0, compliant: 0, rate: 0, averageCredits: 0 },
      by: { profession: [] },
    });
  });

  it.each([
    // [compliant of staff, credits] → rate, average (one decimal, half up)
    [[true, false, false], [25, 10.5, 0.1], 33.3, 11.9],
    [[true, true, false], [30, 25, 24.9], 66.7, 26.6],
    [[true, false], [25, 0.1], 50, 12.6], // 12.55 → 12.6 (half up, exact in tenths)
    [
      [true, true, true, true, true, true, true, false],
      [25, 25, 25, 25, 25, 25, 25, 0],
      87.5,
      21.9,
    ],
  ])('%j with %j credits → %s %%, %s on average', (flags, credits, rate, average) => {
    const people = flags.map((c, i) => person(c, credits[i] ?? 0, 'nurse', 'junior'));
    const { overall } = tallyCompliance(people, ['profession']);
    expect(overall).toEqual({
      staff: flags.length,
      compliant: flags.filter(Boolean).length,
      rate,
      averageCredits: average,
    });
  });

  it('breaks down by each dimension, lowest rate first, then most staff, then key', () => {
    const people = [
      person(true, 30, 'physician', 'senior'),
      person(false, 10, 'physician', 'junior'),
      person(true, 26, 'nurse', 'junior'),
      person(true, 27, 'nurse', 'junior'),
      person(false, 5, 'pharmacist', 'senior'),
      person(true, 25, 'technician', 'junior'),
    ];
    const { overall, by } = tallyCompliance(people, ['profession', 'grade']);
    expect(overall).toMatchObject({ staff: 6, compliant: 4, rate: 66.7 });
    expect(by.profession.map((g) => [g.key, g.staff, g.compliant, g.rate])).toEqual([
      ['pharmacist', 1, 0, 0],
      ['physician', 2, 1, 50],
      ['nurse', 2, 2, 100],
      ['technician', 1, 1, 100],
    ]);
    expect(by.grade.map((g) => [g.key, g.staff, g.rate])).toEqual([
      ['senior', 2, 50],
      ['junior', 4, 75],
    ]);
    const sum = (key: 'profession' | 'grade') => by[key].reduce((n, g) => n + g.staff, 0);
    expect(sum('profession')).toBe(6);
    expect(sum('grade')).toBe(6);
  });
});
