import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { people } from '../../platform/db/tables/people';
import type { AuditEvaluation } from './audit-evaluate';
import { auditResults } from '../../platform/db/tables/audit';
import { personStandings } from '../../platform/db/tables/standings';

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

/** Each person's result in an audit: written by the runs, read by the units, noted, voided. */
export class AuditResultsRepository {
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

  /**
   * The results of a batch of units copied from the stored standings of the year (ADR
   * 0018), in one statement: the run computes nothing, it snapshots. The note and the
   * voided mark are kept. Answers how many people were written and how many comply.
   */
  async snapshotStandings(
    db: DbOrTx,
    q: { auditId: string; runId: string; year: number; unitIds: readonly string[] },
  ): Promise<{ people: number; compliant: number }> {
    if (q.unitIds.length === 0) return { people: 0, compliant: 0 };
    const rows = await queryRows<{ people: number; compliant: number }>(
      db,
      sql`with written as (
            insert into audit_results as r (audit_id, person_id, unit_id, run_id, compliant,
              total_credits, class_credits, requirements, reasons, pack_versions,
              certificate_hours, computed_at)
            select ${q.auditId}::uuid, s.person_id, s.unit_id, ${q.runId}::uuid, s.compliant,
              s.total_credits, s.class_credits, s.requirements, s.activities, s.packs,
              s.certificate_hours::int, s.computed_at
            from ${personStandings} s
            where s.year = ${q.year} and s.unit_id in (${sql.join(
              q.unitIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})
            on conflict (audit_id, person_id) do update set
              unit_id = excluded.unit_id, run_id = excluded.run_id, compliant = excluded.compliant,
              total_credits = excluded.total_credits, class_credits = excluded.class_credits,
              requirements = excluded.requirements, reasons = excluded.reasons,
              pack_versions = excluded.pack_versions,
              certificate_hours = excluded.certificate_hours, computed_at = excluded.computed_at
            returning r.compliant
          ) select count(*)::int as people, count(*) filter (where compliant)::int as compliant
            from written`,
    );
    return rows[0] ?? { people: 0, compliant: 0 };
  }

  /** People no longer in the province (moved, removed) since an earlier run. */
  async deleteStaleResults(db: DbOrTx, auditId: string, runId: string): Promise<void> {
    await db.execute(
      sql`delete from audit_results where audit_id = ${auditId} and run_id <> ${runId}`,
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
}
