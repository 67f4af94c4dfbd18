import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Job, JobAccepted } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { queryRows } from '../../platform/db/database';
import { factsOf, verifyUrlOf } from './certificate-facts';
import { renderCertificatePdf } from './certificate-pdf';
import type { CertificateRow } from './certificates.repository';

// A province with two units: the hospital's staff hold 2025 certificates, one revoked;
// the clinic's staff too. The PDF job runs with two worker threads into a fresh directory.
const pdfDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-pdfs-'));
afterAll(() => {
  fs.rmSync(pdfDir, { recursive: true, force: true });
});
const env = { JIJIAO_CERTIFICATE_PDF_DIR: pdfDir, JIJIAO_PDF_WORKERS: '2' };
const t = await buildTestApp(env);
const { db } = t.database;
const f = createFactories({ ...t, config: testConfig(env) });
const { services } = f;
const tree = await f.buildOrgTree();
const clinic = await f.buildOrg({
  parent: tree.city,
  kind: 'unit',
  name: '东湖市社区卫生服务中心',
});

async function certify(unit: typeof tree.unit, count: number) {
  const people: { id: string }[] = [];
  for (let i = 0; i < count; i++) people.push(await f.buildPerson({ unit }));
  return db.transaction((tx) =>
    services.certificates.issueCertificates(tx, {
      provinceId: tree.province.id,
      year: 2025,
      people: people.map((p, i) => ({
        personId: p.id,
        unitId: unit.id,
        totalCredits: 25 + i,
        classCredits: { I: 10, II: 15 + i },
        packs: [{ id: 'national-2006', version: '1.0.0' }],
        hoursEquivalent: 60,
      })),
    }),
  );
}
await certify(tree.unit, 12);
await certify(clinic, 5);

const rowsOf = (where: ReturnType<typeof sql>) =>
  queryRows<{ id: string; serial: string; unitId: string }>(
    db,
    sql`select id, serial, unit_id as "unitId" from certificates where ${where} order by serial`,
  );
const hospitalRows = await rowsOf(sql`unit_id = ${tree.unit.id} and year = 2025`);
const revokedSerial = hospitalRows[0]!.serial;
await queryRows(
  db,
  sql`update certificates set revoked_at = now(), revoked_reason = 'test' where serial = ${revokedSerial}`,
);

const provinceAdmin = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);
const clinicAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: clinic })).username,
);

async function certificateRow(serial: string): Promise<CertificateRow> {
  const row = await services.certificates.findForActor(
    await f.provinceActor(tree.province),
    serial,
  );
  return row;
}

const storedFiles = (): string[] =>
  fs.existsSync(pdfDir)
    ? fs
        .readdirSync(pdfDir, { recursive: true, encoding: 'utf8' })
        .filter((n) => n.endsWith('.pdf'))
    : [];

async function runJob(year = 2025): Promise<{ job: Job; result: unknown }> {
  const accepted = await t.app.inject({
    method: 'POST',
    url: '/api/v1/certificates/pdf-jobs',
    headers: provinceAdmin.headers,
    payload: { year },
  });
  expect(accepted.statusCode).toBe(202);
  const { jobId } = accepted.json<JobAccepted>();
  await services.createJobRunner().drain();
  const job = await t.app.inject({
    method: 'GET',
    url: `/api/v1/jobs/${jobId}`,
    headers: provinceAdmin.headers,
  });
  const [stored] = await queryRows<{ result: unknown }>(
    db,
    sql`select result from jobs where id = ${jobId}`,
  );
  // The job's owner reads the same result from the API as the job stored.
  const answered = job.json<Job>();
  expect(answered.result).toEqual(answered.status === 'succeeded' ? stored?.result : null);
  return { job: answered, result: stored?.result };
}

describe('certificate PDFs are deterministic', () => {
  it('renders the same certificate to the same bytes, and two certificates differently', async () => {
    const [a, b] = await Promise.all(hospitalRows.slice(1, 3).map((r) => certificateRow(r.serial)));
    const render = (row: CertificateRow) =>
      renderCertificatePdf(factsOf(row), verifyUrlOf('https://cme.example.cn', row.serial));
    const first = await render(a!);
    const again = await render(a!);
    expect(again.equals(first)).toBe(true);
    expect((await render(b!)).equals(first)).toBe(false);
  });
});

