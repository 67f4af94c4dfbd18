/**
 * A mobile number as lists show it: the first three digits (the carrier) and the last four,
 * 13812345678 → 138****5678. Anything that is not an 11-digit number keeps only its last
 * four characters, so a malformed stored value never leaks whole.
 */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (/^\d{11}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const chars = Array.from(digits);
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return `${'*'.repeat(chars.length - 4)}${chars.slice(-4).join('')}`;
}
