import { createHmac } from 'node:crypto';
import { FieldCipher } from './field-cipher';

/**
 * Resident ID numbers at rest: encrypted as every protected field is (`FieldCipher`), plus
 * an HMAC-SHA-256 under a second key for exact-match lookup without decrypting.
 */
export class IdNumberCipher extends FieldCipher {
  constructor(
    encryptionKey: Buffer,
    private readonly lookupKey: Buffer,
  ) {
    super(encryptionKey);
  }

  lookupHash(idNumber: string): string {
    return createHmac('sha256', this.lookupKey).update(idNumber.toUpperCase()).digest('hex');
  }
}