describe('the PDF job', () => {
  it('is refused to a unit admin (no certificate:manage)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certificates/pdf-jobs',
      headers: unitAdmin.headers,
      payload: { year: 2025 },
    });
    expect(response.statusCode).toBe(403);
  });

  it('stores one PDF per valid certificate, by content hash, with progress done of total', async () => {
    const { job, result } = await runJob();
    expect(job.status).toBe('succeeded');
    const valid = 12 - 1 + 5;
    expect(job.progress).toEqual({ done: valid, total: valid });
    expect(result).toMatchObject({ total: valid, stored: valid, alreadyStored: 0, tampered: [] });
    const recorded = await queryRows<{ serial: string; sha256: string }>(
      db,
      sql`select c.serial, p.sha256 from certificate_pdfs p join certificates c on c.id = p.certificate_id`,
    );
    expect(recorded).toHaveLength(valid);
    expect(recorded.map((r) => r.serial)).not.toContain(revokedSerial);
    const files = storedFiles();
    expect(files).toHaveLength(valid);
    for (const { sha256 } of recorded) {
      const bytes = fs.readFileSync(path.join(pdfDir, sha256.slice(0, 2), `${sha256}.pdf`));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('stores nothing again when run a second time', async () => {
    const { job, result } = await runJob();
    expect(job.status).toBe('succeeded');
    expect(result).toMatchObject({ stored: 0, alreadyStored: 16 });
    expect(storedFiles()).toHaveLength(16);
  });
});

describe('downloads from the store', () => {
  const serial = hospitalRows[3]!.serial;
  const pdfOf = (headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: `/api/v1/certificates/${serial}/pdf`, headers });

  it('serves the stored bytes, renders the same bytes for a damaged file, writes a lost one back', async () => {
    const [stored] = await queryRows<{ sha256: string }>(
      db,
      sql`select p.sha256 from certificate_pdfs p join certificates c on c.id = p.certificate_id where c.serial = ${serial}`,
    );
    const file = path.join(pdfDir, stored!.sha256.slice(0, 2), `${stored!.sha256}.pdf`);
    const served = await pdfOf(unitAdmin.headers);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(fs.readFileSync(file))).toBe(true);
    const original = fs.readFileSync(file);
    fs.writeFileSync(file, Buffer.concat([original, Buffer.from('damage')]));
    const rendered = await pdfOf(unitAdmin.headers);
    expect(createHash('sha256').update(rendered.rawPayload).digest('hex')).toBe(stored!.sha256);
    // …writes it back whole, and so a missing file too.
    expect(fs.readFileSync(file).equals(original)).toBe(true);
    fs.rmSync(file);
    expect((await pdfOf(unitAdmin.headers)).statusCode).toBe(200);
    expect(fs.readFileSync(file).equals(original)).toBe(true);
  });

  it('still refuses an altered certificate whose PDF is stored (409)', async () => {
    const altered = hospitalRows[4]!.serial;
    await queryRows(db, sql`update certificates set total_credits = 99 where serial = ${altered}`);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${altered}/pdf`,
      headers: unitAdmin.headers,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('certificate_tampered');
  });
});

describe('a unit’s certificates as one zip', () => {
  const zipOf = (unitId: string, headers: Record<string, string>) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/unit-archive.zip?unitId=${unitId}&year=2025`,
      headers,
    });

  it('holds each valid, unaltered certificate of the unit once, as its stored PDF', async () => {
    const response = await zipOf(tree.unit.id, unitAdmin.headers);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(response.rawPayload));
    const names = Object.keys(entries).sort();
    const altered = hospitalRows[4]!.serial;
    const expected = hospitalRows
      .map((r) => r.serial)
      .filter((s) => s !== revokedSerial && s !== altered);
    expect(names.map((n) => n.slice(-'990000-2025-XXXXX-XXXXX.pdf'.length, -4)).sort()).toEqual(
      expected.sort(),
    );
    const hashes = await queryRows<{ serial: string; sha256: string }>(
      db,
      sql`select c.serial, p.sha256 from certificate_pdfs p join certificates c on c.id = p.certificate_id`,
    );
    for (const [name, bytes] of Object.entries(entries)) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(hashes.find((h) => name.endsWith(`${h.serial}.pdf`))?.sha256).toBe(sha);
    }
    // The system's unzip opens it too.
    const file = path.join(pdfDir, 'unit.zip');
    fs.writeFileSync(file, response.rawPayload);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listing).toContain(`${expected.length} files`);
    fs.rmSync(file);
  });

  it('is for admins over the unit: the clinic’s admin gets 404, the province’s the zip', async () => {
    expect((await zipOf(tree.unit.id, clinicAdmin.headers)).statusCode).toBe(404);
    const clinicZip = await zipOf(clinic.id, provinceAdmin.headers);
    expect(clinicZip.statusCode).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(clinicZip.rawPayload)))).toHaveLength(5);
  });

  it('names the field when the organisation picked is not a unit (no empty zip)', async () => {
    const response = await zipOf(tree.city.id, provinceAdmin.headers);
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{
      error: { code: string; fields?: { path: string; message: string }[] };
    }>();
    expect(error.code).toBe('validation_failed');
    expect(JSON.stringify(error)).toContain('unitId');
  });
});

describe('an altered certificate in the job', () => {
  it('gets no PDF and is named in the job’s result', async () => {
    const altered = hospitalRows[4]!.serial;
    await queryRows(
      db,
      sql`delete from certificate_pdfs where certificate_id = (select id from certificates where serial = ${altered})`,
    );
    const { job, result } = await runJob();
    expect(job.status).toBe('succeeded');
    expect(result).toMatchObject({ stored: 0, alreadyStored: 15, tampered: [altered] });
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from certificate_pdfs p join certificates c on c.id = p.certificate_id where c.serial = ${altered}`,
    );
    expect(row?.n).toBe(0);
  });
});
