import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { ContentStore } from '../../platform/storage/content-store';
import type { JobContext } from '../jobs/job-runner';
import type { CertificateKeyRing } from './certificate-keys';
import { factsOf, signedBytesOf, verifyUrlOf } from './certificate-facts';
import { PdfRenderPool } from './certificate-pdf-pool';
import type { CertificatePdfsRepository } from './certificate-pdfs.repository';
import type { CertificateRow } from './certificates.repository';
import { canIssuePdfsIn } from './certificates.policy';

export const pdfJobParamsSchema = z.object({
  year: z.number().int(),
  orgPath: z.string().min(1),
});
export type PdfJobParams = z.infer<typeof pdfJobParamsSchema>;

export interface PdfJobDeps {
  db: Db;
  clock: Clock;
  keys: CertificateKeyRing;
  publicBaseUrl: string;
  pdfs: CertificatePdfsRepository;
  store: ContentStore;
  /** Worker threads to render with (one per core unless configured). */
  pdfWorkers: number;
}

export interface PdfJobResult {
  /** Valid certificates of the year in the subtree. */
  total: number;
  /** PDFs this run stored. */
  stored: number;
  /** Certificates that had their PDF before this run (an earlier, interrupted attempt). */
  alreadyStored: number;
  /** Serials whose stored data no longer matches the signature: no PDF for them. */
  tampered: string[];
}

/** Certificates per round: enough to keep every worker busy while the last round is written. */
const perWorker = 16;

/**
 * The job "issue the PDFs of year Y in subtree X" (ADR 0036). Worker threads render (one
 * per core); this thread checks each signature first, then hashes, writes each PDF to the
 * content-addressed store and records a row per certificate. While one round is written
 * the workers render the next. Resumable: it works only on certificates without a row, so
 * a run taken again after a crash carries on where the last one committed; a PDF whose file
 * was written but whose row was not is rendered to the same bytes and the same name.
 */
export async function runPdfJob(deps: PdfJobDeps, job: JobContext): Promise<PdfJobResult> {
  const { db, clock, pdfs, store } = deps;
  const { year, orgPath } = pdfJobParamsSchema.parse(job.params);
  // Checked again when the job runs: the owner's grants may have changed since.
  if (!canIssuePdfsIn(job.actor, { path: orgPath }))
    throw new AppError('forbidden', 'The job’s owner no longer manages these certificates');
  // What an attempt killed mid-write left: temporary files no living writer will rename.
  // Files carry the machine's time, not the application clock's.
  await store.sweepTemporaries(new Date(Date.now() - job.leaseMs));
  const { total, stored: alreadyStored } = await pdfs.counts(db, year, orgPath);
  let done = alreadyStored;
  await job.progress(done, total);
  const tampered: string[] = [];
  let stored = 0;
  const pool = new PdfRenderPool(deps.pdfWorkers);
  const limit = pool.size * perWorker;
  let after: string | null = null;
  const fetchRound = async (): Promise<CertificateRow[]> => {
    const rows = await pdfs.missing(db, { year, orgPath, after, limit });
    after = rows.at(-1)?.serial ?? after;
    return rows;
  };
  const renderRound = (rows: readonly CertificateRow[]) => {
    const rendering = Promise.all(
      rows.map(async (row) => {
        if (!deps.keys.verify(row.keyId, signedBytesOf(row), row.signature))
          return { row, pdf: null };
        const pdf = await pool.render(factsOf(row), verifyUrlOf(deps.publicBaseUrl, row.serial));
        return { row, pdf };
      }),
    );
    // Awaited below; marked handled so that a failure elsewhere first is no unhandled one.
    rendering.catch(() => undefined);
    return rendering;
  };
  try {
    let rows = await fetchRound();
    let rendering = renderRound(rows);
    while (rows.length > 0) {
      const rendered = await rendering;
      rows = await fetchRound();
      rendering = renderRound(rows);
      const records = [];
      for (const { row, pdf } of rendered) {
        if (!pdf) {
          tampered.push(row.serial);
          continue;
        }
        const sha256 = await store.put(pdf);
        records.push({
          certificateId: row.id,
          sha256,
          byteSize: pdf.length,
          storedAt: clock.now(),
        });
      }
      stored += await pdfs.record(db, records);
      done += rendered.length;
      await job.progress(done, total);
    }
  } finally {
    await pool.close();
  }
  return { total, stored, alreadyStored, tampered };
}
