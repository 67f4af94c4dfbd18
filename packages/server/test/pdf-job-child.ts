// A server process for the crash test of the PDF job (certificate-pdf-job.crash.pg.test.ts):
// opens the database the test prepared (PGlite data directory or DATABASE_URL), starts the
// server's workers, prints the PDF job's state as JSON lines, and exits once it is finished.
import { sql } from 'drizzle-orm';
import { createApp } from '../src/app';
import { loadConfig } from '../src/platform/config/config';
import { openDatabase, queryRows } from '../src/platform/db/database';

const [dataDir, pdfDir, databaseUrl] = process.argv.slice(2);
if (!dataDir || !pdfDir) throw new Error('usage: pdf-job-child DATA_DIR PDF_DIR [DATABASE_URL]');
const config = loadConfig({
  NODE_ENV: 'test',
  JIJIAO_LOG_LEVEL: 'silent',
  JIJIAO_DEMO: 'true',
  JIJIAO_DATA_DIR: dataDir,
  JIJIAO_WEB_DIST: '/nonexistent-web-dist',
  JIJIAO_CERTIFICATE_PDF_DIR: pdfDir,
  JIJIAO_PDF_WORKERS: '2',
  // The test's lease (short, so that a restart takes the job over soon).
  JIJIAO_JOB_LEASE_SECONDS: process.env.JIJIAO_JOB_LEASE_SECONDS ?? '2',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
});
const database = await openDatabase(config.database, 'pdf-job-crash-test');
const app = await createApp({ config, database, startWorkers: true });
await app.ready();

const poll = setInterval(() => {
  void (async () => {
    const [job] = await queryRows<{ status: string; attempts: number; done: number }>(
      database.db,
      sql`select status, attempts, progress_done as done from jobs where kind = 'certificate_pdfs'`,
    );
    process.stdout.write(`${JSON.stringify(job ?? null)}\n`);
    if (job?.status === 'succeeded' || job?.status === 'failed') {
      clearInterval(poll);
      await app.close();
      await database.close();
    }
  })();
}, 100);
