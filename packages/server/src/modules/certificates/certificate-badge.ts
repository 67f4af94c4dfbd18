import { createHash } from 'node:crypto';
import {
  buildOpenBadgeCredential,
  canonicalJson,
  encodeBase58,
  type JsonValue,
} from '@jijiao/domain';
import type { CertificateKeyRing } from './certificate-keys';
import type { CertificateRow } from './certificates.repository';
import { factsOf } from './certificate-facts';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * The certificate as an Open Badges 3.0 credential with a Data Integrity proof, cryptosuite
 * `eddsa-jcs-2022`: Ed25519 over SHA-256(JCS(proof options)) ‖ SHA-256(JCS(credential)),
 * `proofValue` in multibase base58btc. The verification method is the province key's entry
 * at `/api/v1/certificates/keys`.
 */
export function signedOpenBadge(
  row: CertificateRow,
  keys: CertificateKeyRing,
  publicBaseUrl: string,
): { [key: string]: JsonValue } {
  const credential = buildOpenBadgeCredential({
    facts: factsOf(row),
    publicBaseUrl,
    issuedAt: row.issuedAt.toISOString(),
    identityHash: row.recipientHash,
    salt: row.recipientSalt,
  });
  const key = keys.keyFor(row.provinceCode);
  const proofOptions = {
    '@context': credential['@context'] ?? null,
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: row.issuedAt.toISOString(),
    verificationMethod: `${publicBaseUrl}/api/v1/certificates/keys#${key.kid}`,
    proofPurpose: 'assertionMethod',
  };
  const hashData = Buffer.concat([
    sha256(canonicalJson(proofOptions)),
    sha256(canonicalJson(credential)),
  ]);
  const { signature } = keys.signRaw(row.provinceCode, hashData);
  return { ...credential, proof: { ...proofOptions, proofValue: `z${encodeBase58(signature)}` } };
}
