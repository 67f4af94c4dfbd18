import { and, asc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../../platform/db/database';
import { intArray, textArray } from '../../platform/db/array-param';
import { upsertJsonRows } from '../../platform/db/json-rows';
import { claimYearArchives } from '../../platform/db/tables/claim-archives';
import { creditClaims, creditProvenances } from '../../platform/db/tables/credits';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import { personStandings, standingQueue, standingsMeta } from '../../platform/db/tables/standings';

/** A (person, year) whose standing is stored or to be computed. */
export interface StandingKey {
  personId: string;
  year: number;
}

export interface QueuedKey extends StandingKey {
  queuedAt: Date;
}

/** What a standing copies of the person and their unit. */
export interface StandingSubject {
  personId: string;
  name: string;
  profession: string;
  titleGrade: string;
  unitId: string;
  unitPath: string;
}

/** What the place of a unit needs of an organisation. */
export interface PlaceOrg {
  id: string;
  path: string;
  kind: string;
  unitType: string | null;
  regionCode: string | null;
}

export interface StandingClaimRow {
  id: string;
  personId: string;
  year: number;
  status: string;
  activityDate: string;
  activity: Record<string, unknown>;
  channel: string;
  activityType: string;
  projectNumber: string | null;
  channels: string[];
}

export type StandingRow = typeof personStandings.$inferSelect;
export type NewStandingRow = typeof personStandings.$inferInsert;

const pendingStatuses = ['draft', 'submitted', 'returned'];

/** One year and/or one province (its path prefix); everything when empty. */
export interface StandingsScope {
  year?: number | undefined;
  provincePath?: string | undefined;
}

/**
 * Every (person, year) a standing should exist for: each stored one, each year a person has
 * a claim in, and each person for the current year.
 */
function wantedSql(currentYear: number, only: StandingsScope) {
  const yearIs = (column: string) =>
    only.year === undefined ? sql`true` : sql`${sql.raw(column)} = ${only.year}`;
  const inProvince = (pathColumn: string) =>
    only.provincePath ? sql`${sql.raw(pathColumn)} like ${`${only.provincePath}%`}` : sql`true`;
  const includeCurrent = only.year === undefined || only.year === currentYear;
  return sql`
    select s.person_id, s.year from ${personStandings} s
    where ${yearIs('s.year')} and ${inProvince('s.unit_path')} and ${liveYear('s.year')}
    union
    select c.person_id, c.year from ${creditClaims} c
    join ${people} p on p.id = c.person_id
    join ${orgs} o on o.id = p.unit_id
    where ${yearIs('c.year')} and ${inProvince('o.path')} and ${liveYear('c.year')}
    ${
      includeCurrent
        ? sql`union select p.id, ${currentYear}::int from ${people} p
              join ${orgs} o on o.id = p.unit_id where ${inProvince('o.path')}`
        : sql``
    }`;
}

/**
 * Not a year whose claims were archived (ADR 0042): its stored standings are the filed
 * outcome, and computing them again, without the claims, would store zero credits.
 */
const liveYear = (column: string) =>
  sql`${sql.raw(column)} not in (select a.year from ${claimYearArchives} a)`;

/** The keys as a relation `(person_id, year)`: two array parameters, however many keys. */
const pairsSql = (keys: readonly StandingKey[]) =>
  sql`select * from unnest(${textArray(keys.map((k) => k.personId))}, ${intArray(
    keys.map((k) => k.year),
  )}) as k(person_id, year)`;

/** The standings tables, their queue, and the reads a standing is computed from. */
export class StandingsRepository {
  /**
   * Queues (person, year) pairs; one already waiting keeps its older time. An upsert, not
   * "do nothing": it locks a waiting row (without writing it, the WHERE is false), so it
   * waits for a drainer holding the row, and a change committed while the drainer
   * computes is queued again rather than lost; a drainer skips a row a change holds
   * (likewise below).
   */
  async enqueue(db: DbOrTx, keys: readonly StandingKey[], at: Date): Promise<void> {
    if (keys.length === 0) return;
    const unique = new Map(keys.map((k) => [`${k.personId}:${String(k.year)}`, k]));
    // One JSON parameter, whatever the count (an import queues 100 000 at once), in key
    // order: two transactions queuing the same people lock them in the same order.
    await db.execute(sql`
      insert into ${standingQueue} (person_id, year, queued_at)
      select k."personId", k.year, ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify([...unique.values()])}::jsonb)
        as k("personId" uuid, year int)
      where ${liveYear('k.year')}
      order by 1, 2
      on conflict (person_id, year) do update
        set queued_at = excluded.queued_at
        where excluded.queued_at < ${standingQueue}.queued_at`);
  }

  /** Queues the person's stored standings of years after `year` up to `untilYear`. */
  async enqueueStoredYears(
    db: DbOrTx,
    personIds: readonly string[],
    fromYear: number,
    untilYear: number,
    at: Date,
  ): Promise<void> {
    if (personIds.length === 0) return;
    await db.execute(sql`
      insert into ${standingQueue} (person_id, year, queued_at)
      select person_id, year, ${at.toISOString()}::timestamptz from ${personStandings}
      where person_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(
        personIds,
      )}::jsonb)) and year >= ${fromYear} and year <= ${untilYear} and ${liveYear('year')}
      on conflict (person_id, year) do update
        set queued_at = excluded.queued_at
        where excluded.queued_at < ${standingQueue}.queued_at`);
  }

  /** Queues every stored standing within a subtree (a unit's place or type changed). */
  async enqueueWithin(db: DbOrTx, path: string, at: Date): Promise<void> {
    await db.execute(sql`
      insert into ${standingQueue} (person_id, year, queued_at)
      select person_id, year, ${at.toISOString()}::timestamptz from ${personStandings}
      where unit_path like ${`${path}%`} and ${liveYear('year')}
      on conflict (person_id, year) do update
        set queued_at = excluded.queued_at
        where excluded.queued_at < ${standingQueue}.queued_at`);
  }

  /** Queues the people who have no standing of `year` yet (new people, a new year). */
  async enqueueMissing(db: DbOrTx, year: number, at: Date, province?: string): Promise<number> {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`
      with added as (
        insert into ${standingQueue} (person_id, year, queued_at)
        select p.id, ${year}::int, ${at.toISOString()}::timestamptz
        from ${people} p
        ${province ? sql`join ${orgs} o on o.id = p.unit_id and o.path like ${`${province}%`}` : sql``}
        where not exists (
          select 1 from ${personStandings} s where s.person_id = p.id and s.year = ${year}
        ) and ${year}::int not in (select a.year from ${claimYearArchives} a)
        on conflict do nothing
        returning 1
      ) select count(*)::int as n from added`,
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Queues everything a standing should exist for: every stored standing, every year a
   * person has a claim in, and every person for `currentYear` (after the rules changed,
   * or on a fresh database). Narrowed to one year and one province path when given.
   */
  async enqueueAll(
    db: DbOrTx,
    currentYear: number,
    at: Date,
    only: StandingsScope = {},
  ): Promise<number> {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`
      with wanted as (${wantedSql(currentYear, only)}), added as (
        insert into ${standingQueue} (person_id, year, queued_at)
        select person_id, year, ${at.toISOString()}::timestamptz from wanted
        on conflict do nothing returning 1
      ) select count(*)::int as n from added`,
    );
    return rows[0]?.n ?? 0;
  }

  /** Standings that should exist (see `enqueueAll`) but are not stored: how many, and the first. */
  async missing(
    db: DbOrTx,
    currentYear: number,
    only: StandingsScope,
    limit: number,
  ): Promise<{ count: number; first: StandingKey[] }> {
    const rows = await queryRows<StandingKey & { total: number }>(
      db,
      sql`
      with wanted as (${wantedSql(currentYear, only)}), gone as (
        select w.person_id, w.year from wanted w
        where not exists (
          select 1 from ${personStandings} s where s.person_id = w.person_id and s.year = w.year
        )
      ) select person_id as "personId", year, (select count(*)::int from gone) as total
        from gone order by person_id, year limit ${limit}`,
    );
    return {
      count: rows[0]?.total ?? 0,
      first: rows.map(({ personId, year }) => ({ personId, year })),
    };
  }

  async forgetQueuedYear(db: DbOrTx, year: number): Promise<void> {
    await db.execute(sql`delete from ${standingQueue} where year = ${year}`);
  }

  /** The oldest queued pairs, locked so that no other drainer takes them. */
  async takeQueued(db: DbOrTx, limit: number): Promise<QueuedKey[]> {
    return queryRows<QueuedKey>(
      db,
      sql`select person_id as "personId", year, queued_at as "queuedAt" from ${standingQueue}
          order by queued_at limit ${limit} for update skip locked`,
    ).then((rows) => rows.map((r) => ({ ...r, queuedAt: new Date(r.queuedAt) })));
  }

  /** Queued pairs of one person (any year), or of a year within a subtree. */
  async queuedOf(db: DbOrTx, personId: string): Promise<QueuedKey[]> {
    return db
      .select({
        personId: standingQueue.personId,
        year: standingQueue.year,
        queuedAt: standingQueue.queuedAt,
      })
      .from(standingQueue)
      .where(eq(standingQueue.personId, personId));
  }

  /** Up to `limit` queued pairs of `year` whose person is within `path`, oldest first. */
  async queuedWithin(db: DbOrTx, path: string, year: number, limit: number): Promise<QueuedKey[]> {
    const rows = await queryRows<QueuedKey>(
      db,
      sql`select q.person_id as "personId", q.year, q.queued_at as "queuedAt"
          from ${standingQueue} q
          join ${people} p on p.id = q.person_id
          join ${orgs} o on o.id = p.unit_id
          where q.year = ${year} and o.path like ${`${path}%`}
          order by q.queued_at limit ${limit}`,
    );
    return rows.map((r) => ({ ...r, queuedAt: new Date(r.queuedAt) }));
  }

  /** How many pairs of `year` within `path` wait, and since when. */
  async staleWithin(
    db: DbOrTx,
    path: string,
    year: number,
  ): Promise<{ count: number; since: Date | null }> {
    const rows = await queryRows<{ count: number; since: string | null }>(
      db,
      sql`select count(*)::int as count, min(q.queued_at) as since
          from ${standingQueue} q
          join ${people} p on p.id = q.person_id
          join ${orgs} o on o.id = p.unit_id
          where q.year = ${year} and o.path like ${`${path}%`}`,
    );
    const row = rows[0];
    return { count: row?.count ?? 0, since: row?.since ? new Date(row.since) : null };
  }

  /**
   * Locks the queued rows of these pairs (in key order) for a refresh outside the drainer:
   * a change of them committed meanwhile waits, then queues them again. Returns them with
   * their current times.
   */
  async lockQueued(db: DbOrTx, keys: readonly StandingKey[]): Promise<QueuedKey[]> {
    if (keys.length === 0) return [];
    const rows = await queryRows<QueuedKey>(
      db,
      sql`select q.person_id as "personId", q.year, q.queued_at as "queuedAt"
          from ${standingQueue} q join (${pairsSql(keys)}) k
            on k.person_id = q.person_id and k.year = q.year
          order by q.person_id, q.year for update of q`,
    );
    return rows.map((r) => ({ ...r, queuedAt: new Date(r.queuedAt) }));
  }

  /** Removes pairs from the queue unless they were queued again after `queuedAt`. */
  async unqueue(db: DbOrTx, keys: readonly QueuedKey[]): Promise<void> {
    if (keys.length === 0) return;
    await db.execute(sql`
      delete from ${standingQueue} q using unnest(
        ${textArray(keys.map((k) => k.personId))},
        ${intArray(keys.map((k) => k.year))},
        ${`{${keys.map((k) => k.queuedAt.toISOString()).join(',')}}`}::timestamptz[]
      ) as d(person_id, year, queued_at)
      where q.person_id = d.person_id and q.year = d.year and q.queued_at <= d.queued_at`);
  }

  async queueSize(db: DbOrTx): Promise<{ count: number; since: Date | null }> {
    const rows = await queryRows<{ count: number; since: string | null }>(
      db,
      sql`select count(*)::int as count, min(queued_at) as since from ${standingQueue}`,
    );
    const row = rows[0];
    return { count: row?.count ?? 0, since: row?.since ? new Date(row.since) : null };
  }

  /** The people with their unit (and its path); missing ids are left out. */
  async subjects(db: DbOrTx, personIds: readonly string[]): Promise<StandingSubject[]> {
    if (personIds.length === 0) return [];
    return db
      .select({
        personId: people.id,
        name: people.name,
        profession: people.profession,
        titleGrade: people.titleGrade,
        unitId: people.unitId,
        unitPath: orgs.path,
      })
      .from(people)
      .innerJoin(orgs, eq(orgs.id, people.unitId))
      .where(sql`${people.id} = any(${textArray([...personIds])})`);
  }

  async orgsByIds(db: DbOrTx, ids: readonly string[]): Promise<PlaceOrg[]> {
    if (ids.length === 0) return [];
    return db
      .select({
        id: orgs.id,
        path: orgs.path,
        kind: orgs.kind,
        unitType: orgs.unitType,
        regionCode: orgs.regionCode,
      })
      .from(orgs)
      .where(sql`${orgs.id} = any(${textArray([...ids])})`);
  }

  /**
   * The claims the standings of `year` read for these people: effective ones of
   * `fromYear`…`year` (earlier years feed a stage rule) and pending ones of `year`.
   */
  async claimsOf(
    db: DbOrTx,
    personIds: readonly string[],
    fromYear: number,
    year: number,
  ): Promise<StandingClaimRow[]> {
    if (personIds.length === 0) return [];
    return db
      .select({
        id: creditClaims.id,
        personId: creditClaims.personId,
        year: creditClaims.year,
        status: creditClaims.status,
        activityDate: creditClaims.activityDate,
        activity: creditClaims.activity,
        channel: creditClaims.channel,
        activityType: creditClaims.activityType,
        projectNumber: creditClaims.projectNumber,
        // Qualified by hand: inside a one-table select Drizzle writes its columns bare.
        channels: sql<string[]>`array(select pv.channel from ${creditProvenances} pv
          where pv.claim_id = credit_claims.id group by pv.channel order by min(pv.received_at))`,
      })
      .from(creditClaims)
      .where(
        and(
          sql`${creditClaims.personId} = any(${textArray([...personIds])})`,
          gte(creditClaims.year, fromYear),
          lte(creditClaims.year, year),
          or(
            eq(creditClaims.status, 'effective'),
            and(eq(creditClaims.year, year), inArray(creditClaims.status, pendingStatuses)),
          ),
        ),
      )
      .orderBy(asc(creditClaims.activityDate), asc(creditClaims.id));
  }

  async upsert(db: DbOrTx, rows: readonly NewStandingRow[]): Promise<void> {
    await upsertJsonRows(db, personStandings, rows, ['personId', 'year']);
  }

  async remove(db: DbOrTx, keys: readonly StandingKey[]): Promise<void> {
    if (keys.length === 0) return;
    await db.execute(
      sql`delete from ${personStandings} where (person_id, year) in (${pairsSql(keys)})`,
    );
  }

  async find(db: DbOrTx, keys: readonly StandingKey[]): Promise<StandingRow[]> {
    if (keys.length === 0) return [];
    return db
      .select()
      .from(personStandings)
      .where(sql`(${personStandings.personId}, ${personStandings.year}) in (${pairsSql(keys)})`);
  }

  /** One person's standing of a year, and whether a change of it waits in the queue. */
  async oneWithQueue(
    db: DbOrTx,
    personId: string,
    year: number,
  ): Promise<{ standing: StandingRow | undefined; queued: boolean }> {
    const [row] = await db
      .select({
        standing: personStandings,
        // Qualified by hand: inside a one-table select Drizzle writes its columns bare.
        queued: sql<boolean>`exists (select 1 from ${standingQueue} q
          where q.person_id = person_standings.person_id and q.year = person_standings.year)`,
      })
      .from(personStandings)
      .where(and(eq(personStandings.personId, personId), eq(personStandings.year, year)));
    return { standing: row?.standing, queued: row?.queued ?? false };
  }

  async ofPerson(db: DbOrTx, personId: string): Promise<StandingRow[]> {
    return db
      .select()
      .from(personStandings)
      .where(eq(personStandings.personId, personId))
      .orderBy(asc(personStandings.year));
  }

  /**
   * The stored keys in (person, year) order after `after`, at most `limit`: how rebuild
   * and verify walk a year (or every year) of a province without holding it in memory.
   */
  async keysAfter(
    db: DbOrTx,
    after: StandingKey | undefined,
    limit: number,
    only: StandingsScope,
  ): Promise<StandingKey[]> {
    return queryRows<StandingKey>(
      db,
      sql`select person_id as "personId", year from ${personStandings}
          where ${only.year === undefined ? sql`true` : sql`year = ${only.year}`}
          and ${only.provincePath ? sql`unit_path like ${`${only.provincePath}%`}` : sql`true`}
          and ${after ? sql`(person_id, year) > (${after.personId}::uuid, ${after.year}::int)` : sql`true`}
          and ${liveYear('year')}
          order by person_id, year limit ${limit}`,
    );
  }

  /** The path of the province with this region code, if there is one. */
  async provincePath(db: DbOrTx, regionCode: string): Promise<string | undefined> {
    const [row] = await db
      .select({ path: orgs.path })
      .from(orgs)
      .where(and(eq(orgs.kind, 'province'), eq(orgs.regionCode, regionCode)));
    return row?.path;
  }

  /**
   * After a rebuild: fresh planner statistics of the standings, and the queue it emptied
   * vacuumed (a million dead rows made every "what still waits" subquery a long scan).
   */
  async tidyAfterRebuild(db: Db): Promise<void> {
    await db.execute(sql`vacuum (analyze) ${standingQueue}`);
    await db.execute(sql`analyze ${personStandings}`);
  }

  async meta(db: DbOrTx, key: string): Promise<string | undefined> {
    const [row] = await db
      .select({ value: standingsMeta.value })
      .from(standingsMeta)
      .where(eq(standingsMeta.key, key));
    return row?.value;
  }

  async setMeta(db: DbOrTx, key: string, value: string, at: Date): Promise<void> {
    await db
      .insert(standingsMeta)
      .values({ key, value, updatedAt: at })
      .onConflictDoUpdate({ target: standingsMeta.key, set: { value, updatedAt: at } });
  }
}
