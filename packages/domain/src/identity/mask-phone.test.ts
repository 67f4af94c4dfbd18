import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask-phone';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    [' 15900001111 ', '159****1111'],
    ['+8613812345678', '**********5678'],
    ['1234', '****'],
    ['', ''],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
