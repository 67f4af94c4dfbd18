import { createHmac, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { recoveryCodeCount } from '@jijiao/contracts';

/** RFC 6238's defaults, which every authenticator app reads: SHA-1, 6 digits, 30 seconds. */
const periodSeconds = 30;
/** A code of the step before or after still counts: phones' clocks drift. */
const window = 1;

function totpOf(secretBase32: string, issuer: string, label: string): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: periodSeconds,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret (RFC 4226's recommendation), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** `otpauth://totp/Jijiao:name?secret=…&issuer=Jijiao…`: what the app scans. */
export function otpauthUriOf(secretBase32: string, issuer: string, username: string): string {
  return totpOf(secretBase32, issuer, username).toString();
}

/**
 * The time step of `code` if it is the secret's code at `now` (± one step), else null.
 * Whether the step was used already is the caller's to check.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const timestamp = now.getTime();
  const delta = totpOf(secretBase32, 'x', 'x').validate({ token: code, timestamp, window });
  if (delta === null) return null;
  return Math.floor(timestamp / 1000 / periodSeconds) + delta;
}

/** No 0/O, 1/I/L: read off a sheet of paper and typed again. */
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Ten codes like `7KQ2M-XW4PD` (≈49 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Case, spaces and dashes do not matter; a full-width form is the same code. */
export function normaliseRecoveryCode(code: string): string {
  return code.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

/** Stored keyed: a copied table alone does not let anyone test guesses offline. */
export function recoveryCodeHash(key: Buffer, code: string): string {
  return createHmac('sha256', key).update(normaliseRecoveryCode(code)).digest('hex');
}
