import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { canonicaliseCertificate } from '@jijiao/domain';
import type {
  Certificate,
  CertificateKeys,
  CertificateList,
  CertificateVerification,
} from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories, type TestPerson } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { queryRows } from '../../platform/db/database';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { buildServices } from '../../services';
import type { OrgRow } from '../orgs/orgs.repository';

// A province whose hospital's staff hold certificates of 2025 (the year before the clock's).
const t = await buildTestApp();
const { db } = t.database;
const f = createFactories(t);
const { services } = f;
const tree = await f.buildOrgTree();
const cityHospital = await f.buildOrg({ parent: tree.city, kind: 'unit', name: '市中心医院' });
const staff: TestPerson[] = [];
for (let i = 0; i < 30; i += 1) staff.push(await f.buildPerson({ unit: tree.unit }));
for (let i = 0; i < 6; i += 1) await f.buildPerson({ unit: cityHospital });
const holder = staff[0]!;
await f.buildCertificate({ person: holder, year: 2025 });
const learner = await t.signIn(holder.user.username);
const session = async (role: 'unit_admin' | 'province_admin' | 'reviewer', org: OrgRow) =>
  t.signIn((await f.buildUser({ role, org })).username);
const unitAdmin = await session('unit_admin', tree.unit);
const provinceAdmin = await session('province_admin', tree.province);
const reviewer = await session('reviewer', tree.city);
const provinceId = tree.province.id;
const jiangnan = tree.unit.id;
const donghuCentral = cityHospital.id;

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

async function learnerCertificate(): Promise<Certificate> {
  const mine = await get('/api/v1/certificates/mine', learner.headers);
  expect(mine.statusCode).toBe(200);
  const [first] = mine.json<CertificateList>().items;
  if (!first) throw new Error('the learner has no certificate');
  return first;
}

async function issueFor(unitId: string, count: number, year: number) {
  const people = await queryRows<{ id: string }>(
    db,
    sql`select id from people where unit_id = ${unitId} order by id limit ${count}`,
  );
  return db.transaction((tx) =>
    services.certificates.issueCertificates(tx, {
      provinceId,
      year,
      people: people.map((p, i) => ({
        personId: p.id,
        unitId,
        totalCredits: 20 + i,
        classCredits: { I: 5 + i, II: 15 },
        packs: [{ id: 'national-2006', version: '1.0.0' }],
        hoursEquivalent: 60,
      })),
    }),
  );
}

// The rest of the hospital's staff hold one too.
await issueFor(jiangnan, 24, 2025);

