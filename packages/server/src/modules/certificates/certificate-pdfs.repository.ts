import { and, asc, count, eq, gt, isNull, like } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { certificatePdfs } from '../../platform/db/tables/certificate-pdfs';
import { certificates } from '../../platform/db/tables/certificates';
import type { CertificateRow } from './certificates.repository';

export type CertificatePdfRow = typeof certificatePdfs.$inferSelect;

/** Valid (unrevoked) certificates of a year in an org subtree. */
function validIn(year: number, orgPath: string) {
  return and(
    eq(certificates.year, year),
    like(certificates.unitPath, `${orgPath}%`),
    isNull(certificates.revokedAt),
  );
}

/** Which stored PDF renders which certificate (ADR 0036). */
export class CertificatePdfsRepository {
  /** The year's valid certificates in the subtree, and how many already have a stored PDF. */
  async counts(
    db: DbOrTx,
    year: number,
    orgPath: string,
  ): Promise<{ total: number; stored: number }> {
    const [row] = await db
      .select({ total: count(), stored: count(certificatePdfs.certificateId) })
      .from(certificates)
      .leftJoin(certificatePdfs, eq(certificatePdfs.certificateId, certificates.id))
      .where(validIn(year, orgPath));
    return { total: row?.total ?? 0, stored: row?.stored ?? 0 };
  }

  /** The next certificates without a stored PDF, by serial, after `after`. */
  async missing(
    db: DbOrTx,
    query: { year: number; orgPath: string; after: string | null; limit: number },
  ): Promise<CertificateRow[]> {
    const rows = await db
      .select({ certificate: certificates })
      .from(certificates)
      .leftJoin(certificatePdfs, eq(certificatePdfs.certificateId, certificates.id))
      .where(
        and(
          validIn(query.year, query.orgPath),
          isNull(certificatePdfs.certificateId),
          query.after === null ? undefined : gt(certificates.serial, query.after),
        ),
      )
      .orderBy(asc(certificates.serial))
      .limit(query.limit);
    return rows.map((r) => r.certificate);
  }

  /** A unit's valid certificates of a year with their stored PDF's hash, by serial. */
  async ofUnit(
    db: DbOrTx,
    query: { year: number; unitPath: string; after: string | null; limit: number },
  ): Promise<{ certificate: CertificateRow; sha256: string | null }[]> {
    return db
      .select({ certificate: certificates, sha256: certificatePdfs.sha256 })
      .from(certificates)
      .leftJoin(certificatePdfs, eq(certificatePdfs.certificateId, certificates.id))
      .where(
        and(
          eq(certificates.year, query.year),
          eq(certificates.unitPath, query.unitPath),
          isNull(certificates.revokedAt),
          query.after === null ? undefined : gt(certificates.serial, query.after),
        ),
      )
      .orderBy(asc(certificates.serial))
      .limit(query.limit);
  }

  async find(db: DbOrTx, certificateId: string): Promise<CertificatePdfRow | undefined> {
    const [row] = await db
      .select()
      .from(certificatePdfs)
      .where(eq(certificatePdfs.certificateId, certificateId));
    return row;
  }

  /** Records stored PDFs; a certificate that has one keeps it. Answers how many were new. */
  async record(db: DbOrTx, rows: readonly CertificatePdfRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted = await db
      .insert(certificatePdfs)
      .values([...rows])
      .onConflictDoNothing({ target: certificatePdfs.certificateId })
      .returning({ id: certificatePdfs.certificateId });
    return inserted.length;
  }

  /** Forgets a certificate's stored PDF (its file went missing or was damaged). */
  async forget(db: DbOrTx, certificateId: string): Promise<void> {
    await db.delete(certificatePdfs).where(eq(certificatePdfs.certificateId, certificateId));
  }
}
