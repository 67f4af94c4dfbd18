import { describe, expect, it } from 'vitest';
import { enumParam, intParam, textParam, toSearch, uuidParam } from './url-state';
import { formatDateRange } from './format';

describe('URL state readers', () => {
  it('keeps only known enum values', () => {
    expect(enumParam(['a', 'b'] as const, 'b')).toBe('b');
    expect(enumParam(['a', 'b'] as const, 'c')).toBeUndefined();
    expect(enumParam(['a', 'b'] as const, null)).toBeUndefined();
  });

  it('trims text, drops blanks and caps the length', () => {
    expect(textParam('  王 ', 50)).toBe('王');
    expect(textParam('   ', 50)).toBeUndefined();
    expect(textParam('x'.repeat(80), 50)).toHaveLength(50);
  });

  it('accepts only UUIDs as ids', () => {
    expect(uuidParam('FE076F33-94CF-4B9F-98DD-0B2291229FF4')).toBe(
      'fe076f33-94cf-4b9f-98dd-0b2291229ff4',
    );
    expect(uuidParam("1' or 1=1")).toBeUndefined();
  });

  it('accepts integers in range only', () => {
    expect(intParam('2026', 2000, 2100)).toBe(2026);
    expect(intParam('1999', 2000, 2100)).toBeUndefined();
    expect(intParam('20.5', 2000, 2100)).toBeUndefined();
    expect(intParam('-1', 0, 10)).toBeUndefined();
  });

  it('writes a search string without empty values', () => {
    expect(toSearch({ a: 'x y', b: undefined, c: '', d: 3 })).toBe('?a=x+y&d=3');
    expect(toSearch({ a: undefined })).toBe('');
  });
});

describe('formatDateRange', () => {
  it('shows one day once', () => {
    expect(formatDateRange('2026-05-01', '2026-05-01')).toBe('2026-05-01');
    expect(formatDateRange('2026-05-01', '2026-05-03')).toBe('2026-05-01 – 2026-05-03');
  });
});
