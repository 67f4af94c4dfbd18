/**
 * Unified social credit codes of organisations (GB 32100-2015): 18 characters from a
 * 31-character alphabet (no I, O, Z, S, V); the last is a check character, MOD 31.
 */

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeProblem = 'length' | 'format' | 'check_digit';
export type CreditCodeResult =
  | { ok: true; value: { code: string; regionCode: string } }
  | { ok: false; problem: CreditCodeProblem };

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i] ?? '') * (weights[i] ?? 0);
  return alphabet[(31 - (sum % 31)) % 31] ?? '';
}

export function parseCreditCode(input: string): CreditCodeResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, problem: 'length' };
  if (!Array.from(code).every((c) => alphabet.includes(c)) || !/^..\d{6}/.test(code)) {
    return { ok: false, problem: 'format' };
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, problem: 'check_digit' };
  }
  return { ok: true, value: { code, regionCode: code.slice(2, 8) } };
}
