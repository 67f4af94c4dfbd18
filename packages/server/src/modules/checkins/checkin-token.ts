import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A learner's rotating QR token: `v1.<person id hex>.<expiry, unix seconds>.<HMAC>`. It
 * names the person, not a card, and is checked against the time of the swipe, so a kiosk
 * that queued it offline can still send it later.
 */
function mac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest().subarray(0, 16).toString('base64url');
}

export function signCheckinToken(key: Buffer, personId: string, expiresAt: Date): string {
  const payload = `v1.${personId.replaceAll('-', '')}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(key, payload)}`;
}

/** The person id of a token valid at `at`, or null (malformed, forged or expired). */
export function verifyCheckinToken(key: Buffer, token: string, at: Date): string | null {
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== 'v1') return null;
  const [, hex = '', expiry = '', signature = ''] = parts;
  if (!/^[0-9a-f]{32}$/.test(hex) || !/^\d{1,12}$/.test(expiry)) return null;
  const expected = Buffer.from(mac(key, `v1.${hex}.${expiry}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(expiry) * 1000 < at.getTime()) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether a typed or scanned code is a QR token rather than a card number. */
export function looksLikeCheckinToken(code: string): boolean {
  return code.startsWith('v1.');
}
