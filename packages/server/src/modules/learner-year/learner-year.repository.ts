import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database';
import { preparedOn } from '../../platform/db/prepared';
import { pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import { claimReviews, creditClaims, creditProvenances } from '../../platform/db/tables/credits';
import { personStandings, standingQueue } from '../../platform/db/tables/standings';

/** What the year views need of a claim: the activity for the rules engine and the list columns. */
export interface YearClaimRow {
  id: string;
  personId: string;
  status: string;
  year: number;
  activity: Record<string, unknown>;
  activityType: string;
  activityDate: string;
  projectNumber: string | null;
  credits: number;
  creditClass: string | null;
  valuationReasons: string[];
}

export interface StaffRow {
  id: string;
  name: string;
  idNumberMasked: string;
  profession: string;
  titleGrade: string;
  unitId: string;
  unitName: string;
  unitPath: string;
}

/** Claims the year views count (effective) or show beside the count (still pending). */
export const countedStatuses = ['effective'] as const;
export const pendingStatuses = ['draft', 'submitted', 'returned'] as const;

const yearClaimColumns = {
  id: creditClaims.id,
  personId: creditClaims.personId,
  status: creditClaims.status,
  year: creditClaims.year,
  activity: creditClaims.activity,
  activityType: creditClaims.activityType,
  activityDate: creditClaims.activityDate,
  projectNumber: creditClaims.projectNumber,
  credits: creditClaims.credits,
  creditClass: creditClaims.creditClass,
  valuationReasons: creditClaims.valuationReasons,
};

/** What the year page lists of a claim (effective or pending), with its channels. */
export interface YearClaimLine {
  id: string;
  status: string;
  activityType: string;
  activityDate: string;
  projectNumber: string | null;
  channels: string[];
}

/** What the year page shows of a stored standing (ADR 0018); the rest stays in the row. */
const yearStandingColumns = {
  packs: personStandings.packs,
  compliant: personStandings.compliant,
  totalCredits: personStandings.totalCredits,
  classCredits: personStandings.classCredits,
  requirements: personStandings.requirements,
  activities: personStandings.activities,
  certificateHours: personStandings.certificateHours,
  stage: personStandings.stage,
  fullYear: personStandings.fullYear,
};

/**
 * The caller's own year in one prepared statement (no SQL built, parsed or planned per
 * request): their person, the stored standing of the year (ADR 0018), whether a change of
 * it waits in the queue, and the year's pending claims with their channels. The effective
 * ones are in the standing, with what the page lists of them (ADR 0021).
 */
const ownYearStatement = preparedOn((db: Db) =>
  db
    .select({
      personId: people.id,
      personName: people.name,
      // Only the columns the page shows: the row's sums by month and channel, its
      // copies of the person's place and its counts are JSON the page would parse unread.
      standing: yearStandingColumns,
      queued: sql<boolean>`exists (select 1 from ${standingQueue} q
        where q.person_id = ${people.id} and q.year = ${sql.placeholder('year')}::int)`,
      // A fresh standing counts the year's pending claims (every change of one queues it,
      // and a queued standing is not read from here): with none, nothing to look up.
      claims: sql<YearClaimLine[]>`case when ${personStandings.personId} is not null
          and ${personStandings.pendingCount} = 0 then '[]'::json else coalesce((
        select json_agg(json_build_object('id', c.id, 'status', c.status,
            'activityType', c.activity_type, 'activityDate', c.activity_date,
            'projectNumber', c.project_number,
            'channels', array(select pv.channel from ${creditProvenances} pv
              where pv.claim_id = c.id group by pv.channel order by min(pv.received_at)))
          order by c.activity_date, c.id)
        from ${creditClaims} c
        where c.person_id = ${people.id} and c.year = ${sql.placeholder('year')}::int
          and c.status in (${sql.raw(pendingStatuses.map((s) => `'${s}'`).join(', '))})),
        '[]'::json) end`,
    })
    .from(people)
    .leftJoin(
      personStandings,
      and(
        eq(personStandings.personId, people.id),
        eq(personStandings.year, sql.placeholder('year')),
      ),
    )
    .where(eq(people.userId, sql.placeholder('userId')))
    .prepare('learner_own_year'),
);

/** The reads of the learner's year and the unit's staff progress. Writes live in credits. */
export class LearnerYearRepository {
  /** See `ownYearStatement`; undefined when the account has no person. */
  async ownYear(db: Db, userId: string, year: number) {
    const [row] = await ownYearStatement(db).execute({ userId, year });
    return row;
  }

  /**
   * One query for the claims of many people within years `fromYear`…`toYear`: effective
   * ones of every year in range (earlier years feed the stage rule), pending ones of `toYear`.
   */
  async claimsOf(
    db: DbOrTx,
    personIds: readonly string[],
    fromYear: number,
    toYear: number,
  ): Promise<YearClaimRow[]> {
    if (personIds.length === 0) return [];
    return db
      .select(yearClaimColumns)
      .from(creditClaims)
      .where(
        and(
          inArray(creditClaims.personId, [...personIds]),
          gte(creditClaims.year, fromYear),
          lte(creditClaims.year, toYear),
          sql`(${creditClaims.status} = 'effective' or (${creditClaims.year} = ${toYear} and ${inArray(creditClaims.status, [...pendingStatuses])}))`,
        ),
      )
      .orderBy(asc(creditClaims.activityDate), asc(creditClaims.id));
  }

  /**
   * One query for a person's claims of a year (effective and pending, or `statuses`), each
   * with the channels it arrived by, in order of first arrival.
   */
  async yearClaims(
    db: DbOrTx,
    personId: string,
    year: number,
    statuses: readonly string[] = [...countedStatuses, ...pendingStatuses],
  ): Promise<(YearClaimRow & { channels: string[] })[]> {
    return db
      .select({
        ...yearClaimColumns,
        // Qualified by hand: inside a one-table select Drizzle writes its columns bare.
        channels: sql<string[]>`array(
          select pv.channel from ${creditProvenances} pv where pv.claim_id = credit_claims.id
          group by pv.channel order by min(pv.received_at))`,
      })
      .from(creditClaims)
      .where(
        and(
          eq(creditClaims.personId, personId),
          eq(creditClaims.year, year),
          inArray(creditClaims.status, [...statuses]),
        ),
      )
      .orderBy(asc(creditClaims.activityDate), asc(creditClaims.id));
  }

  /** Every effective or pending claim of one person, all years (the list of years). */
  async allClaimsOf(db: DbOrTx, personId: string): Promise<YearClaimRow[]> {
    return db
      .select(yearClaimColumns)
      .from(creditClaims)
      .where(
        and(
          eq(creditClaims.personId, personId),
          inArray(creditClaims.status, [...countedStatuses, ...pendingStatuses]),
        ),
      )
      .orderBy(asc(creditClaims.activityDate), asc(creditClaims.id));
  }

  /** Channels each claim arrived by (its provenances), in order of first arrival. */
  async channelsOf(db: DbOrTx, claimIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (claimIds.length === 0) return result;
    const rows = await db
      .select({ claimId: creditProvenances.claimId, channel: creditProvenances.channel })
      .from(creditProvenances)
      .where(inArray(creditProvenances.claimId, [...claimIds]))
      .orderBy(asc(creditProvenances.receivedAt), asc(creditProvenances.id));
    for (const row of rows) {
      const list = result.get(row.claimId) ?? [];
      if (!list.includes(row.channel)) list.push(row.channel);
      result.set(row.claimId, list);
    }
    return result;
  }

  /** The latest return reason of each claim (for returned claims). */
  async returnReasonsOf(db: DbOrTx, claimIds: readonly string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    if (claimIds.length === 0) return result;
    const rows = await db
      .select({ claimId: claimReviews.claimId, reason: claimReviews.reason })
      .from(claimReviews)
      .where(and(inArray(claimReviews.claimId, [...claimIds]), eq(claimReviews.action, 'return')))
      .orderBy(desc(claimReviews.at), desc(claimReviews.id));
    for (const row of rows)
      if (!result.has(row.claimId) && row.reason) result.set(row.claimId, row.reason);
    return result;
  }

  /** The people of a subtree (a unit and the units below it), by name. */
  async staffWithin(db: DbOrTx, path: string): Promise<StaffRow[]> {
    return db
      .select({
        id: people.id,
        name: people.name,
        idNumberMasked: people.idNumberMasked,
        profession: people.profession,
        titleGrade: people.titleGrade,
        unitId: people.unitId,
        unitName: orgs.name,
        unitPath: orgs.path,
      })
      .from(people)
      .innerJoin(orgs, eq(orgs.id, people.unitId))
      .where(pathWithin(orgs.path, [path]))
      .orderBy(asc(people.name), asc(people.id));
  }
}
