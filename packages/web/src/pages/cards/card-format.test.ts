import { describe, expect, it } from 'vitest';
import { cardNumberProblem, feeYuan } from './card-format';

describe('feeYuan', () => {
  it.each([
    [2500, '25'],
    [2550, '25.50'],
    [5, '0.05'],
    [0, '0'],
  ])('%i fen is ¥%s', (fen, yuan) => {
    expect(feeYuan(fen)).toBe(yuan);
  });
});

describe('cardNumberProblem', () => {
  it.each([
    ['T0000001', null],
    ['t000 0001', null],
    ['123456', null],
    ['12345', 'invalid'],
    ['ABC-12345', 'invalid'],
    ['1'.repeat(21), 'invalid'],
  ])('%s → %s', (typed, problem) => {
    expect(cardNumberProblem(typed)).toBe(problem);
  });
});
