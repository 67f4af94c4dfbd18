import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { claimEvidence, evidenceFiles } from '../../platform/db/tables/evidence';
import { sameBulkEntrySql } from './evidence-sharing';

export type NewClaimEvidence = typeof claimEvidence.$inferInsert;

export class EvidenceRepository {
  /** Content-addressed: storing the same bytes again changes nothing. */
  async insertFile(
    db: DbOrTx,
    row: { sha256: string; contentType: string; sizeBytes: number; bytes: Buffer; createdAt: Date },
  ): Promise<void> {
    await db.insert(evidenceFiles).values(row).onConflictDoNothing();
  }

  async findFile(db: DbOrTx, sha256: string) {
    const rows = await db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha256));
    return rows[0];
  }

  async fileInfo(db: DbOrTx, sha256: string) {
    const rows = await db
      .select({ contentType: evidenceFiles.contentType, sizeBytes: evidenceFiles.sizeBytes })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.sha256, sha256));
    return rows[0];
  }

  async attach(db: DbOrTx, row: NewClaimEvidence): Promise<void> {
    await db.insert(claimEvidence).values(row).onConflictDoNothing();
  }

  /**
   * A claim's files, each with whether another person's claim uses the same bytes (other
   * claims of the same unit bulk entry excepted).
   */
  async ofClaim(db: DbOrTx, claimId: string) {
    return db
      .select({
        sha256: claimEvidence.sha256,
        fileName: claimEvidence.fileName,
        documentKind: claimEvidence.documentKind,
        at: claimEvidence.at,
        contentType: evidenceFiles.contentType,
        sizeBytes: evidenceFiles.sizeBytes,
        shared: sql<boolean>`exists (select 1 from claim_evidence o where o.sha256 = ${claimEvidence.sha256} and o.person_id <> ${claimEvidence.personId} and not ${sameBulkEntrySql(sql`${claimEvidence.claimId}`, sql`o.claim_id`)})`,
      })
      .from(claimEvidence)
      .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, claimEvidence.sha256))
      .where(eq(claimEvidence.claimId, claimId))
      .orderBy(asc(claimEvidence.at), asc(claimEvidence.sha256));
  }

  async claimIdsUsing(db: DbOrTx, sha256: string): Promise<string[]> {
    const rows = await db
      .select({ claimId: claimEvidence.claimId })
      .from(claimEvidence)
      .where(eq(claimEvidence.sha256, sha256));
    return rows.map((r) => r.claimId);
  }
}
