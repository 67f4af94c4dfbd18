import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { queryRows, wrapPglite, wrapPool, type Database } from '../../platform/db/database';

// kill -9 of the server in the middle of a PDF job, then a restart: the job is taken
// again once its lease runs out, carries on, and every certificate has its PDF once.
const people = 300;
/** The server processes' job lease (short, so that the restart takes the job over soon). */
const leaseMs = 2_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-pdf-crash-'));
const dataDir = path.join(work, 'data');
const pdfDir = path.join(work, 'pdfs');
const target = inject('testDb');
const databaseUrl =
  target.kind === 'postgres' ? await createPostgresDatabase(target.adminUrl, target.template) : '';

async function createPostgresDatabase(adminUrl: string, template: string): Promise<string> {
  const name = `crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  afterAll(async () => {
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  });
  return url.toString();
}

/** The test's own connection: the template's copy (PGlite, in memory) or the database. */
async function openHere(): Promise<{ database: Database; client: PGlite | null }> {
  if (target.kind === 'postgres')
    return {
      database: wrapPool(new pg.Pool({ connectionString: databaseUrl, max: 3 })),
      client: null,
    };
  const client = await PGlite.create({
    loadDataDir: new Blob([fs.readFileSync(target.templatePath)]),
  });
  return { database: wrapPglite(client), client };
}

/** A province whose hospital's staff hold certificates of 2025, and the queued PDF job. */
async function seed(): Promise<void> {
  const { database, client } = await openHere();
  const f = createFactories({
    database,
    config: testConfig({ JIJIAO_CERTIFICATE_PDF_DIR: pdfDir }),
  });
  const tree = await f.buildOrgTree();
  const staff: { id: string }[] = [];
  for (let i = 0; i < people; i++) staff.push(await f.buildPerson({ unit: tree.unit }));
  await database.db.transaction((tx) =>
    f.services.certificates.issueCertificates(tx, {
      provinceId: tree.province.id,
      year: 2025,
      people: staff.map((p, i) => ({
        personId: p.id,
        unitId: tree.unit.id,
        totalCredits: 25 + (i % 10),
        classCredits: {},
        packs: [{ id: 'national-2006', version: '1.0.0' }],
        hoursEquivalent: null,
      })),
    }),
  );
  const admin = await f.buildUser({ role: 'province_admin', org: tree.province });
  await f.services.certificates.startPdfJob(await f.actorOf(admin), { year: 2025 });
  if (client) {
    // The server process opens it as its data directory.
    const dump = await client.dumpDataDir('none');
    fs.mkdirSync(dataDir, { recursive: true });
    const onDisk = await PGlite.create(path.join(dataDir, 'pglite'), { loadDataDir: dump });
    await onDisk.close();
  }
  await database.close();
}

function startServer() {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, '../../../test/pdf-job-child.ts'),
      dataDir,
      pdfDir,
      databaseUrl,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, JIJIAO_JOB_LEASE_SECONDS: String(leaseMs / 1000) },
    },
  );
  const lines: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    lines.push(...text.split('\n').filter(Boolean));
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  return { child, lines, exited };
}

const storedFiles = (): string[] =>
  fs.existsSync(pdfDir)
    ? fs
        .readdirSync(pdfDir, { recursive: true, encoding: 'utf8' })
        .filter((n) => n.endsWith('.pdf'))
    : [];

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('a PDF job cut short by kill -9', () => {
  it('resumes after a restart and stores every certificate’s PDF exactly once', async () => {
    await seed();

    const first = startServer();
    // Kill once rounds of PDFs are recorded (rows of a round commit before the next round's
    // files appear: 2 workers × 16 a round), long before all are.
    let killedAt = -1;
    while (killedAt < 0) {
      const written = storedFiles().length;
      if (written >= 80) {
        first.child.kill('SIGKILL');
        killedAt = written;
      } else if (first.child.exitCode !== null)
        throw new Error(`the server stopped: ${first.lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await first.exited).toBeNull();
    expect(killedAt).toBeLessThan(people);
    // The resumed job sweeps temporary files older than the lease (a living writer may still
    // be writing a younger one). The killed process's last temporary is younger than its
    // lease's end, so the restart waits out one lease after the kill: then every file the
    // killed process left is old enough, whenever its last renewal was.
    await new Promise((resolve) => setTimeout(resolve, leaseMs + 100));

    // What a write cut short leaves: a temporary file beside the stored ones.
    const leftover = path.join(pdfDir, 'ab', `${'ab'.repeat(32)}.pdf.0123456789ab.tmp`);
    fs.mkdirSync(path.dirname(leftover), { recursive: true });
    fs.writeFileSync(leftover, 'half a PDF');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(leftover, aMinuteAgo, aMinuteAgo);

    const second = startServer();
    expect(await second.exited).toBe(0);
    const last = JSON.parse(second.lines.at(-1) ?? 'null') as { status: string; attempts: number };
    expect(last).toMatchObject({ status: 'succeeded', attempts: 2 });

    // Every certificate once: one row each, one file each, each file its hash.
    const { database } =
      target.kind === 'postgres'
        ? await openHere()
        : await (async () => {
            const c = await PGlite.create(path.join(dataDir, 'pglite'));
            return { database: wrapPglite(c), client: c };
          })();
    try {
      const [counts] = await queryRows<{
        certificates: number;
        covered: number;
        rows: number;
        distinctRows: number;
        hashes: number;
      }>(
        database.db,
        // The job's subtree (the template's demo province holds certificates of its own).
        sql`select (select count(*)::int from certificates c join jobs j on j.kind = 'certificate_pdfs'
                     where c.year = 2025 and c.unit_path like j.org_path || '%') as certificates,
                   (select count(*)::int from certificates c join jobs j on j.kind = 'certificate_pdfs'
                     join certificate_pdfs p on p.certificate_id = c.id
                     where c.year = 2025 and c.unit_path like j.org_path || '%') as covered,
                   (select count(*)::int from certificate_pdfs) as rows,
                   (select count(distinct certificate_id)::int from certificate_pdfs) as "distinctRows",
                   (select count(distinct sha256)::int from certificate_pdfs) as hashes`,
      );
      expect(counts).toEqual({
        certificates: people,
        covered: people,
        rows: people,
        distinctRows: people,
        hashes: people,
      });
      const [job] = await queryRows<{
        result: { stored: number; alreadyStored: number; total: number };
      }>(database.db, sql`select result from jobs where kind = 'certificate_pdfs'`);
      // The second attempt carried on: it found the first's PDFs and stored only the rest.
      expect(job?.result.alreadyStored).toBeGreaterThan(0);
      expect(job!.result.alreadyStored + job!.result.stored).toBe(people);
      const files = storedFiles();
      expect(files).toHaveLength(people);
      // Nothing temporary is left: the resumed job swept what the killed one left behind.
      const temporaries = fs
        .readdirSync(pdfDir, { recursive: true, encoding: 'utf8' })
        .filter((n) => n.endsWith('.tmp'));
      expect(temporaries).toEqual([]);
      for (const file of files) {
        const bytes = fs.readFileSync(path.join(pdfDir, file));
        expect(`${createHash('sha256').update(bytes).digest('hex')}.pdf`).toBe(path.basename(file));
      }
    } finally {
      await database.close();
    }
  }, 180_000);
});
