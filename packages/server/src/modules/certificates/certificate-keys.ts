import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { CertificateKeys } from '@jijiao/contracts';
import type { Config } from '../../platform/config/config';
import { demoSigningKey } from '../../platform/config/config';
import { AppError } from '../../platform/errors/app-error';

export interface SigningKey {
  /** `<province code>:<first 16 hex of SHA-256 of the raw public key>` */
  kid: string;
  provinceCode: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** x of the JWK: the raw 32-byte public key, base64url */
  x: string;
  demo: boolean;
}

function toSigningKey(provinceCode: string, privateKey: KeyObject, demo: boolean): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const x = String(publicKey.export({ format: 'jwk' }).x);
  const fingerprint = createHash('sha256')
    .update(Buffer.from(x, 'base64url'))
    .digest('hex')
    .slice(0, 16);
  return { kid: `${provinceCode}:${fingerprint}`, provinceCode, privateKey, publicKey, x, demo };
}

/**
 * The provinces' Ed25519 certificate keys: configured ones (JIJIAO_CERT_SIGNING_KEY_<code>),
 * and in demo mode a deterministic demo key for any other province. Only these keys
 * verify: a key is never read from the database, where it could be swapped with the data.
 */
export class CertificateKeyRing {
  private readonly keys = new Map<string, SigningKey>();

  constructor(private readonly config: Pick<Config, 'certificates'>) {
    for (const [code, key] of config.certificates.signingKeys) {
      this.keys.set(code, toSigningKey(code, key, false));
    }
  }

  /** The key a province signs with now; without one outside demo mode, `invalid_state`. */
  keyFor(provinceCode: string): SigningKey {
    const known = this.keys.get(provinceCode);
    if (known) return known;
    if (!this.config.certificates.demoKeys) {
      throw new AppError(
        'invalid_state',
        `No certificate signing key for province ${provinceCode}: set JIJIAO_CERT_SIGNING_KEY_${provinceCode}`,
        { provinceCode },
      );
    }
    const demo = toSigningKey(provinceCode, demoSigningKey(provinceCode), true);
    this.keys.set(provinceCode, demo);
    return demo;
  }

  /** Provinces that sign with a demo key (for the start-up warning). */
  usesDemoKey(provinceCode: string): boolean {
    return (
      !this.config.certificates.signingKeys.has(provinceCode) && this.config.certificates.demoKeys
    );
  }

  private byKid(kid: string): SigningKey | undefined {
    const provinceCode = kid.split(':')[0] ?? '';
    if (!/^\d{6}$/.test(provinceCode)) return undefined;
    try {
      const key = this.keyFor(provinceCode);
      return key.kid === kid ? key : undefined;
    } catch {
      return undefined;
    }
  }

  sign(provinceCode: string, data: string | Uint8Array): { kid: string; signature: string } {
    const key = this.keyFor(provinceCode);
    return {
      kid: key.kid,
      signature: sign(null, Buffer.from(data), key.privateKey).toString('base64url'),
    };
  }

  signRaw(provinceCode: string, data: Uint8Array): { key: SigningKey; signature: Buffer } {
    const key = this.keyFor(provinceCode);
    return { key, signature: sign(null, data, key.privateKey) };
  }

  /** False for an unknown key id, a malformed signature or a mismatch. */
  verify(kid: string, data: string | Uint8Array, signature: string): boolean {
    const key = this.byKid(kid);
    if (!key) return false;
    try {
      return verify(null, Buffer.from(data), key.publicKey, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  }

  /** The public keys of these provinces, as JWK and PEM. */
  publish(provinceCodes: readonly string[]): CertificateKeys {
    const keys = provinceCodes.flatMap((code) => {
      try {
        return [this.keyFor(code)];
      } catch {
        return [];
      }
    });
    return {
      keys: keys.map((k) => ({
        kid: k.kid,
        provinceCode: k.provinceCode,
        alg: 'EdDSA' as const,
        jwk: {
          kty: 'OKP' as const,
          crv: 'Ed25519' as const,
          x: k.x,
          kid: k.kid,
          use: 'sig' as const,
          alg: 'EdDSA' as const,
        },
        pem: String(k.publicKey.export({ format: 'pem', type: 'spki' })),
        demo: k.demo,
      })),
    };
  }
}
