import { createHmac } from 'node:crypto';

/**
 * A short fingerprint of the ID-number keys, stored in each backup's manifest: a restore
 * under other keys would hold ID numbers nobody can decrypt or look up, so it is refused.
 * An HMAC of a constant: the keys themselves cannot be recovered from it.
 */
export function keyFingerprint(keys: { encryptionKey: Buffer; lookupKey: Buffer }): string {
  const mac = (key: Buffer) =>
    createHmac('sha256', key).update('jijiao-backup-key-fingerprint').digest('hex').slice(0, 16);
  return `${mac(keys.encryptionKey)}.${mac(keys.lookupKey)}`;
}
