import { describe, expect, it } from 'vitest';
import { activityFields } from '../activity-fields';
import { countProblemOf, dateProblemOf, localToday, missingDocumentsOf } from './claim-form-rules';

const field = (type: keyof typeof activityFields, name: string) => {
  const found = activityFields[type].find((f) => f.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('dateProblemOf', () => {
  it.each([
    ['2026-12-05', null],
    ['2026-01-01', null],
    ['2026-12-06', 'future'],
    ['2027-01-01', 'future'],
    ['2025-12-31', 'closedYear'],
  ] as const)('%s on 2026-12-05 with 2026 open → %s', (date, problem) => {
    expect(dateProblemOf(date, '2026-12-05', [2026])).toBe(problem);
  });
});

describe('countProblemOf', () => {
  it.each([
    ['paper', 'authorRank', 1, null],
    ['paper', 'authorRank', -3, 'wholeNumber'],
    ['paper', 'authorRank', 1.5, 'wholeNumber'],
    ['unit_lecture', 'times', 0, 'wholeNumber'],
    ['self_study', 'hours', -1, 'positive'],
    ['self_study', 'hours', 0.5, null],
    ['project', 'awardedCredits', 0, null],
    ['project', 'awardedCredits', -2, 'notNegative'],
    ['project', 'hours', undefined, null],
  ] as const)('%s.%s = %s → %s', (type, name, value, problem) => {
    expect(countProblemOf(field(type, name), value)).toBe(problem);
  });
});

describe('localToday', () => {
  it('formats the local day', () => {
    expect(localToday(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });
});

describe('missingDocumentsOf', () => {
  it.each([
    [
      'nothing attached',
      ['dispatch_document', 'receiving_unit_evaluation'],
      [],
      ['dispatch_document', 'receiving_unit_evaluation'],
    ],
    [
      'one of two',
      ['dispatch_document', 'receiving_unit_evaluation'],
      [{ kind: 'receiving_unit_evaluation' }],
      ['dispatch_document'],
    ],
    [
      'both',
      ['dispatch_document', 'receiving_unit_evaluation'],
      [{ kind: 'dispatch_document' }, { kind: 'receiving_unit_evaluation' }],
      [],
    ],
    ['a file that says no document', ['completion_certificate'], [{}], ['completion_certificate']],
    ['nothing asked', [], [], []],
  ] as const)('%s', (_, asked, files, missing) => {
    expect(missingDocumentsOf(asked, files)).toEqual(missing);
  });
});
