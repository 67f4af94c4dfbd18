import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  lt,
  min,
  ne,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import { users } from '../../platform/db/tables/users';
import { claimEvidence } from '../../platform/db/tables/evidence';
import { sameBulkEntrySql } from '../evidence/evidence-sharing';
import { claimReviews, creditClaims, creditProvenances } from '../../platform/db/tables/credits';

type ClaimRow = typeof creditClaims.$inferSelect;

/** A claim with the names and paths the services decide and answer with. */
export type ClaimView = ClaimRow & {
  personName: string;
  personUserId: string | null;
  unitName: string;
  unitPath: string;
  reviewerOrgName: string | null;
  reviewerOrgPath: string | null;
  reviewerOrgKind: string | null;
  /** Its evidence is also attached to a claim of another person. */
  flagged: boolean;
};

// Subqueries rather than a second join of `orgs`: Drizzle types a self-join alias here as never.
const reviewerOrgName = sql<
  string | null
>`(select r.name from orgs r where r.id = ${creditClaims.currentReviewerOrgId})`;
const reviewerOrgKind = sql<
  string | null
>`(select r.kind from orgs r where r.id = ${creditClaims.currentReviewerOrgId})`;
const reviewerOrgPath = sql<
  string | null
>`(select r.path from orgs r where r.id = ${creditClaims.currentReviewerOrgId})`;

/**
 * Evidence of this claim that also backs a claim of someone else (not counting the other
 * claims of the same unit bulk entry, whose shared evidence is meant to be shared).
 */
const flaggedSql = sql<boolean>`exists (
  select 1 from ${claimEvidence} ce
  join ${claimEvidence} other on other.sha256 = ce.sha256 and other.person_id <> ce.person_id
  where ce.claim_id = ${creditClaims.id}
    and not ${sameBulkEntrySql(sql`ce.claim_id`, sql`other.claim_id`)})`;

const viewColumns = {
  claim: creditClaims,
  personName: people.name,
  personUserId: people.userId,
  unitName: orgs.name,
  unitPath: orgs.path,
  reviewerOrgName,
  reviewerOrgPath,
  reviewerOrgKind,
  flagged: flaggedSql,
};

type ViewRow = {
  claim: ClaimRow;
  personName: string;
  personUserId: string | null;
  unitName: string;
  unitPath: string;
  reviewerOrgName: string | null;
  reviewerOrgPath: string | null;
  reviewerOrgKind: string | null;
  flagged: boolean;
};

function toView(row: ViewRow): ClaimView {
  const { claim, ...rest } = row;
  return { ...claim, ...rest };
}

export interface QueueFilter {
  reviewerScope: readonly string[];
  /** Orgs where the caller holds credit:review: the steps that are theirs (ADR 0023). */
  reviewerOrgIds: readonly string[];
  /** 代审: the steps of the non-unit orgs below theirs instead of their own. */
  actFor: boolean;
  /** Never one's own claims (as the person, the submitter or the one who entered it). */
  excludeUserId: string;
  type?: string;
  channel?: string;
  unitId?: string;
  year?: number;
  flagged?: boolean;
  sort: 'submittedAt' | 'activityDate' | 'credits';
  order: 'asc' | 'desc';
  after?: { key: string | number; id: string };
  limit: number;
}

export interface PersonClaimsFilter {
  personId: string;
  status?: string;
  year?: number;
  after?: { createdAt: string; id: string };
  limit: number;
}

const sortColumns = {
  submittedAt: creditClaims.submittedAt,
  activityDate: creditClaims.activityDate,
  credits: creditClaims.credits,
} as const;

/**
 * The reads of the credits tables: a claim's view, the review queue, a person's claims,
 * provenances and history. CreditsRepository adds the locks and the writes; one object.
 */
export class ClaimQueries {
  private select(db: DbOrTx) {
    return db
      .select(viewColumns)
      .from(creditClaims)
      .innerJoin(people, eq(people.id, creditClaims.personId))
      .innerJoin(orgs, eq(orgs.id, creditClaims.unitId));
  }

