import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of an email's unsubscribe link: the address and an HMAC of it, so the link
 * works without signing in and cannot be made for someone else's address.
 */
export function unsubscribeToken(key: Buffer, address: string): string {
  const lower = address.toLowerCase();
  const mac = createHmac('sha256', key).update(`unsubscribe:${lower}`).digest('base64url');
  return `${Buffer.from(lower).toString('base64url')}.${mac}`;
}

/** The address a token was made for, or null if it was not made with `key`. */
export function addressOfToken(key: Buffer, token: string): string | null {
  const [encoded, mac] = token.split('.');
  if (!encoded || !mac || token.split('.').length !== 2) return null;
  const address = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(unsubscribeToken(key, address).split('.')[1] ?? '');
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? address : null;
}

/** `zhang.san@example.cn` → `z***@example.cn`: what a page may show. */
export function maskEmail(address: string): string {
  const at = address.indexOf('@');
  if (at < 1) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
