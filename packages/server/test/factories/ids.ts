import { residentIdCheckChar } from '@jijiao/domain';
import { argon2Hasher, type PasswordHasher } from '../../src/platform/auth/password-hasher';
import { unusablePasswordHash } from '../../src/modules/users/users.service';
import { testPassword } from '../test-config';

/** The client address factory calls act from. */
export const ip = '127.0.0.1';
/** A session that never expires, for actors built without signing in. */
export const never = new Date(8.64e15);

let sequence = 0;
/** A number no other factory call in this test file has had (files run in fresh modules). */
export function nextSerial(): number {
  sequence += 1;
  return sequence;
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A valid resident ID number (GB 11643) nobody else in the test database holds: region
 * 650102 (the demo's people and `newIdNumber` use others), a birth date and sequence drawn
 * from a counter, the sex in the sequence's parity, and the MOD 11-2 check character.
 */
export function newResidentId(options: { sex?: 'male' | 'female'; birthYear?: number } = {}) {
  const n = nextSerial();
  const birth = new Date(Date.UTC(options.birthYear ?? 1975, 0, 1) + (n % 3650) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  let order = (Math.floor(n / 3650) * 2) % 1000;
  if (options.sex === 'male' || (options.sex === undefined && n % 2 === 1)) order += 1;
  const first17 = `650102${date}${pad(order, 3)}`;
  return first17 + residentIdCheckChar(first17);
}

let testPasswordHash: Promise<string> | undefined;

/**
 * One argon2 hash of `testPassword` per test file. The services hash every one-time
 * password they make; at ~130 ms an argon2 hash on a loaded machine, that would dominate
 * a test that registers twenty people, and no factory ever uses those passwords: they are
 * stored unusable, and the account is given the test password instead.
 */
export function hashOfTestPassword(): Promise<string> {
  testPasswordHash ??= argon2Hasher.hash(testPassword);
  return testPasswordHash;
}

export const factoryHasher: PasswordHasher = {
  hash: (password) =>
    password === testPassword ? hashOfTestPassword() : Promise.resolve(unusablePasswordHash),
  verify: (hash, password) => argon2Hasher.verify(hash, password),
};
