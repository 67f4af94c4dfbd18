import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { insertRows } from '../../platform/db/copy-rows';
import { people } from '../../platform/db/tables/people';
import { claimReviews, creditClaims, creditProvenances } from '../../platform/db/tables/credits';
import { ClaimQueries } from './claim-queries.repository';

export type { ClaimView, PersonClaimsFilter, QueueFilter } from './claim-queries.repository';

export type ClaimRow = typeof creditClaims.$inferSelect;
export type NewClaim = typeof creditClaims.$inferInsert;
export type NewProvenance = typeof creditProvenances.$inferInsert;
export type NewClaimReview = typeof claimReviews.$inferInsert;

type StatusField =
  | 'status'
  | 'currentStep'
  | 'currentReviewerOrgId'
  | 'chainSteps'
  | 'reviewChainId'
  | 'submittedAt'
  | 'submittedBy'
  | 'decidedAt';
/** What a status change writes (the claim lifecycle's fields). */
export type ClaimStatusPatch = Partial<Pick<NewClaim, StatusField | 'updatedAt'>>;
/** What a correction writes: anything but the status fields, the id and the version. */
export type ClaimContentPatch = Partial<Omit<NewClaim, StatusField | 'id' | 'version'>>;

/** Lock buckets of claims intake (see lockPerson). */
const lockBuckets = 1024;
const bucketMask = sql.raw(String(lockBuckets - 1));

export class CreditsRepository extends ClaimQueries {
  /** The ids of a person's claims of a year not yet voided or rejected, locked (FOR UPDATE). */
  async lockOpenOfYear(
    tx: DbOrTx,
    personId: string,
    year: number,
    claimId?: string,
  ): Promise<{ id: string }[]> {
    return queryRows<{ id: string }>(
      tx,
      sql`select id from credit_claims
          where person_id = ${personId} and year = ${year}
            and status not in ('voided', 'rejected')
            ${claimId === undefined ? sql`` : sql`and id = ${claimId}`}
          order by id
          for update`,
    );
  }

  /** The claim's person, year and status, locked for the void that follows. */
  async lockForVoid(
    tx: DbOrTx,
    claimId: string,
  ): Promise<{ personId: string; year: number; status: string } | undefined> {
    const rows = await queryRows<{ personId: string; year: number; status: string }>(
      tx,
      sql`select person_id as "personId", year, status from credit_claims
          where id = ${claimId} for update`,
    );
    return rows[0];
  }

  async insertClaim(db: DbOrTx, row: NewClaim): Promise<ClaimRow> {
    const rows: ClaimRow[] = await db.insert(creditClaims).values(row).returning();
    const inserted = rows[0];
    if (!inserted) throw new Error('no claim inserted');
    return inserted;
  }

  /**
   * The optimistic-concurrency write of a claim's activity and value (a correction): only
   * if nobody changed it since `version` was read. False when 0 rows matched (the caller
   * answers 409 stale_state). Its status is not among the fields: see setStatusIfVersion.
   */
  async updateIfVersion(
    db: DbOrTx,
    id: string,
    version: number,
    patch: ClaimContentPatch,
  ): Promise<boolean> {
    return this.writeIfVersion(db, id, version, patch);
  }

  /** The same write of the status fields: for the claim lifecycle (claim-lifecycle.ts) only. */
  async setStatusIfVersion(
    db: DbOrTx,
    id: string,
    version: number,
    patch: ClaimStatusPatch,
  ): Promise<boolean> {
    return this.writeIfVersion(db, id, version, patch);
  }

  private async writeIfVersion(
    db: DbOrTx,
    id: string,
    version: number,
    patch: Partial<NewClaim>,
  ): Promise<boolean> {
    const rows = await db
      .update(creditClaims)
      .set({ ...patch, version: sql`${creditClaims.version} + 1` })
      .where(and(eq(creditClaims.id, id), eq(creditClaims.version, version)))
      .returning({ id: creditClaims.id });
    return rows.length === 1;
  }

  /**
   * Serialises intake per person, so two arrivals of one activity cannot both insert. A
   * person's lock is one of 1 024 buckets: a bulk intake then holds at most that
   * many locks, where PostgreSQL's shared lock table holds 6 400 by default.
   */
  async lockPerson(db: DbOrTx, personId: string): Promise<void> {
    await db.execute(
      sql`select pg_advisory_xact_lock(hashtext('credit_claims'), hashtext(${personId}) & ${bucketMask})`,
    );
  }

