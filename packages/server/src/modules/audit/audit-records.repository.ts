import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { auditRuns, audits } from '../../platform/db/tables/audit';

export type AuditRow = typeof audits.$inferSelect;
export type AuditRunRow = typeof auditRuns.$inferSelect;

/** The audit records (one per province and year) and their evaluation runs. */
export class AuditRecordsRepository {
  async insertAudit(db: DbOrTx, row: typeof audits.$inferInsert): Promise<AuditRow> {
    const [created] = await db.insert(audits).values(row).returning();
    if (!created) throw new Error('insert returned nothing');
    return created;
  }

  async findAudit(db: DbOrTx, id: string): Promise<AuditRow | undefined> {
    return (await db.select().from(audits).where(eq(audits.id, id)))[0];
  }

  async auditsOfProvinces(db: DbOrTx, provinceIds: readonly string[]): Promise<AuditRow[]> {
    if (provinceIds.length === 0) return [];
    return db
      .select()
      .from(audits)
      .where(inArray(audits.provinceId, [...provinceIds]))
      .orderBy(desc(audits.year));
  }

  async findByProvinceYear(db: DbOrTx, provinceId: string, year: number) {
    return (
      await db
        .select()
        .from(audits)
        .where(and(eq(audits.provinceId, provinceId), eq(audits.year, year)))
    )[0];
  }

  async openAuditOf(db: DbOrTx, provinceId: string): Promise<AuditRow | undefined> {
    return (
      await db
        .select()
        .from(audits)
        .where(and(eq(audits.provinceId, provinceId), eq(audits.status, 'open')))
    )[0];
  }

  async updateAuditIfVersion(
    db: DbOrTx,
    id: string,
    version: number,
    patch: Partial<typeof audits.$inferInsert>,
  ): Promise<AuditRow | undefined> {
    const [row] = await db
      .update(audits)
      .set({ ...patch, version: sql`${audits.version} + 1` })
      .where(and(eq(audits.id, id), eq(audits.version, version)))
      .returning();
    return row;
  }

  async insertRun(db: DbOrTx, row: typeof auditRuns.$inferInsert): Promise<AuditRunRow> {
    const [created] = await db.insert(auditRuns).values(row).returning();
    if (!created) throw new Error('insert returned nothing');
    return created;
  }

  async updateRun(db: DbOrTx, id: string, patch: Partial<typeof auditRuns.$inferInsert>) {
    await db.update(auditRuns).set(patch).where(eq(auditRuns.id, id));
  }

  /**
   * Runs left `running` by a process that died (no heartbeat since `staleBefore`): marked
   * failed before a new run starts. A run that is still beating is left alone.
   */
  async failInterruptedRuns(db: DbOrTx, auditId: string, at: Date, staleBefore: Date) {
    await db
      .update(auditRuns)
      .set({ status: 'failed', error: 'interrupted', finishedAt: at })
      .where(
        and(
          eq(auditRuns.auditId, auditId),
          eq(auditRuns.status, 'running'),
          sql`coalesce(${auditRuns.heartbeatAt}, ${auditRuns.startedAt}) < ${staleBefore.toISOString()}::timestamptz`,
        ),
      );
  }

  async findRun(db: DbOrTx, id: string): Promise<AuditRunRow | undefined> {
    return (await db.select().from(auditRuns).where(eq(auditRuns.id, id)))[0];
  }

  async lastRuns(db: DbOrTx, auditIds: readonly string[]): Promise<Map<string, AuditRunRow>> {
    const result = new Map<string, AuditRunRow>();
    if (auditIds.length === 0) return result;
    const rows = await db
      .select()
      .from(auditRuns)
      .where(inArray(auditRuns.auditId, [...auditIds]))
      .orderBy(desc(auditRuns.startedAt), desc(auditRuns.id));
    for (const r of rows) if (!result.has(r.auditId)) result.set(r.auditId, r);
    return result;
  }
}