  async findView(db: DbOrTx, id: string): Promise<ClaimView | undefined> {
    const rows = await this.select(db).where(eq(creditClaims.id, id));
    return rows[0] ? toView(rows[0]) : undefined;
  }

  async findViews(db: DbOrTx, ids: readonly string[]): Promise<ClaimView[]> {
    if (ids.length === 0) return [];
    const rows = await this.select(db).where(inArray(creditClaims.id, [...ids]));
    return rows.map(toView);
  }

  async provenances(db: DbOrTx, claimId: string) {
    return db
      .select()
      .from(creditProvenances)
      .where(eq(creditProvenances.claimId, claimId))
      .orderBy(asc(creditProvenances.receivedAt), asc(creditProvenances.id));
  }

  /** Channels each claim arrived by, for the year view. */
  async channelsOf(db: DbOrTx, claimIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (claimIds.length === 0) return result;
    const rows = await db
      .selectDistinct({ claimId: creditProvenances.claimId, channel: creditProvenances.channel })
      .from(creditProvenances)
      .where(inArray(creditProvenances.claimId, [...claimIds]));
    for (const row of rows)
      result.set(row.claimId, [...(result.get(row.claimId) ?? []), row.channel]);
    return result;
  }

  async history(db: DbOrTx, claimId: string) {
    return db
      .select({
        review: claimReviews,
        reviewerOrgName: orgs.name,
        actorName: users.displayName,
        // A subquery rather than a second join of `orgs` (see reviewerOrgName above).
        actorOrgName: sql<
          string | null
        >`(select a.name from orgs a where a.id = ${claimReviews.actorOrgId})`,
      })
      .from(claimReviews)
      .leftJoin(orgs, eq(orgs.id, claimReviews.reviewerOrgId))
      .leftJoin(users, eq(users.id, claimReviews.actorUserId))
      .where(eq(claimReviews.claimId, claimId))
      .orderBy(asc(claimReviews.at), asc(claimReviews.id));
  }

  /**
   * The orgs whose waiting claims the queue shows: the caller's own reviewing orgs, or for
   * 代审 the non-unit orgs below them in their credit:review subtrees (canActForClaim). They
   * are read first and passed as values, not as a subquery: with the values the planner
   * sees from the column's statistics how many pending claims they hold, and walks the
   * queue-order index (one page read) for a reviewer high in the chain, or the per-org
   * index for a unit with a handful. With a subquery it guessed a few hundred rows, and
   * sorted every pending claim of a province for each page.
   */
  private async reviewingOrgs(
    db: DbOrTx,
    f: Pick<QueueFilter, 'reviewerScope' | 'reviewerOrgIds' | 'actFor'>,
  ): Promise<string[]> {
    if (!f.actFor) return [...f.reviewerOrgIds];
    if (f.reviewerScope.length === 0) return [];
    const rows = await db
      .select({ id: orgs.id })
      .from(orgs)
      .where(
        and(
          pathWithin(orgs.path, f.reviewerScope),
          ne(orgs.kind, 'unit'),
          f.reviewerOrgIds.length > 0 ? notInArray(orgs.id, [...f.reviewerOrgIds]) : undefined,
        ),
      );
    return rows.map((o) => o.id);
  }

  /** The whole queue in numbers: claims waiting per activity type, and the oldest submission. */
  async queueSummary(
    db: DbOrTx,
    f: Pick<QueueFilter, 'reviewerScope' | 'reviewerOrgIds' | 'actFor' | 'excludeUserId'>,
  ): Promise<{ type: string; count: number; oldest: Date | null }[]> {
    const reviewingOrgs = await this.reviewingOrgs(db, f);
    if (reviewingOrgs.length === 0) return [];
    return db
      .select({
        type: creditClaims.activityType,
        count: count(),
        oldest: min(creditClaims.submittedAt),
      })
      .from(creditClaims)
      .innerJoin(people, eq(people.id, creditClaims.personId))
      .where(
        and(
          eq(creditClaims.status, 'submitted'),
          sql`${people.userId} is distinct from ${f.excludeUserId}`,
          sql`${creditClaims.submittedBy} is distinct from ${f.excludeUserId}`,
          sql`${creditClaims.createdBy} is distinct from ${f.excludeUserId}`,
          inArray(creditClaims.currentReviewerOrgId, reviewingOrgs),
        ),
      )
      .groupBy(creditClaims.activityType);
  }

