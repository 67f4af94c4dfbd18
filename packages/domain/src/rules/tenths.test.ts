import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creditsToTenths,
  exactRateToTenths,
  hasRemainder,
  rateToTenths,
  sumDecimals,
  tenthsToCredits,
} from './tenths';

describe('rateToTenths', () => {
  it.each([
    // quantity, credits, per, whole, tenths
    [9, 1, 3, false, 30],
    [10, 1, 3, false, 33], // 3.33… → 3.3
    [20, 1, 6, false, 33], // 3.33… → 3.3
    [50, 1, 3, false, 167], // 16.66… → 16.7
    [0.15, 1, 1, false, 2], // 0.15 is not exact in binary; half up gives 0.2
    [2.25, 1, 1, false, 23], // half up, not half even
    [0.04, 1, 1, false, 0],
    [7, 0.5, 1, false, 35],
    [1.5, 4, 1, false, 60],
    [1e-7, 1, 1, false, 0],
    [1e21, 1, 1e21, false, 10],
    [12500, 1, 1000, true, 120],
    [999, 1, 1000, true, 0],
    [7000, 1, 3000, true, 20],
    [3, 0.5, 1.5, true, 10],
  ])('%s × %s ÷ %s (whole %s) = %s tenths', (quantity, credits, per, whole, tenths) => {
    expect(rateToTenths(quantity, credits, per, whole)).toBe(tenths);
  });

  it('rejects quantities that are not credit quantities', () => {
    expect(() => rateToTenths(-1, 1, 3)).toThrow(RangeError);
    expect(() => rateToTenths(Number.NaN, 1, 3)).toThrow(RangeError);
    expect(() => rateToTenths(1, 1, 0)).toThrow(RangeError);
  });

  it('is within half a tenth of the exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 5000 }),
        (q, per) => {
          const tenths = rateToTenths(q, 1, per);
          expect(Math.abs(tenths - (q * 10) / per)).toBeLessThanOrEqual(0.5);
        },
      ),
    );
  });

  it('gives the exact path’s answer for decimals as written and for any double', () => {
    const written = fc
      .tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom(1, 10, 100, 1000))
      .map(([m, d]) => m / d);
    const anything = fc.double({ min: 0, max: 1e12, noNaN: true });
    const huge = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    const value = fc.oneof(written, anything, huge);
    const positive = fc.oneof(written, anything).filter((v) => v > 0);
    fc.assert(
      fc.property(value, value, positive, fc.boolean(), (q, c, p, w) => {
        expect(rateToTenths(q, c, p, w)).toBe(exactRateToTenths(q, c, p, w));
      }),
      { numRuns: 5000 },
    );
  });

  it('never gives more for less', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100 }),
        (q, more) => {
          expect(rateToTenths(q + more, 1, 3)).toBeGreaterThanOrEqual(rateToTenths(q, 1, 3));
          expect(rateToTenths(q + more, 1, 1000, true)).toBeGreaterThanOrEqual(
            rateToTenths(q, 1, 1000, true),
          );
        },
      ),
    );
  });
});

describe('conversions', () => {
  it.each([
    [2.25, 23],
    [1.05, 11],
    [0.1, 1],
    [10, 100],
  ])('creditsToTenths(%s) = %s', (credits, tenths) => {
    expect(creditsToTenths(credits)).toBe(tenths);
  });

  it('tenthsToCredits turns tenths back into one-decimal credits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (tenths) => {
        expect(creditsToTenths(tenthsToCredits(tenths))).toBe(tenths);
      }),
    );
  });

  it.each([
    [12500, 1000, true],
    [12000, 1000, false],
    [4.5, 1.5, false],
    [4.6, 1.5, true],
  ])('hasRemainder(%s, %s) = %s', (quantity, per, remainder) => {
    expect(hasRemainder(quantity, per)).toBe(remainder);
  });
});

describe('sumDecimals', () => {
  it.each([
    [[0.1, 0.2, 0.3], 0.6],
    [[0.3, 0.2, 0.1], 0.6],
    [[2, 1], 3],
    [[], 0],
    [[0.25, 1e-7], 0.2500001],
  ])('%j sums to %s', (values, total) => {
    expect(sumDecimals(values)).toBe(total);
  });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }).map((n) => n / 100)), (values) => {
        expect(sumDecimals([...values].reverse())).toBe(sumDecimals(values));
      }),
    );
  });
});
