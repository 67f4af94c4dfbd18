import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, residentIdCheckChar } from '@jijiao/domain';
import { localToday } from '../utils/format';
import { idNumberProblem } from './people/person-validation';
import { isTenths, projectNumberProblem } from './projects/project-validation';
import { chainChanged, creditCodeProblem, moveStep } from './orgs/list/org-validation';

const first17 = '11010519850307001';
const goodId = first17 + residentIdCheckChar(first17);
const badCheck = first17 + (residentIdCheckChar(first17) === '1' ? '2' : '1');

describe('idNumberProblem', () => {
  it.each<[string, string | undefined]>([
    [goodId, undefined],
    [goodId.toLowerCase(), undefined],
    ['', undefined], // "required" is a rule of its own
    [badCheck, 'idProblem.check_digit'],
    ['1101051985030700', 'idProblem.length'],
    ['11010519850307001A', 'idProblem.format'],
    ['110105850307001', undefined], // 15-digit legacy numbers are converted
  ])('%s → %s', (input, expected) => {
    expect(idNumberProblem(input, '2026-01-01')).toBe(expected);
  });

  it('rejects a birth date after today', () => {
    const future17 = '11010520300101001';
    expect(idNumberProblem(future17 + residentIdCheckChar(future17), '2026-01-01')).toBe(
      'idProblem.birth_date',
    );
  });

  it('formats today as YYYY-MM-DD', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('projectNumberProblem', () => {
  it.each<[string, 'national' | 'provincial' | undefined, string | undefined]>([
    ['2021-04-08-186（国）', 'national', undefined],
    ['2021-04-08-186(国)', 'national', undefined],
    ['2021-04-08-186（国）', 'provincial', 'projectNumberProblem.level_mark_mismatch'],
    ['2021-04-08', 'national', 'projectNumberProblem.format'],
    ['1980-04-08-186（国）', undefined, 'projectNumberProblem.year'],
  ])('%s for %s → %s', (number, level, expected) => {
    expect(projectNumberProblem(number, level)).toBe(expected);
  });

  it('keeps credits in tenths', () => {
    expect(isTenths(0.3)).toBe(true);
    expect(isTenths(12)).toBe(true);
    expect(isTenths(0.25)).toBe(false);
  });
});

describe('review chain editing', () => {
  const code17 = '12990102MB0000009';
  it('checks credit codes', () => {
    expect(creditCodeProblem(code17 + creditCodeCheckChar(code17))).toBeUndefined();
    expect(creditCodeProblem('')).toBeUndefined();
    expect(creditCodeProblem('12345')).toBe('creditCodeProblem.length');
    const wrong = creditCodeCheckChar(code17) === '0' ? '1' : '0';
    expect(creditCodeProblem(code17 + wrong)).toBe('creditCodeProblem.check_digit');
  });

  it('moves steps within bounds', () => {
    expect(moveStep(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStep(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('sees a reorder as a change', () => {
    const step = (orgId: string) => ({ orgId, orgName: orgId, orgKind: 'city' as const });
    expect(chainChanged([step('a'), step('b')], [step('a'), step('b')])).toBe(false);
    expect(chainChanged([step('a'), step('b')], [step('b'), step('a')])).toBe(true);
    expect(chainChanged([step('a')], [step('a'), step('b')])).toBe(true);
  });
});
