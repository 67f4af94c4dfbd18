import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, parseCreditCode } from './credit-code';

describe('parseCreditCode', () => {
  it.each(['91350100M000100Y43', '91350100m000100y43'])('accepts %s', (input) => {
    expect(parseCreditCode(input)).toEqual({
      ok: true,
      value: { code: '91350100M000100Y43', regionCode: '350100' },
    });
  });

  it.each([
    ['91350100M000100Y4', 'length'],
    ['91350100M000100I43', 'format'],
    ['9135O100M000100Y43', 'format'],
    ['91350100M000100Y44', 'check_digit'],
  ])('rejects %s as %s', (input, problem) => {
    expect(parseCreditCode(input)).toEqual({ ok: false, problem });
  });

  it('computes check characters that validate', () => {
    const first17 = '12430000MB1234567';
    expect(parseCreditCode(first17 + creditCodeCheckChar(first17)).ok).toBe(true);
  });
});
