import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import {
  auditReportActions,
  auditUnitReports,
  earlyAuditRequests,
} from '../../platform/db/tables/audit';

export type UnitReportRow = typeof auditUnitReports.$inferSelect;
export type EarlyRequestRow = typeof earlyAuditRequests.$inferSelect;
export type NewReportAction = typeof auditReportActions.$inferInsert;

/** The units' reports and the early audit requests walking their chains, with the actions on both. */
export class AuditReportsRepository {
  /** Units whose reports are past the unit (reported, approved, filed): a re-run would change them. */
  async reportsBeyondUnit(db: DbOrTx, auditId: string): Promise<number> {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_unit_reports where audit_id = ${auditId}
          and status in ('reported', 'approved', 'filed')`,
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * One report per unit with results, its totals from the results. After a full re-run a
   * confirmed report goes back to pending (the list changed); others only get the totals.
   */
  async refreshUnitReports(db: DbOrTx, auditId: string, at: Date, unitIds?: readonly string[]) {
    const only =
      unitIds === undefined
        ? sql``
        : unitIds.length === 0
          ? sql`and false`
          : sql`and unit_id in (${sql.join(
              unitIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`;
    await db.execute(
      sql`insert into audit_unit_reports as r (audit_id, unit_id, status, people, compliant, updated_at)
          select audit_id, unit_id, 'pending', count(*)::int, (count(*) filter (where compliant))::int, ${at}
          from audit_results where audit_id = ${auditId} ${only}
          group by audit_id, unit_id
          on conflict (audit_id, unit_id) do update set
            people = excluded.people, compliant = excluded.compliant,
            status = case when ${sql.raw(unitIds === undefined ? 'true' : 'false')} and r.status = 'confirmed'
                     then 'pending' else r.status end,
            version = r.version + 1, updated_at = excluded.updated_at`,
    );
  }

  async findReport(db: DbOrTx, auditId: string, unitId: string) {
    return (
      await db
        .select()
        .from(auditUnitReports)
        .where(and(eq(auditUnitReports.auditId, auditId), eq(auditUnitReports.unitId, unitId)))
    )[0];
  }

  async reportsOf(db: DbOrTx, auditId: string): Promise<UnitReportRow[]> {
    return db.select().from(auditUnitReports).where(eq(auditUnitReports.auditId, auditId));
  }

  /** Reports waiting at a reviewing body inside the scope's subtrees. */
  async reportsWaitingWithin(db: DbOrTx, auditId: string, scope: readonly string[]) {
    return db
      .select({ report: auditUnitReports })
      .from(auditUnitReports)
      .innerJoin(orgs, eq(orgs.id, auditUnitReports.currentReviewerOrgId))
      .where(
        and(
          eq(auditUnitReports.auditId, auditId),
          eq(auditUnitReports.status, 'reported'),
          pathWithin(orgs.path, scope),
        ),
      );
  }

  async updateReportIfVersion(
    db: DbOrTx,
    auditId: string,
    unitId: string,
    version: number,
    patch: Partial<typeof auditUnitReports.$inferInsert>,
  ): Promise<UnitReportRow | undefined> {
    const [row] = await db
      .update(auditUnitReports)
      .set({ ...patch, version: sql`${auditUnitReports.version} + 1` })
      .where(
        and(
          eq(auditUnitReports.auditId, auditId),
          eq(auditUnitReports.unitId, unitId),
          eq(auditUnitReports.version, version),
        ),
      )
      .returning();
    return row;
  }

  async fileReports(db: DbOrTx, auditId: string, at: Date) {
    await db
      .update(auditUnitReports)
      .set({ status: 'filed', updatedAt: at, version: sql`${auditUnitReports.version} + 1` })
      .where(eq(auditUnitReports.auditId, auditId));
  }

  async insertAction(db: DbOrTx, row: NewReportAction) {
    await db.insert(auditReportActions).values(row);
  }

  async insertEarly(db: DbOrTx, row: typeof earlyAuditRequests.$inferInsert) {
    const [created] = await db.insert(earlyAuditRequests).values(row).returning();
    if (!created) throw new Error('insert returned nothing');
    return created;
  }

  async findEarly(db: DbOrTx, auditId: string, id: string): Promise<EarlyRequestRow | undefined> {
    return (
      await db
        .select()
        .from(earlyAuditRequests)
        .where(and(eq(earlyAuditRequests.auditId, auditId), eq(earlyAuditRequests.id, id)))
    )[0];
  }

  async earlyOf(db: DbOrTx, auditId: string): Promise<EarlyRequestRow[]> {
    return db
      .select()
      .from(earlyAuditRequests)
      .where(eq(earlyAuditRequests.auditId, auditId))
      .orderBy(desc(earlyAuditRequests.requestedAt));
  }

  async updateEarlyIfVersion(
    db: DbOrTx,
    id: string,
    version: number,
    patch: Partial<typeof earlyAuditRequests.$inferInsert>,
  ): Promise<EarlyRequestRow | undefined> {
    const [row] = await db
      .update(earlyAuditRequests)
      .set({ ...patch, version: sql`${earlyAuditRequests.version} + 1` })
      .where(and(eq(earlyAuditRequests.id, id), eq(earlyAuditRequests.version, version)))
      .returning();
    return row;
  }
}
