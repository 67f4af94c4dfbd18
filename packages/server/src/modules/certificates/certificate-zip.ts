import { Readable } from 'node:stream';
import { Zip, ZipPassThrough } from 'fflate';
import type { Db } from '../../platform/db/database';
import type { CertificatePdfsRepository } from './certificate-pdfs.repository';
import type { CertificateRow } from './certificates.repository';

export interface UnitZipDeps {
  db: Db;
  pdfs: CertificatePdfsRepository;
  /** The stored PDF when there is one, else rendered (the download's rule). */
  pdfOf: (row: CertificateRow, sha256: string | null) => Promise<Buffer>;
  isUntampered: (row: CertificateRow) => boolean;
  /** Called for each certificate left out because its data no longer matches its signature. */
  onTampered: (row: CertificateRow) => Promise<void>;
}

const page = 200;

/** The name inside the zip: the holder's name first (how a unit office sorts them), then the serial. */
function entryName(row: CertificateRow): string {
  // Characters a file system refuses, and control characters, become "_".
  const holder = row.holderName.replace(/[\\/:*?"<>|]|[^\P{Cc}]/gu, '_');
  return `${holder}-${row.serial}.pdf`;
}

/**
 * A unit's valid certificates of a year as one zip, produced as it is read: each page of
 * certificates is fetched when the client has taken the bytes before it, so memory stays
 * flat however large the unit. PDFs are stored, not deflated (they are compressed already).
 * An altered certificate is left out (and reported through `onTampered`).
 */
export function unitCertificatesZip(
  deps: UnitZipDeps,
  unit: { path: string },
  year: number,
): Readable {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const out: Uint8Array[] = [];
    // Set by fflate's callback: a box, so that the checks below read it afresh.
    const state: { failure: Error | null } = { failure: null };
    const zip = new Zip((error, data) => {
      if (error) state.failure = error;
      else out.push(data);
    });
    let after: string | null = null;
    for (;;) {
      const rows = await deps.pdfs.ofUnit(deps.db, {
        year,
        unitPath: unit.path,
        after,
        limit: page,
      });
      for (const { certificate, sha256 } of rows) {
        if (!deps.isUntampered(certificate)) {
          await deps.onTampered(certificate);
          continue;
        }
        const pdf = await deps.pdfOf(certificate, sha256);
        const entry = new ZipPassThrough(entryName(certificate));
        entry.mtime = certificate.issuedAt;
        zip.add(entry);
        entry.push(pdf, true);
        if (state.failure) throw state.failure;
        yield* out.splice(0);
      }
      if (rows.length < page) break;
      after = rows.at(-1)?.certificate.serial ?? null;
    }
    zip.end();
    if (state.failure) throw state.failure;
    yield* out.splice(0);
  }
  return Readable.from(chunks(), { objectMode: false });
}
