/**
 * Resident identity numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd = male), 1 check character over ISO 7064 MOD 11-2. The 15-digit legacy form
 * (2-digit year, no check character) is converted to the 18-digit form.
 */
import { isCalendarDay } from '../calendar/calendar-date';

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const checkChars = '10X98765432';

/** First two digits of GB/T 2260 province-level codes. */
const provincePrefixes = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export type ResidentIdProblem = 'length' | 'format' | 'region' | 'birth_date' | 'check_digit';

export interface ResidentId {
  /** The normalised 18-character number (upper-case X). */
  number: string;
  birthDate: string;
  sex: 'male' | 'female';
  regionCode: string;
  convertedFromLegacy: boolean;
}

export type ResidentIdResult =
  { ok: true; value: ResidentId } | { ok: false; problem: ResidentIdProblem };

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0);
  return checkChars[sum % 11] ?? '';
}

/**
 * Validates a resident ID number. `today` (YYYY-MM-DD) rejects birth dates in the future;
 * the caller supplies it because the domain never reads a clock.
 */
export function parseResidentId(input: string, today?: string): ResidentIdResult {
  const raw = input.trim().toUpperCase();
  let number: string;
  let convertedFromLegacy = false;
  if (raw.length === 15) {
    if (!/^\d{15}$/.test(raw)) return { ok: false, problem: 'format' };
    const first17 = `${raw.slice(0, 6)}19${raw.slice(6)}`;
    number = first17 + residentIdCheckChar(first17);
    convertedFromLegacy = true;
  } else if (raw.length === 18) {
    if (!/^\d{17}[\dX]$/.test(raw)) return { ok: false, problem: 'format' };
    number = raw;
  } else {
    return { ok: false, problem: 'length' };
  }
  if (!provincePrefixes.has(number.slice(0, 2))) return { ok: false, problem: 'region' };
  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (year < 1900 || !isCalendarDay(year, month, day)) return { ok: false, problem: 'birth_date' };
  if (today !== undefined && birthDate > today) return { ok: false, problem: 'birth_date' };
  if (!convertedFromLegacy && residentIdCheckChar(number.slice(0, 17)) !== number[17]) {
    return { ok: false, problem: 'check_digit' };
  }
  return {
    ok: true,
    value: {
      number,
      birthDate,
      sex: Number(number[16]) % 2 === 1 ? 'male' : 'female',
      regionCode: number.slice(0, 6),
      convertedFromLegacy,
    },
  };
}

/** Masks an ID for display: the first four and last four characters stay visible. */
export function maskResidentId(number: string): string {
  if (number.length <= 8) return '*'.repeat(number.length);
  return `${number.slice(0, 4)}${'*'.repeat(number.length - 8)}${number.slice(-4)}`;
}
