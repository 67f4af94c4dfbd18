// `node bench/certificate-pdf-job.mjs --url POSTGRES_URL [--max N] [--workers N] [--json]`:
// the certificate PDF job (issue 20) end to end over a generated province: certificates are
// issued (signed) for its people, up to --max, then the job's own handler stores every PDF
// with one worker thread per core (or --workers), the main thread hashing, writing and
// recording. Prints PDFs per second per core, the same-run baseline (the Helvetica page
// without CJK fonts, rendered on as many worker threads at once by certificate-pdf.mjs,
// launched by bench/run.mjs) is not this script's business. Peak RSS is this process's,
// worker threads included. Numbers, not assertions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const url = option('url');
if (!url) throw new Error('--url is required');
const max = Number(option('max', 50_000));
const workers = Number(option('workers', os.availableParallelism()));
const year = Number(option('year', 2025));
const server = '../packages/server/src';
const [{ loadConfig }, { openDatabase, queryRows }, { buildServices }, clock, hasher, jobActor] =
  await Promise.all([
    import(`${server}/platform/config/config.ts`),
    import(`${server}/platform/db/database.ts`),
    import(`${server}/services.ts`),
    import(`${server}/platform/clock.ts`),
    import(`${server}/platform/auth/password-hasher.ts`),
    import(`${server}/modules/jobs/job-actor.ts`),
  ]);
const { sql } = await import('drizzle-orm');

const pdfDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-pdfs-'));
const config = loadConfig({
  NODE_ENV: 'test',
  JIJIAO_DEMO: 'true',
  JIJIAO_LOG_LEVEL: 'silent',
  DATABASE_URL: url,
  JIJIAO_CERTIFICATE_PDF_DIR: pdfDir,
  JIJIAO_PDF_WORKERS: String(workers),
});
const database = await openDatabase(config.database, 'bench');
try {
  const services = buildServices({
    config,
    database,
    clock: clock.systemClock,
    hasher: hasher.argon2Hasher,
  });
  const { db } = database;
  const [province] = await queryRows(
    db,
    sql`select id, path, name from orgs where parent_id is null and kind = 'province' order by created_at limit 1`,
  );
  const people = await queryRows(
    db,
    sql`select p.id, p.unit_id as "unitId" from people p join orgs u on u.id = p.unit_id
        where u.path like ${`${province.path}%`} order by p.id limit ${max}`,
  );
  const issueStarted = performance.now();
  for (let i = 0; i < people.length; i += 2000) {
    await db.transaction((tx) =>
      services.certificates.issueCertificates(tx, {
        provinceId: province.id,
        year,
        people: people.slice(i, i + 2000).map((p, k) => ({
          personId: p.id,
          unitId: p.unitId,
          totalCredits: 25 + ((i + k) % 20),
          classCredits: (i + k) % 2 === 0 ? { I: 10, II: 16 } : {},
          packs: [{ id: 'national-2006', version: '1.0.0' }],
          hoursEquivalent: (i + k) % 2 === 0 ? 60 : null,
        })),
      }),
    );
  }
  const issueSeconds = (performance.now() - issueStarted) / 1000;
  await queryRows(db, sql`delete from certificate_pdfs`);
  const [owner] = await queryRows(
    db,
    sql`select id, username from users order by created_at limit 1`,
  );
  const actor = jobActor.actorOfJob('bench', {
    userId: owner.id,
    username: owner.username,
    displayName: 'bench',
    grants: [
      {
        role: 'province_admin',
        orgId: province.id,
        orgPath: province.path,
        orgName: province.name,
        orgKind: 'province',
      },
    ],
  });
  let lastProgress = { done: 0, total: null };
  const started = performance.now();
  const result = await services.certificates.runPdfJob({
    jobId: 'bench',
    actor,
    params: { year, orgPath: province.path },
    input: null,
    fileName: null,
    progress: (done, total) => {
      lastProgress = { done, total };
      return Promise.resolve();
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const bytes = fs
    .readdirSync(pdfDir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.pdf'))
    .reduce((sum, n) => sum + fs.statSync(path.join(pdfDir, n)).size, 0);
  const report = {
    certificates: result.total,
    stored: result.stored,
    workers,
    seconds,
    perSecond: result.stored / seconds,
    perCore: result.stored / seconds / workers,
    issueSeconds,
    progress: lastProgress,
    averageKiB: Number((bytes / Math.max(1, result.stored) / 1024).toFixed(1)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  console.log(args.includes('--json') ? JSON.stringify(report) : report);
} finally {
  await database.close();
  fs.rmSync(pdfDir, { recursive: true, force: true });
}