  /** One keyset page of claims waiting at an org inside the reviewer scope. */
  async queue(db: DbOrTx, f: QueueFilter): Promise<ClaimView[]> {
    const column = sortColumns[f.sort];
    const key = f.after
      ? f.sort === 'submittedAt'
        ? sql`${f.after.key}::timestamptz`
        : f.sort === 'activityDate'
          ? sql`${f.after.key}::date`
          : sql`${f.after.key}::numeric`
      : undefined;
    const reviewingOrgs = await this.reviewingOrgs(db, f);
    if (reviewingOrgs.length === 0) return [];
    const rows = await this.select(db)
      .where(
        and(
          eq(creditClaims.status, 'submitted'),
          sql`${people.userId} is distinct from ${f.excludeUserId}`,
          sql`${creditClaims.submittedBy} is distinct from ${f.excludeUserId}`,
          sql`${creditClaims.createdBy} is distinct from ${f.excludeUserId}`,
          inArray(creditClaims.currentReviewerOrgId, reviewingOrgs),
          f.type ? eq(creditClaims.activityType, f.type) : undefined,
          f.channel ? eq(creditClaims.channel, f.channel) : undefined,
          f.unitId ? eq(creditClaims.unitId, f.unitId) : undefined,
          f.year ? eq(creditClaims.year, f.year) : undefined,
          f.flagged === undefined ? undefined : f.flagged ? flaggedSql : sql`not ${flaggedSql}`,
          // A row comparison, so an index in queue order can start at the cursor.
          f.after && key
            ? f.order === 'asc'
              ? sql`(${column}, ${creditClaims.id}) > (${key}, ${f.after.id}::uuid)`
              : sql`(${column}, ${creditClaims.id}) < (${key}, ${f.after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(
        f.order === 'asc' ? asc(column) : desc(column),
        f.order === 'asc' ? asc(creditClaims.id) : desc(creditClaims.id),
      )
      .limit(f.limit);
    return rows.map(toView);
  }

  /** A person's claims, newest first. */
  async ofPerson(db: DbOrTx, f: PersonClaimsFilter): Promise<ClaimView[]> {
    const rows = await this.select(db)
      .where(
        and(
          eq(creditClaims.personId, f.personId),
          f.status ? eq(creditClaims.status, f.status) : undefined,
          f.year ? eq(creditClaims.year, f.year) : undefined,
          f.after
            ? or(
                sql`${creditClaims.createdAt} < ${f.after.createdAt}::timestamptz`,
                and(
                  sql`${creditClaims.createdAt} = ${f.after.createdAt}::timestamptz`,
                  lt(creditClaims.id, f.after.id),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(creditClaims.createdAt), desc(creditClaims.id))
      .limit(f.limit);
    return rows.map(toView);
  }

  /** Every claim of some people in a year (the year views and unit progress). */
  async ofPeopleInYear(
    db: DbOrTx,
    personIds: readonly string[],
    year: number | undefined,
  ): Promise<ClaimView[]> {
    if (personIds.length === 0) return [];
    const conditions: SQL[] = [inArray(creditClaims.personId, [...personIds])];
    if (year !== undefined) conditions.push(eq(creditClaims.year, year));
    const rows = await this.select(db)
      .where(and(...conditions))
      .orderBy(asc(creditClaims.activityDate), asc(creditClaims.id));
    return rows.map(toView);
  }
}
