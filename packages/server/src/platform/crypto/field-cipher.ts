import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A text field at rest: AES-256-GCM with a random 96-bit nonce, stored as base64
 * `nonce|tag|ciphertext`. Each kind of field has its own key.
 */
export class FieldCipher {
  constructor(private readonly encryptionKey: Buffer) {}

  encrypt(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(stored: string): string {
    const raw = Buffer.from(stored, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
