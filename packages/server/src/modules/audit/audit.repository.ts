import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import type { AuditClaim } from './audit-evaluate';
import type { AuditEvaluation } from './audit-evaluate';
import {
  auditReportActions,
  auditResults,
  auditRuns,
  audits,
  auditUnitReports,
  earlyAuditRequests,
} from '../../platform/db/tables/audit';

export type AuditRow = typeof audits.$inferSelect;
export type AuditRunRow = typeof auditRuns.$inferSelect;
export type UnitReportRow = typeof auditUnitReports.$inferSelect;
export type EarlyRequestRow = typeof earlyAuditRequests.$inferSelect;
export type NewReportAction = typeof auditReportActions.$inferInsert;

/** The people of a batch, each with their effective claims of the years the rules need. */
export interface PersonClaimsRow {
  personId: string;
  unitId: string;
  claims: AuditClaim[];
}

export interface ResultViewRow {
  personId: string;
  name: string;
  idNumberMasked: string;
  unitId: string;
  compliant: boolean;
  voided: boolean;
  totalCredits: number;
  classCredits: Record<string, number>;
  requirements: unknown[];
  reasons: unknown[];
  packVersions: { id: string; version: string }[];
  certificateHours: number | null;
  note: string | null;
  computedAt: Date;
}

const resultColumns = {
  personId: auditResults.personId,
  name: people.name,
  idNumberMasked: people.idNumberMasked,
  unitId: auditResults.unitId,
  compliant: auditResults.compliant,
  voided: auditResults.voided,
  totalCredits: auditResults.totalCredits,
  classCredits: auditResults.classCredits,
  requirements: auditResults.requirements,
  reasons: auditResults.reasons,
  packVersions: auditResults.packVersions,
  certificateHours: auditResults.certificateHours,
  note: auditResults.note,
  computedAt: auditResults.computedAt,
};

/** The SQL of the annual audit. The job's reads are set-based: one query per batch of people. */
export class AuditRepository {
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
      .set({ ...patch, version: version + 1 })
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

  /** The organisations of a province's subtree (for places, cities and chains). */
  async orgsWithin(db: DbOrTx, path: string) {
    return db
      .select()
      .from(orgs)
      .where(like(orgs.path, `${path}%`));
  }

  /** How many people each unit of a subtree has (the job's batches are cut from it). */
  async staffCounts(db: DbOrTx, path: string): Promise<{ unitId: string; people: number }[]> {
    return queryRows<{ unitId: string; people: number }>(
      db,
      sql`select p.unit_id as "unitId", count(*)::int as people
          from people p join orgs o on o.id = p.unit_id
          where o.path like ${`${path}%`}
          group by p.unit_id order by p.unit_id`,
    );
  }

  /**
   * One set-based pass over the people of a few units (a batch of the job): each person
   * with their effective claims of `fromYear`…`year`, aggregated per person in SQL through
   * the (unit) and (person, year) indexes, so a batch costs what its people cost.
   */
  async peopleWithClaims(
    db: DbOrTx,
    q: { unitIds: readonly string[]; fromYear: number; year: number },
  ): Promise<PersonClaimsRow[]> {
    if (q.unitIds.length === 0) return [];
    return queryRows<PersonClaimsRow>(
      db,
      sql`with batch as (
            select p.id, p.unit_id from people p
            where p.unit_id in (${sql.join(
              q.unitIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
          )
          select b.id as "personId", b.unit_id as "unitId",
            coalesce((select json_agg(json_build_object('id', c.id, 'year', c.year, 'activity', c.activity)
                                      order by c.activity_date, c.id)
                      from credit_claims c
                      where c.person_id = b.id and c.year >= ${q.fromYear} and c.year <= ${q.year}
                        and c.status = 'effective'), '[]'::json) as claims
          from batch b
          order by b.unit_id, b.id`,
    );
  }

  /** The same read for named people (early audit, voiding). */
  async namedPeopleWithClaims(
    db: DbOrTx,
    personIds: readonly string[],
    fromYear: number,
    year: number,
  ): Promise<PersonClaimsRow[]> {
    if (personIds.length === 0) return [];
    return queryRows<PersonClaimsRow>(
      db,
      sql`select p.id as "personId", p.unit_id as "unitId",
            coalesce(json_agg(json_build_object('id', c.id, 'year', c.year, 'activity', c.activity)
                       order by c.activity_date, c.id) filter (where c.id is not null),
                     '[]'::json) as claims
          from people p
          left join credit_claims c on c.person_id = p.id and c.status = 'effective'
            and c.year >= ${fromYear} and c.year <= ${year}
          where p.id in (${sql.join(
            personIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          group by p.id, p.unit_id
          order by p.id`,
    );
  }