describe('issuing', () => {
  it('gave the learner last year’s certificate, signed, with the masked ID', async () => {
    const certificate = await learnerCertificate();
    expect(certificate.year).toBe(2025);
    expect(certificate.holderIdNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(certificate.issuerName).toBe(tree.cmeOffice.name);
    expect(certificate.unitName).toBe(tree.unit.name);
    expect(certificate.serial).toMatch(/^990000-2025-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(certificate.packs.map((p) => p.id)).toEqual(['national-2024']);
  });

  it('issues one per person and year: issuing again changes nothing', async () => {
    const first = await issueFor(donghuCentral, 5, 2024);
    expect(first.issued).toHaveLength(5);
    expect(first.existing).toEqual([]);
    const again = await issueFor(donghuCentral, 6, 2024);
    expect(again.issued).toHaveLength(1);
    expect(again.existing.map((e) => e.serial).sort()).toEqual(
      first.issued.map((e) => e.serial).sort(),
    );
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from certificates where year = 2024 and unit_id = ${donghuCentral}`,
    );
    expect(count?.n).toBe(6);
  });

  it('names the row and field of bad input, and writes nothing', async () => {
    const person = staff[1];
    const attempt = db.transaction((tx) =>
      services.certificates.issueCertificates(tx, {
        provinceId,
        year: 2023,
        people: [
          {
            personId: person!.id,
            unitId: jiangnan,
            totalCredits: 25.55,
            packs: [{ id: 'x', version: '1' }],
            hoursEquivalent: null,
          },
        ],
      }),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'people.0.totalCredits', message: 'must be ≥ 0 with one decimal' }],
    });
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from certificates where year = 2023`,
    );
    expect(count?.n).toBe(0);
  });
});

describe('verification', () => {
  it('answers valid for an issued certificate, holder masked, without signing in', async () => {
    const certificate = await learnerCertificate();
    const response = await get(`/api/v1/certificates/${certificate.serial}/verify`);
    expect(response.statusCode).toBe(200);
    const answer = response.json<CertificateVerification>();
    expect(answer).toMatchObject({
      valid: true,
      status: 'valid',
      revoked: false,
      year: 2025,
      credits: certificate.credits,
      issuer: tree.cmeOffice.name,
      issuedOn: certificate.issuedOn,
      holder: { idNumberMasked: certificate.holderIdNumberMasked },
      keysUrl: `${testConfig().publicBaseUrl}/api/v1/certificates/keys`,
    });
    expect(answer.revokedAt).toBeUndefined();
    expect(answer.revokedReason).toBeUndefined();
    // When it was signed: the issue instant, on the printed issue date.
    expect(answer.signedAt?.slice(0, 10)).toBe(certificate.issuedOn);
    expect(answer.holder?.name).not.toBe(certificate.holderName);
    expect(answer.holder?.name.startsWith(certificate.holderName.charAt(0))).toBe(true);
    // Typed by hand: lower case, spaces instead of hyphens.
    const typed = await get(
      `/api/v1/certificates/${encodeURIComponent(certificate.serial.toLowerCase().replace(/-/g, ' '))}/verify`,
    );
    expect(typed.json<CertificateVerification>().valid).toBe(true);
  });

  it('answers not valid for an unknown serial and for garbage', async () => {
    for (const serial of ['990000-2025-00000-00000', 'nonsense']) {
      const response = await get(`/api/v1/certificates/${serial}/verify`);
      expect(response.statusCode).toBe(200);
      expect(response.json<CertificateVerification>()).toMatchObject({
        valid: false,
        status: 'unknown',
        revoked: false,
      });
      expect(response.json<CertificateVerification>().holder).toBeUndefined();
    }
  });

  it('answers not valid once a stored field was altered in the database', async () => {
    const { issued } = await issueFor(jiangnan, 30, 2022);
    const serial = issued.at(-1)!.serial;
    expect(
      (await get(`/api/v1/certificates/${serial}/verify`)).json<CertificateVerification>().valid,
    ).toBe(true);
    await db.execute(
      sql`update certificates set total_credits = total_credits + 10 where serial = ${serial}`,
    );
    const answer = (
      await get(`/api/v1/certificates/${serial}/verify`)
    ).json<CertificateVerification>();
    expect(answer).toMatchObject({ valid: false, status: 'altered', revoked: false, serial });
    // What no longer matches its signature is not shown as the certificate's data.
    for (const field of ['credits', 'holder', 'year', 'issuer', 'issuedOn', 'signedAt'] as const)
      expect(answer[field]).toBeUndefined();
    const other = issued.at(-2)!.serial;
    await db.execute(sql`update certificates set holder_name = '冒名顶替' where serial = ${other}`);
    expect(
      (await get(`/api/v1/certificates/${other}/verify`)).json<CertificateVerification>().valid,
    ).toBe(false);
    // Altered and revoked: the alteration is what the public must see first.
    await db.execute(
      sql`update certificates set revoked_at = now(), revoked_reason = '弄虚作假' where serial = ${other}`,
    );
    expect(
      (await get(`/api/v1/certificates/${other}/verify`)).json<CertificateVerification>(),
    ).toMatchObject({ valid: false, status: 'altered', revoked: true, revokedReason: '弄虚作假' });
  });

  it('answers revoked, with the date, after the certificate was revoked', async () => {
    const { issued } = await issueFor(jiangnan, 3, 2021);
    const target = issued[0]!;
    t.clock.advanceMinutes(1);
    const at = t.clock.now();
    const revoked = await db.transaction((tx) =>
      services.certificates.revokeCertificate(tx, {
        personId: target.personId,
        year: 2021,
        reason: '弄虚作假',
        at,
      }),
    );
    expect(revoked?.revoked).toBe(true);
    const answer = (
      await get(`/api/v1/certificates/${target.serial}/verify`)
    ).json<CertificateVerification>();
    expect(answer).toMatchObject({
      valid: false,
      status: 'revoked',
      revoked: true,
      revokedAt: at.toISOString(),
      revokedReason: '弄虚作假',
      year: 2021,
    });
    // Revoking again keeps the first date; a year without a certificate answers null.
    t.clock.advanceMinutes(1);
    const again = await db.transaction((tx) =>
      services.certificates.revokeCertificate(tx, {
        personId: target.personId,
        year: 2021,
        reason: 'again',
        at: t.clock.now(),
      }),
    );
    expect(again?.revokedAt).toBe(at.toISOString());
    const none = await db.transaction((tx) =>
      services.certificates.revokeCertificate(tx, {
        personId: target.personId,
        year: 1999,
        reason: 'x',
        at,
      }),
    );
    expect(none).toBeNull();
    const logged = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'certificate.revoked' and target_id = ${target.serial}`,
    );
    expect(logged[0]?.n).toBe(1);
  });

  it('a province admin revokes by serial, and the HR platform is queued', async () => {
    const { issued } = await issueFor(jiangnan, 4, 2020);
    const serial = issued[3]!.serial;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${serial}/revoke`,
      headers: provinceAdmin.headers,
      payload: { reason: '伪造学分证明' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Certificate>().revoked).toBe(true);
    const queued = await queryRows<{ kind: string; payload: { serial: string } }>(
      db,
      sql`select kind, payload from hr_push_outbox where payload->>'serial' = ${serial}`,
    );
    expect(queued).toEqual([
      { kind: 'certificate_revoked', payload: expect.objectContaining({ serial }) as unknown },
    ]);
    const byUnitAdmin = await t.app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${serial}/revoke`,
      headers: unitAdmin.headers,
      payload: { reason: '伪造学分证明' },
    });
    expect(byUnitAdmin.statusCode).toBe(403);
  });
});

describe('signatures', () => {
  it('verify with the published key over the canonical data', async () => {
    const certificate = await learnerCertificate();
    const keys = (await get('/api/v1/certificates/keys')).json<CertificateKeys>();
    const [row] = await queryRows<{ key_id: string; signature: string; issued_on: string }>(
      db,
      sql`select key_id, signature, to_char(issued_on, 'YYYY-MM-DD') as issued_on from certificates where serial = ${certificate.serial}`,
    );
    const published = keys.keys.find((k) => k.kid === row!.key_id);
    expect(published).toMatchObject({ provinceCode: '990000', alg: 'EdDSA', demo: true });
    const data = canonicaliseCertificate({
      serial: certificate.serial,
      year: certificate.year,
      holderName: certificate.holderName,
      holderIdNumberMasked: certificate.holderIdNumberMasked,
      unitName: certificate.unitName,
      provinceCode: '990000',
      issuerName: certificate.issuerName,
      issuedOn: row!.issued_on,
      totalCredits: certificate.credits.total,
      classCredits: certificate.credits.byClass,
      hoursEquivalent: certificate.hoursEquivalent,
      packs: certificate.packs,
    });
    const signature = Buffer.from(row!.signature, 'base64url');
    for (const key of [
      createPublicKey({ key: published!.jwk, format: 'jwk' }),
      createPublicKey(published!.pem),
    ]) {
      expect(verify(null, Buffer.from(data), key, signature)).toBe(true);
      expect(
        verify(null, Buffer.from(data.replace(tree.unit.name, '另一医院')), key, signature),
      ).toBe(false);
    }
  });

  it('come from a configured key when one is set, and the demo key is not trusted then', async () => {
    const seed = Buffer.alloc(32, 7).toString('base64');
    const other = buildServices({
      config: testConfig({
        JIJIAO_DEMO: 'false',
        JIJIAO_ID_ENCRYPTION_KEY: seed,
        JIJIAO_ID_LOOKUP_KEY: seed,
        JIJIAO_CERT_SIGNING_KEY_990000: seed,
      }),
      database: t.database,
      clock: t.clock,
      hasher: argon2Hasher,
    });
    const keys = await other.certificates.publicKeys();
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).toMatchObject({ provinceCode: '990000', demo: false });
    const certificate = await learnerCertificate();
    expect((await other.certificates.verify(certificate.serial)).valid).toBe(false);
  });
});

describe('access', () => {
  it('lets the holder and the admins over the unit read it; others get 404', async () => {
    const { serial } = await learnerCertificate();
    for (const session of [learner, unitAdmin, provinceAdmin]) {
      expect((await get(`/api/v1/certificates/${serial}`, session.headers)).statusCode).toBe(200);
    }
    expect((await get(`/api/v1/certificates/${serial}/pdf`, reviewer.headers)).statusCode).toBe(
      404,
    );
    expect((await get(`/api/v1/certificates/${serial}/pdf`)).statusCode).toBe(401);
    const list = (
      await get('/api/v1/certificates?year=2025', unitAdmin.headers)
    ).json<CertificateList>();
    expect(list.items.length).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(list)).not.toMatch(/\d{17}[\dX]/);
  });

  it('exports a unit’s certificates as xlsx', async () => {
    const response = await get(
      `/api/v1/certificates/export.xlsx?year=2025&unitId=${jiangnan}`,
      unitAdmin.headers,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('证书编号');
    expect(sheet.rowCount).toBeGreaterThanOrEqual(21);
    expect(sheet.getRow(2).getCell(3).text).toMatch(/\*{10}/);
  });
});

describe('an altered certificate is never re-served (finding 4)', () => {
  it('refuses the badge and the PDF of a row whose credits were raised by SQL, and logs it', async () => {
    const { issued } = await issueFor(jiangnan, 4, 2019);
    const serial = issued[0]!.serial;
    const badge = `/api/v1/certificates/${serial}/badge`;
    const pdf = `/api/v1/certificates/${serial}/pdf`;
    expect((await get(badge, unitAdmin.headers)).statusCode).toBe(200);
    expect((await get(pdf, unitAdmin.headers)).statusCode).toBe(200);

    await db.execute(
      sql`update certificates set total_credits = total_credits + 100 where serial = ${serial}`,
    );
    for (const url of [badge, pdf]) {
      const refused = await get(url, unitAdmin.headers);
      expect(refused.statusCode).toBe(409);
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('certificate_tampered');
      expect(refused.body).not.toContain('proof');
    }
    const entries = await queryRows<{
      action: string;
      target_type: string;
      target_id: string;
      actor_user_id: string | null;
      details: { serial?: string; fileName?: string };
    }>(
      db,
      sql`select action, target_type, target_id, actor_user_id, details from audit_log
          where action = 'certificate.tampered' and target_id = ${serial} order by id`,
    );
    expect(entries.map((e) => e.details.fileName)).toEqual([
      `certificate-${serial}.badge.json`,
      `certificate-${serial}.pdf`,
    ]);
    expect(entries.every((e) => e.target_type === 'certificate' && e.actor_user_id !== null)).toBe(
      true,
    );
    // The public check agrees: the same signature test decides both.
    expect(
      (await get(`/api/v1/certificates/${serial}/verify`)).json<CertificateVerification>().status,
    ).toBe('altered');
    // An untouched certificate of the same batch is still served.
    expect(
      (await get(`/api/v1/certificates/${issued[1]!.serial}/badge`, unitAdmin.headers)).statusCode,
    ).toBe(200);
  });
});
