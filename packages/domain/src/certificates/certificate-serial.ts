/**
 * Certificate serial numbers: `PPPPPP-YYYY-XXXXX-XXXXX`, the province's GB/T 2260 code, the
 * audit year, nine random Crockford Base32 characters and one check character. The random
 * part keeps serials unguessable (45 bits: the public verification cannot be walked to list
 * a province's health workers); the check character catches every single mistyped character.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomLength = 9;

export interface CertificateSerialParts {
  provinceCode: string;
  year: number;
  /** Nine characters of the Crockford alphabet. */
  random: string;
}

function symbolValue(char: string): number {
  return char >= '0' && char <= '9' ? Number(char) : alphabet.indexOf(char);
}

/** Weighted sum modulo 32 with odd weights (invertible mod 32): any one wrong character shows. */
export function certificateCheckChar(body: string): string {
  let sum = 0;
  Array.from(body).forEach((char, index) => {
    sum += symbolValue(char) * (2 * index + 1);
  });
  return alphabet.charAt(sum % 32);
}

/** Random Crockford characters from random bytes (the caller brings the randomness). */
export function serialRandomPart(bytes: Uint8Array): string {
  if (bytes.length < randomLength) throw new RangeError(`needs ${randomLength} random bytes`);
  return Array.from(bytes.subarray(0, randomLength), (b) => alphabet.charAt(b % 32)).join('');
}

export function formatCertificateSerial(parts: CertificateSerialParts): string {
  if (!/^\d{6}$/.test(parts.provinceCode)) throw new RangeError('province code: 6 digits');
  if (!Number.isInteger(parts.year) || parts.year < 1900 || parts.year > 9999)
    throw new RangeError('year: 4 digits');
  if (
    parts.random.length !== randomLength ||
    Array.from(parts.random).some((c) => !alphabet.includes(c))
  )
    throw new RangeError('random: 9 Crockford characters');
  const body = `${parts.provinceCode}${String(parts.year)}${parts.random}`;
  const tail = `${parts.random}${certificateCheckChar(body)}`;
  return `${parts.provinceCode}-${String(parts.year)}-${tail.slice(0, 5)}-${tail.slice(5)}`;
}

/**
 * Reads a serial as typed by a person: case and spaces do not matter, O reads as 0 and
 * I or L as 1. Answers the canonical serial, or null when it is malformed or its check
 * character does not match.
 */
export function parseCertificateSerial(
  input: string,
): (CertificateSerialParts & { serial: string }) | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const match = /^(\d{6})(\d{4})([0-9A-HJKMNP-TV-Z]{9})([0-9A-HJKMNP-TV-Z])$/.exec(cleaned);
  if (!match) return null;
  const [, provinceCode = '', yearText = '', random = '', check = ''] = match;
  if (certificateCheckChar(`${provinceCode}${yearText}${random}`) !== check) return null;
  const parts = { provinceCode, year: Number(yearText), random };
  return { ...parts, serial: formatCertificateSerial(parts) };
}
