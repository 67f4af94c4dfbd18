import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCardAction, isCardNumber, normaliseCardNumber, yuanToFen } from './card-lifecycle';
import { maskPersonName } from '../certificates/mask-name';

describe('checkCardAction', () => {
  it.each([
    ['blank', 'bind', false, null],
    ['blank', 'bind', true, 'has_active_card'],
    ['active', 'bind', false, 'wrong_status'],
    ['lost', 'bind', false, 'wrong_status'],
    ['active', 'report_loss', false, null],
    ['lost', 'report_loss', false, 'wrong_status'],
    ['blank', 'report_loss', false, 'wrong_status'],
    ['lost', 'reissue', false, null],
    ['lost', 'reissue', true, 'has_active_card'],
    ['active', 'reissue', false, 'wrong_status'],
  ] as const)('%s + %s (has active: %s) → %s', (status, action, hasActive, problem) => {
    expect(checkCardAction(status, action, hasActive)).toBe(problem);
  });
});

describe('card numbers', () => {
  it.each([
    [' 4401 0600 0012 ', '440106000012', true],
    ['ab123456', 'AB123456', true],
    ['12345', '12345', false],
    ['1234567890123456789012', '1234567890123456789012', false],
    ['4401-06', '4401-06', false],
  ])('%j → %j (valid: %s)', (input, normalised, valid) => {
    expect(normaliseCardNumber(input)).toBe(normalised);
    expect(isCardNumber(normaliseCardNumber(input))).toBe(valid);
  });
});

describe('maskPersonName', () => {
  it.each([
    ['张三', '张*'],
    ['李小明', '李*明'],
    ['欧阳小明', '欧**明'],
    ['王', '王'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });

  it('never shows more than the first and last character', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 3, maxLength: 12, unit: 'grapheme' }), (name) => {
        const trimmed = Array.from(name.trim());
        fc.pre(trimmed.length >= 3);
        const masked = Array.from(maskPersonName(name));
        expect(masked.length).toBe(trimmed.length);
        expect(masked.slice(1, -1).every((c) => c === '*')).toBe(true);
      }),
    );
  });
});

describe('yuanToFen', () => {
  it.each([
    [25, 2500],
    [12.5, 1250],
    [0.1, 10],
    [0, 0],
  ])('%s yuan → %s fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });
  it('refuses a negative fee', () => {
    expect(() => yuanToFen(-1)).toThrow(RangeError);
  });
});
