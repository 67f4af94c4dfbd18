import { and, asc, count, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { pathWithin } from '../../platform/db/scope-sql';
import { creditClaims } from '../../platform/db/tables/credits';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import { projects } from '../../platform/db/tables/projects';
import { awardLines } from '../../platform/db/tables/award-lines';
import { awardBatches } from '../../platform/db/tables/awards';

export type BatchRow = typeof awardBatches.$inferSelect;
export type NewBatch = typeof awardBatches.$inferInsert;
export type LineRow = typeof awardLines.$inferSelect;
export type NewLine = typeof awardLines.$inferInsert;

export type BatchView = BatchRow & {
  projectNumber: string;
  projectName: string;
  projectStatus: string;
  hostName: string;
  hostPath: string;
};

export type LineView = LineRow & {
  personName: string;
  idNumberMasked: string;
  unitName: string;
  claimStatus: string | null;
  claimChannel: string | null;
  claimVersion: number | null;
  claimBatchId: string | null;
};

export interface BatchFilter {
  scope: readonly string[];
  statuses?: readonly string[];
  excludeDrafts?: boolean;
  projectId?: string;
}

const batchColumns = {
  batch: awardBatches,
  projectNumber: projects.number,
  projectName: projects.name,
  projectStatus: projects.status,
  hostName: orgs.name,
  hostPath: orgs.path,
};

function toBatchView(row: {
  batch: BatchRow;
  projectNumber: string;
  projectName: string;
  projectStatus: string;
  hostName: string;
  hostPath: string;
}): BatchView {
  const { batch, ...rest } = row;
  return { ...batch, ...rest };
}

/** Award batches and their lines: SQL only, no rules. */
export class AwardsRepository {
  async insertBatch(db: DbOrTx, row: NewBatch): Promise<BatchRow> {
    const [inserted] = await db.insert(awardBatches).values(row).returning();
    if (!inserted) throw new Error('award batch insert returned nothing');
    return inserted;
  }

  async findBatch(db: DbOrTx, id: string): Promise<BatchView | undefined> {
    const rows = await db
      .select(batchColumns)
      .from(awardBatches)
      .innerJoin(projects, eq(projects.id, awardBatches.projectId))
      .innerJoin(orgs, eq(orgs.id, awardBatches.hostOrgId))
      .where(eq(awardBatches.id, id));
    return rows[0] ? toBatchView(rows[0]) : undefined;
  }

  /** Batches of hosts inside the scope, newest first (at most 500). */
  /**
   * Serialises batch creation per project inside the caller's transaction (a row lock on
   * the project), so that two clicks cannot both find "no open batch" and both create one.
   */
  async lockProject(tx: DbOrTx, projectId: string): Promise<void> {
    await tx.execute(sql`select id from projects where id = ${projectId} for update`);
  }

  async listBatches(db: DbOrTx, f: BatchFilter): Promise<BatchView[]> {
    const rows = await db
      .select(batchColumns)
      .from(awardBatches)
      .innerJoin(projects, eq(projects.id, awardBatches.projectId))
      .innerJoin(orgs, eq(orgs.id, awardBatches.hostOrgId))
      .where(
        and(
          pathWithin(orgs.path, f.scope),
          f.statuses ? inArray(awardBatches.status, [...f.statuses]) : undefined,
          f.excludeDrafts ? ne(awardBatches.status, 'draft') : undefined,
          f.projectId ? eq(awardBatches.projectId, f.projectId) : undefined,
        ),
      )
      .orderBy(desc(awardBatches.createdAt), desc(awardBatches.id))
      .limit(500);
    return rows.map(toBatchView);
  }

  /**
   * Batches per status: those hosted within `hostScope` (any status) or within
   * `reviewScope` once submitted (not drafts), as listBatches reads them.
   */
  async countByStatus(
    db: DbOrTx,
    f: { hostScope: readonly string[]; reviewScope: readonly string[] },
  ): Promise<{ status: string; count: number }[]> {
    if (f.hostScope.length === 0 && f.reviewScope.length === 0) return [];
    return db
      .select({ status: awardBatches.status, count: count() })
      .from(awardBatches)
      .innerJoin(orgs, eq(orgs.id, awardBatches.hostOrgId))
      .where(
        or(
          pathWithin(orgs.path, f.hostScope),
          and(pathWithin(orgs.path, f.reviewScope), ne(awardBatches.status, 'draft')),
        ),
      )
      .groupBy(awardBatches.status);
  }

  /**
   * The batch's optimistic guard: bumps the version only if it is still `version`. Every
   * change of a batch or its lines goes through it first, so concurrent actions serialise
   * on the batch row and exactly one of them wins.
   */
  async bumpIfVersion(
    db: DbOrTx,
    id: string,
    version: number,
    patch: Partial<NewBatch>,
  ): Promise<boolean> {
    const rows = await db
      .update(awardBatches)
      .set({ ...patch, version: sql`${awardBatches.version} + 1` })
      .where(and(eq(awardBatches.id, id), eq(awardBatches.version, version)))
      .returning({ id: awardBatches.id });
    return rows.length === 1;
  }

  async lines(db: DbOrTx, batchId: string): Promise<LineView[]> {
    const rows = await db
      .select({
        line: awardLines,
        personName: people.name,
        idNumberMasked: people.idNumberMasked,
        unitName: orgs.name,
        claimStatus: creditClaims.status,
        claimChannel: creditClaims.channel,
        claimVersion: creditClaims.version,
        claimBatchId: creditClaims.batchId,
      })
      .from(awardLines)
      .innerJoin(people, eq(people.id, awardLines.personId))
      .innerJoin(orgs, eq(orgs.id, people.unitId))
      .leftJoin(creditClaims, eq(creditClaims.id, awardLines.claimId))
      .where(eq(awardLines.batchId, batchId))
      .orderBy(asc(awardLines.lineNo));
    return rows.map(({ line, ...rest }) => ({ ...line, ...rest }));
  }

  /** Line counts and credit totals of many batches, for lists. */
  async lineStats(
    db: DbOrTx,
    batchIds: readonly string[],
  ): Promise<Map<string, { lines: number; pending: number; returned: number; credits: number }>> {
    if (batchIds.length === 0) return new Map();
    const rows = await db
      .select({
        batchId: awardLines.batchId,
        lines: sql<number>`count(*)::int`,
        pending: sql<number>`count(*) filter (where ${creditClaims.status} = 'submitted')::int`,
        returned: sql<number>`count(*) filter (where ${creditClaims.status} = 'returned')::int`,
        credits: sql<string>`coalesce(sum(${awardLines.credits}), 0)`,
      })
      .from(awardLines)
      .leftJoin(creditClaims, eq(creditClaims.id, awardLines.claimId))
      .where(inArray(awardLines.batchId, [...batchIds]))
      .groupBy(awardLines.batchId);
    return new Map(
      rows.map((r) => [
        r.batchId,
        { lines: r.lines, pending: r.pending, returned: r.returned, credits: Number(r.credits) },
      ]),
    );
  }

  async nextLineNo(db: DbOrTx, batchId: string): Promise<number> {
    const rows = await db
      .select({ max: sql<number>`coalesce(max(${awardLines.lineNo}), 0)::int` })
      .from(awardLines)
      .where(eq(awardLines.batchId, batchId));
    return (rows[0]?.max ?? 0) + 1;
  }

  async insertLines(db: DbOrTx, rows: readonly NewLine[]): Promise<void> {
    if (rows.length === 0) return;
    for (let i = 0; i < rows.length; i += 500)
      await db.insert(awardLines).values(rows.slice(i, i + 500));
  }

  async updateLine(db: DbOrTx, id: string, patch: Partial<NewLine>): Promise<void> {
    await db.update(awardLines).set(patch).where(eq(awardLines.id, id));
  }

  async deleteLine(db: DbOrTx, id: string): Promise<void> {
    await db.delete(awardLines).where(eq(awardLines.id, id));
  }

  /** The people (and roles) already on a batch. */
  async personRoles(db: DbOrTx, batchId: string): Promise<Set<string>> {
    const rows = await db
      .select({ personId: awardLines.personId, role: awardLines.role })
      .from(awardLines)
      .where(eq(awardLines.batchId, batchId));
    return new Set(rows.map((r) => `${r.personId}|${r.role}`));
  }
}
