import { describe, expect, it } from 'vitest';
import { parseProjectNumber } from './project-number';

describe('parseProjectNumber', () => {
  it.each([
    ['2021-04-08-186（国）', 'national', 2021, '2021-04-08-186（国）'],
    ['2021-04-08-186(国)', 'national', 2021, '2021-04-08-186（国）'],
    [' 2023-01-02-7 （省） ', 'provincial', 2023, '2023-01-02-7（省）'],
    ['2024-12-01-0031（市）', 'municipal', 2024, '2024-12-01-0031（市）'],
    ['2025-03-03-12（院）', 'unit', 2025, '2025-03-03-12（院）'],
  ] as const)('parses %s', (input, level, year, number) => {
    expect(parseProjectNumber(input)).toMatchObject({ ok: true, value: { level, year, number } });
  });

  it.each([
    ['2021-04-08-186', 'format'],
    ['2021-4-08-186（国）', 'format'],
    ['2021-04-08-186（县）', 'format'],
    ['2021-00-08-186（国）', 'format'],
    ['2021-04-08-0（国）', 'format'],
    ['1899-04-08-186（国）', 'year'],
  ])('rejects %s as %s', (input, problem) => {
    expect(parseProjectNumber(input)).toEqual({ ok: false, problem });
  });

  it('checks the mark against the level', () => {
    expect(parseProjectNumber('2021-04-08-186（国）', 'provincial')).toEqual({
      ok: false,
      problem: 'level_mark_mismatch',
    });
    expect(parseProjectNumber('2021-04-08-186（国）', 'national').ok).toBe(true);
  });
});
