import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Resident ID numbers at rest: AES-256-GCM with a random 96-bit nonce (stored as
 * base64 `nonce|tag|ciphertext`), plus an HMAC-SHA-256 under a second key for exact-match
 * lookup without decrypting.
 */
export class IdNumberCipher {
  constructor(
    private readonly encryptionKey: Buffer,
    private readonly lookupKey: Buffer,
  ) {}

  encrypt(idNumber: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, nonce);
    const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(stored: string): string {
    const raw = Buffer.from(stored, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  lookupHash(idNumber: string): string {
    return createHmac('sha256', this.lookupKey).update(idNumber.toUpperCase()).digest('hex');
  }
}
