import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { canonicalJson, decodeBase58, type JsonValue } from '@jijiao/domain';
import type { CertificateKeys, CertificateList } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { queryRows } from '../../platform/db/database';
import { sql } from 'drizzle-orm';

const t = await buildTestApp();
const f = createFactories(t);
const holder = await f.buildPerson({ name: '王晓明' });
await f.buildCertificate({ person: holder, year: 2025 });
const learner = await t.signIn(holder.user.username);
const mine = (
  await t.app.inject({ method: 'GET', url: '/api/v1/certificates/mine', headers: learner.headers })
).json<CertificateList>();
const certificate = mine.items[0]!;
const publicBaseUrl = testConfig().publicBaseUrl;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-certificate-'));

describe('the certificate PDF', () => {
  const pdfFile = path.join(workDir, 'certificate.pdf');

  it('is an A4 page whose text a real reader extracts: title, name, serial, issuer', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${certificate.serial}/pdf`,
      headers: learner.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    fs.writeFileSync(pdfFile, response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const expected of [
      '专业科目培训合格证明',
      certificate.holderName,
      certificate.serial,
      certificate.unitName,
      certificate.issuerName,
      '2025',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(certificate.holderIdNumberMasked);
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' });
    // Embedded (emb) and subset (sub): a six-letter tag before the font name.
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes yes/);
    expect(fs.statSync(pdfFile).size).toBeLessThan(300_000);
  });

  it('carries a QR code leading to the public verification page', () => {
    const prefix = path.join(workDir, 'page');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdfFile, prefix]);
    const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(`${publicBaseUrl}/verify/${certificate.serial}`);
  });
});

describe('the Open Badges 3.0 credential', () => {
  it('says credits, term, hashed recipient and pack, and its eddsa-jcs-2022 proof verifies with the published key', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${certificate.serial}/badge`,
      headers: learner.headers,
    });
    expect(response.statusCode).toBe(200);
    const badge = response.json<
      Record<string, JsonValue> & {
        proof: Record<string, string>;
        credentialSubject: Record<string, JsonValue>;
      }
    >();
    expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(badge.credentialSubject).toMatchObject({
      creditsEarned: certificate.credits.total,
      term: '2025',
    });
    expect(badge.cmeCredit).toMatchObject({
      policyPacks: certificate.packs,
      creditUnit: expect.stringContaining('学分') as unknown,
    });

    // The recipient: sha256 of the resident ID number and the salt, never the number.
    const identity = (
      badge.credentialSubject.identifier as { identityHash: string; salt: string }[]
    )[0]!;
    const [person] = await queryRows<{ id_number_cipher: string }>(
      t.database.db,
      sql`select p.id_number_cipher from people p join certificates c on c.person_id = p.id where c.serial = ${certificate.serial}`,
    );
    const { IdNumberCipher } = await import('../../platform/crypto/id-number-cipher');
    const config = testConfig();
    const idNumber = new IdNumberCipher(
      config.idKeys.encryptionKey,
      config.idKeys.lookupKey,
    ).decrypt(person!.id_number_cipher);
    expect(JSON.stringify(badge)).not.toContain(idNumber);
    expect(identity.identityHash).toBe(
      `sha256$${createHash('sha256')
        .update(idNumber + identity.salt)
        .digest('hex')}`,
    );

    const { proof, ...unsecured } = badge;
    expect(proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      proofPurpose: 'assertionMethod',
    });
    const { proofValue, ...options } = proof;
    const kid = decodeURIComponent(options.verificationMethod!.split('#')[1]!);
    const keys = (
      await t.app.inject({ method: 'GET', url: '/api/v1/certificates/keys' })
    ).json<CertificateKeys>();
    const key = createPublicKey({ key: keys.keys.find((k) => k.kid === kid)!.jwk, format: 'jwk' });
    const hash = (value: JsonValue) => createHash('sha256').update(canonicalJson(value)).digest();
    const data = Buffer.concat([hash(options), hash(unsecured)]);
    expect(proofValue!.startsWith('z')).toBe(true);
    const signature = decodeBase58(proofValue!.slice(1));
    expect(verify(null, data, key, signature)).toBe(true);
    const tampered = {
      ...unsecured,
      credentialSubject: { ...badge.credentialSubject, creditsEarned: 99 },
    };
    expect(verify(null, Buffer.concat([hash(options), hash(tampered)]), key, signature)).toBe(
      false,
    );
  });
});

// A province code of its own: the other test trees (and the demo) all use 990000.
const tree = await f.buildOrgTree({ regionCode: '980000' });
const person = await f.buildPerson({ unit: tree.unit });
await f.buildCertificate({ person, year: 2025 });
const session = await t.signIn(person.user.username);
const own = (
  await t.app.inject({
    method: 'GET',
    url: '/api/v1/certificates/mine',
    headers: session.headers,
  })
).json<CertificateList>().items[0]!;

describe('the links inside the credential', () => {
  it('open what they name without signing in: the issuer profile and the year’s achievement', async () => {
    const badge = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/certificates/${own.serial}/badge`,
        headers: session.headers,
      })
    ).json<{
      issuer: { id: string; name: string };
      credentialSubject: { achievement: { id: string; creator: { id: string } } };
      evidence: { id: string }[];
    }>();
    expect(badge.issuer).toMatchObject({
      id: `${publicBaseUrl}/api/v1/certificates/issuers/980000`,
      name: own.issuerName,
    });
    const open = (url: string) => {
      expect(url.startsWith(publicBaseUrl), url).toBe(true);
      return t.app.inject({ method: 'GET', url: url.slice(publicBaseUrl.length) });
    };
    const issuer = await open(badge.issuer.id);
    expect(issuer.statusCode).toBe(200);
    expect(issuer.headers['content-type']).toContain('application/ld+json');
    expect(issuer.json()).toMatchObject({
      id: badge.issuer.id,
      type: ['Profile'],
      name: badge.issuer.name,
    });
    expect(badge.credentialSubject.achievement.creator.id).toBe(badge.issuer.id);
    const achievement = await open(badge.credentialSubject.achievement.id);
    expect(achievement.statusCode).toBe(200);
    expect(achievement.json()).toMatchObject({
      id: badge.credentialSubject.achievement.id,
      type: ['Achievement'],
      achievementType: 'Certificate',
      creator: { id: badge.issuer.id, name: badge.issuer.name },
    });
    // The evidence is the public verification page of the web app.
    expect(badge.evidence[0]?.id).toBe(`${publicBaseUrl}/verify/${own.serial}`);
  });

  it('answers 404 for a province that issues nothing here, 400 for what is not a region code', async () => {
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/certificates/issuers/650000',
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/certificates/achievements/65/2025' }))
        .statusCode,
    ).toBe(400);
  });
});