  /**
   * Batched upsert: one INSERT per call, the rows sent as one JSON document (one bound
   * parameter, unpacked by `jsonb_to_recordset`). The note and the voided mark are kept.
   */
  async upsertResults(
    db: DbOrTx,
    auditId: string,
    runId: string,
    at: Date,
    results: readonly AuditEvaluation[],
  ): Promise<void> {
    if (results.length === 0) return;
    const rows = JSON.stringify(
      results.map((r) => ({
        person_id: r.personId,
        unit_id: r.unitId,
        compliant: r.compliant,
        total_credits: r.totalCredits,
        class_credits: r.classCredits,
        requirements: r.requirements,
        reasons: r.reasons,
        pack_versions: r.packVersions,
        certificate_hours: r.certificateHours,
      })),
    );
    await db.execute(
      sql`insert into audit_results as r (audit_id, person_id, unit_id, run_id, compliant,
            total_credits, class_credits, requirements, reasons, pack_versions,
            certificate_hours, computed_at)
          select ${auditId}::uuid, x.person_id, x.unit_id, ${runId}::uuid, x.compliant,
            x.total_credits, x.class_credits, x.requirements, x.reasons, x.pack_versions,
            x.certificate_hours, ${at}
          from jsonb_to_recordset(${rows}::jsonb) as x(person_id uuid, unit_id uuid,
            compliant boolean, total_credits numeric, class_credits jsonb, requirements jsonb,
            reasons jsonb, pack_versions jsonb, certificate_hours integer)
          on conflict (audit_id, person_id) do update set
            unit_id = excluded.unit_id, run_id = excluded.run_id, compliant = excluded.compliant,
            total_credits = excluded.total_credits, class_credits = excluded.class_credits,
            requirements = excluded.requirements, reasons = excluded.reasons,
            pack_versions = excluded.pack_versions, certificate_hours = excluded.certificate_hours,
            computed_at = excluded.computed_at`,
    );
  }

  /** People no longer in the province (moved, removed) since an earlier run. */
  async deleteStaleResults(db: DbOrTx, auditId: string, runId: string): Promise<void> {
    await db.execute(
      sql`delete from audit_results where audit_id = ${auditId} and run_id <> ${runId}`,
    );
  }

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

  async resultsOfUnit(db: DbOrTx, auditId: string, unitId: string): Promise<ResultViewRow[]> {
    return db
      .select(resultColumns)
      .from(auditResults)
      .innerJoin(people, eq(people.id, auditResults.personId))
      .where(and(eq(auditResults.auditId, auditId), eq(auditResults.unitId, unitId)))
      .orderBy(auditResults.compliant, people.name, people.id);
  }

  async resultOf(db: DbOrTx, auditId: string, personId: string) {
    return (
      await db
        .select(resultColumns)
        .from(auditResults)
        .innerJoin(people, eq(people.id, auditResults.personId))
        .where(and(eq(auditResults.auditId, auditId), eq(auditResults.personId, personId)))
    )[0];
  }

  async setNote(db: DbOrTx, auditId: string, personId: string, note: string | null) {
    await db
      .update(auditResults)
      .set({ note })
      .where(and(eq(auditResults.auditId, auditId), eq(auditResults.personId, personId)));
  }

  async markVoided(db: DbOrTx, auditId: string, personId: string) {
    await db
      .update(auditResults)
      .set({ voided: true })
      .where(and(eq(auditResults.auditId, auditId), eq(auditResults.personId, personId)));
  }

  /** Compliant, not voided people of a filed audit, for the certificates. */
  async compliantResults(db: DbOrTx, auditId: string, personIds?: readonly string[]) {
    return db
      .select({
        personId: auditResults.personId,
        unitId: auditResults.unitId,
        totalCredits: auditResults.totalCredits,
        classCredits: auditResults.classCredits,
        packVersions: auditResults.packVersions,
        certificateHours: auditResults.certificateHours,
      })
      .from(auditResults)
      .where(
        and(
          eq(auditResults.auditId, auditId),
          eq(auditResults.compliant, true),
          eq(auditResults.voided, false),
          personIds ? inArray(auditResults.personId, [...personIds]) : undefined,
        ),
      )
      .orderBy(auditResults.personId);
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
      .set({ ...patch, version: version + 1 })
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
      .set({ ...patch, version: version + 1 })
      .where(and(eq(earlyAuditRequests.id, id), eq(earlyAuditRequests.version, version)))
      .returning();
    return row;
  }

  async personNames(db: DbOrTx, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, { name: string; unitId: string }>();
    const rows = await db
      .select({ id: people.id, name: people.name, unitId: people.unitId })
      .from(people)
      .where(inArray(people.id, [...ids]));
    return new Map(rows.map((r) => [r.id, { name: r.name, unitId: r.unitId }]));
  }
}