  /** `lockPerson` for many people: each bucket once, in ascending order (no deadlock). */
  async lockPeople(db: DbOrTx, personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    const ids = JSON.stringify([...new Set(personIds)]);
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('credit_claims'), bucket) from (
      select distinct hashtext(p) & ${bucketMask} as bucket
      from json_array_elements_text(${ids}::json) p order by bucket) buckets`);
  }

  /**
   * Every person's lock, in ascending order: for an intake whose people are not all known
   * when it starts writing (an import streamed chunk by chunk). Taken at once and in order,
   * like `lockPeople`, so it cannot deadlock with another intake.
   */
  async lockEveryone(db: DbOrTx): Promise<void> {
    await db.execute(
      sql`select pg_advisory_xact_lock(hashtext('credit_claims'), bucket)
            from generate_series(0, ${bucketMask}) bucket order by bucket`,
    );
  }

  /** `findMatchCandidates` for many (person, project number) pairs, in one query. */
  async findMatchCandidatesOf(
    db: DbOrTx,
    keys: readonly { personId: string; projectNumber: string }[],
  ): Promise<ClaimRow[]> {
    if (keys.length === 0) return [];
    const pairs = JSON.stringify(keys.map((k) => ({ p: k.personId, n: k.projectNumber })));
    return db
      .select()
      .from(creditClaims)
      .where(
        and(
          sql`(${creditClaims.personId}, ${creditClaims.projectNumber}) in (
            select p, n from json_to_recordset(${pairs}::json) as k(p uuid, n text))`,
          ne(creditClaims.status, 'rejected'),
        ),
      )
      .orderBy(asc(creditClaims.createdAt), asc(creditClaims.id));
  }

  /** Many claims, provenances or review rows in a few statements (COPY in a transaction, see insertRows). */
  async insertClaims(db: DbOrTx, rows: readonly NewClaim[]): Promise<void> {
    await insertRows(db, creditClaims, rows);
  }

  async insertProvenances(db: DbOrTx, rows: readonly NewProvenance[]): Promise<void> {
    await insertRows(db, creditProvenances, rows);
  }

  async insertReviews(db: DbOrTx, rows: readonly NewClaimReview[]): Promise<void> {
    await insertRows(db, claimReviews, rows);
  }

  /** Claims that could be the same activity (same person, project number and role). */
  async findMatchCandidates(
    db: DbOrTx,
    personId: string,
    projectNumber: string,
    role: string | null,
  ): Promise<ClaimRow[]> {
    return db
      .select()
      .from(creditClaims)
      .where(
        and(
          eq(creditClaims.personId, personId),
          eq(creditClaims.projectNumber, projectNumber),
          role === null ? sql`${creditClaims.role} is null` : eq(creditClaims.role, role),
          ne(creditClaims.status, 'rejected'),
        ),
      )
      .orderBy(asc(creditClaims.createdAt), asc(creditClaims.id));
  }

  async personIdOfUser(db: DbOrTx, userId: string): Promise<string | undefined> {
    const rows = await db.select({ id: people.id }).from(people).where(eq(people.userId, userId));
    return rows[0]?.id;
  }

  async insertProvenance(db: DbOrTx, row: NewProvenance): Promise<void> {
    await db.insert(creditProvenances).values(row);
  }

  async insertReview(db: DbOrTx, row: NewClaimReview): Promise<void> {
    await db.insert(claimReviews).values(row);
  }

  /**
   * Claims in review of the units inside `scope`, per kind of the body they wait at, with
   * the oldest submission: one grouped query. It counts per reviewing org first (an
   * index-only scan of credit_claims_pending_unit_idx, a range for a unit, the whole
   * province's pending claims for the province office) and only then joins the few orgs.
   */
  async pendingByReviewerKind(
    db: DbOrTx,
    scope: readonly string[],
  ): Promise<{ kind: string; count: number; oldest: Date }[]> {
    if (scope.length === 0) return [];
    const units = sql.join(
      scope.map((root) => sql`u.path like ${`${root}%`}`),
      sql` or `,
    );
    const rows = await queryRows<{ kind: string; count: number; oldest: Date | string }>(
      db,
      sql`select r.kind, sum(w.n)::int as count, min(w.oldest) as oldest
          from (
            select c.current_reviewer_org_id as org_id, count(*) as n,
                   min(c.submitted_at) as oldest
            from credit_claims c
            where c.status = 'submitted'
              and c.unit_id in (select u.id from orgs u where ${units})
            group by c.current_reviewer_org_id
          ) w
          join orgs r on r.id = w.org_id
          group by r.kind`,
    );
    return rows.map((r) => ({ kind: r.kind, count: r.count, oldest: new Date(r.oldest) }));
  }
}
