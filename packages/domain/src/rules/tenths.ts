/**
 * Credits are kept as integer tenths so that sums and caps are exact: 0.1 + 0.2 in binary
 * floating point is not 0.3, and a half-up rounding on a float like 2.25 * 3 can go either way.
 */

/** A non-negative decimal as an exact fraction `units / 10^scale`. */
interface Decimal {
  units: bigint;
  scale: number;
}

/** Reads a finite non-negative number through its shortest decimal form, which is exact. */
function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`not a credit quantity: ${value}`);
  const [mantissa = '0', exponentText = '0'] = value.toString().toLowerCase().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const exponent = Number(exponentText);
  let units = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units, scale };
}

/** `numerator / denominator` rounded half up to an integer (both positive). */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/**
 * A number as whole thousandths when its shortest decimal form has at most three decimals
 * (hours, credits, rates as written): 2.5 → 2500. Below 10^9 two such decimals are far
 * more than a double's spacing apart, so `m / 1000 === value` identifies the decimal.
 */
function thousandthsOf(value: number): number | undefined {
  if (!(value >= 0) || value > 1e9) return undefined;
  const m = Math.round(value * 1000);
  return m / 1000 === value ? m : undefined;
}

/**
 * rateToTenths in doubles, when every quantity is whole thousandths and every intermediate
 * stays below 2^53 (so it is exact): the usual case, without BigInt. Undefined otherwise.
 */
function thousandthsRateToTenths(
  quantity: number,
  credits: number,
  per: number,
  whole: boolean,
): number | undefined {
  const q = thousandthsOf(quantity);
  const c = thousandthsOf(credits);
  const p = thousandthsOf(per);
  if (q === undefined || c === undefined || p === undefined || p === 0) return undefined;
  // tenths = q·c·10 / p (all ÷ 1000) = q·c·10 / (p·1000); whole: floor(q / p)·c·10 / 1000.
  const counted = whole ? (q - (q % p)) / p : q;
  const numerator = counted * c * 10;
  const denominator = whole ? 1000 : p * 1000;
  // Half up: floor((2n + d) / 2d), with an exact integer division.
  const top = 2 * numerator + denominator;
  const bottom = 2 * denominator;
  if (!Number.isSafeInteger(top) || !Number.isSafeInteger(bottom)) return undefined;
  return (top - (top % bottom)) / bottom;
}

/**
 * `quantity × credits ÷ per`, in tenths of a credit, rounded half up to one decimal.
 * With `whole`, only whole multiples of `per` count (1 credit per whole 1,000 words).
 */
export function rateToTenths(
  quantity: number,
  credits: number,
  per: number,
  whole = false,
): number {
  return (
    thousandthsRateToTenths(quantity, credits, per, whole) ??
    exactRateToTenths(quantity, credits, per, whole)
  );
}

/** rateToTenths through exact decimals (BigInt), for any finite non-negative numbers. */
export function exactRateToTenths(
  quantity: number,
  credits: number,
  per: number,
  whole = false,
): number {
  const q = toDecimal(quantity);
  const c = toDecimal(credits);
  const p = toDecimal(per);
  if (p.units === 0n) throw new RangeError('per must be positive');
  if (whole) {
    // floor(q / p) = floor(q.units·10^p.scale / (p.units·10^q.scale))
    const units = (q.units * 10n ** BigInt(p.scale)) / (p.units * 10n ** BigInt(q.scale));
    return Number(divideHalfUp(units * c.units * 10n, 10n ** BigInt(c.scale)));
  }
  const numerator = q.units * c.units * 10n * 10n ** BigInt(p.scale);
  const denominator = p.units * 10n ** BigInt(q.scale + c.scale);
  return Number(divideHalfUp(numerator, denominator));
}

/** A credit amount (as printed on a certificate) in tenths, rounded half up. */
export function creditsToTenths(credits: number): number {
  return rateToTenths(credits, 1, 1);
}

/** Tenths back to a credit number for output: 55 → 5.5. */
export function tenthsToCredits(tenths: number): number {
  return tenths / 10;
}

/** The part of `quantity` left over after whole multiples of `per` (0 when it divides). */
export function hasRemainder(quantity: number, per: number): boolean {
  const q = toDecimal(quantity);
  const p = toDecimal(per);
  return (q.units * 10n ** BigInt(p.scale)) % (p.units * 10n ** BigInt(q.scale)) !== 0n;
}

/**
 * The exact sum of non-negative decimals (months of study), so that 0.1 + 0.2 + 0.3 is the
 * same whatever the order. The result is the double nearest the exact decimal sum.
 */
export function sumDecimals(values: readonly number[]): number {
  const decimals = values.map(toDecimal);
  const scale = Math.max(0, ...decimals.map((d) => d.scale));
  const units = decimals.reduce((sum, d) => sum + d.units * 10n ** BigInt(scale - d.scale), 0n);
  return Number(units) / 10 ** scale;
}
