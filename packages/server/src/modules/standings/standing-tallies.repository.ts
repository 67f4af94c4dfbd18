import { creditChannels } from '@jijiao/domain';
import { sql, type SQL } from 'drizzle-orm';
import { intArray, textArray } from '../../platform/db/array-param';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { orgs } from '../../platform/db/tables/orgs';
import {
  personStandings,
  standingTallies,
  standingTallyQueue,
} from '../../platform/db/tables/standings';
import type { GroupCount, ProgressFilter, YearSums } from './standing-queries.repository';
import type { StandingKey } from './standings.repository';

/** A unit's year whose tallies are stale. */
export interface TallyKey {
  year: number;
  unitId: string;
}

/** A tally that differs from the standings it sums (`jijiao standings verify`). */
export interface TallyDifference extends TallyKey {
  stored: number;
  fresh: number;
}

const s = personStandings;
const t = standingTallies;
const bucketCount = 9;

const keysSql = (keys: readonly TallyKey[]) =>
  sql`unnest(${intArray(keys.map((k) => k.year))}, ${textArray(keys.map((k) => k.unitId))})`;

/** Sorted and without repeats: the same units are always locked in the same order. */
function uniqueKeys(keys: readonly TallyKey[]): TallyKey[] {
  const unique = new Map(keys.map((k) => [`${String(k.year)}:${k.unitId}`, k]));
  return [...unique.values()].sort((a, b) =>
    a.year !== b.year ? a.year - b.year : a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0,
  );
}

/** A channel's code as an SQL literal (the codes are the domain's, `[a-z_]` only). */
const channelLiteral = (c: string) => sql.raw(`'${c.replace(/[^a-z_]/g, '')}'`);

/** What a tally row is of: a unit's year (and its path), profession, title grade and level. */
const groupColumns = sql`${s.year} as year, ${s.unitId} as unit_id, ${s.unitPath} as unit_path,
  ${s.profession} as profession, ${s.titleGrade} as title_grade, ${s.unitLevel} as unit_level`;

/** The tally columns, aggregated over `person_standings` rows. */
function freshColumns(): SQL {
  const buckets = Array.from(
    { length: bucketCount },
    (_, i) =>
      sql`count(*) filter (where ${s.totalCredits} >= ${sql.raw(String(i * 5))}${i < bucketCount - 1 ? sql` and ${s.totalCredits} < ${sql.raw(String(i * 5 + 5))}` : sql``})::int`,
  );
  const months = Array.from(
    { length: 12 },
    (_, m) =>
      sql`coalesce(sum((${s.monthlyCredits} ->> ${sql.raw(String(m))})::numeric), 0)::float8`,
  );
  const channels = creditChannels.map(
    (c) =>
      sql`${channelLiteral(c)}, coalesce(sum((${s.channelCredits} ->> ${channelLiteral(c)})::numeric), 0)::float8`,
  );
  return sql`count(*)::int as staff, count(*) filter (where ${s.compliant})::int as compliant,
    coalesce(sum(${s.totalCredits} * 10), 0)::bigint as credit_tenths,
    array[${sql.join(buckets, sql`, `)}] as buckets, array[${sql.join(months, sql`, `)}] as months,
    jsonb_build_object(${sql.join(channels, sql`, `)}) as channels`;
}

/** The summed columns of tallies: overall counts, buckets, months, channels. */
function summedColumns(): SQL {
  const buckets = Array.from(
    { length: bucketCount },
    (_, i) => sql`coalesce(sum(${t.buckets}[${sql.raw(String(i + 1))}]), 0)::int`,
  );
  const months = Array.from(
    { length: 12 },
    (_, m) => sql`coalesce(sum(${t.months}[${sql.raw(String(m + 1))}]), 0)::float8`,
  );
  const channels = creditChannels.map(
    (c) => sql`coalesce(sum((${t.channels} ->> ${channelLiteral(c)})::float8), 0)::float8`,
  );
  return sql`coalesce(sum(${t.staff}), 0)::int as staff,
    coalesce(sum(${t.compliant}), 0)::int as compliant,
    coalesce(sum(${t.creditTenths}), 0)::bigint as tenths,
    array[${sql.join(buckets, sql`, `)}] as buckets,
    array[${sql.join(months, sql`, `)}] as months,
    array[${sql.join(channels, sql`, `)}] as channels`;
}

interface SummedRow {
  staff: number;
  compliant: number;
  tenths: string | number;
  buckets: number[];
  months: number[];
  channels: number[];
}

/**
 * The unit tallies of the standings (ADR 0021): their queue, their recomputation from
 * `person_standings`, and the statistics read from them.
 */
export class StandingTalliesRepository {
  /** Units' years waiting for their tallies to be recomputed. */
  async queueSize(db: DbOrTx): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from ${standingTallyQueue}`,
    );
    return row?.count ?? 0;
  }

  /** The units and years the stored standings of these pairs are counted in now. */
  async unitsOf(db: DbOrTx, keys: readonly StandingKey[]): Promise<TallyKey[]> {
    if (keys.length === 0) return [];
    return queryRows<TallyKey>(
      db,
      sql`select distinct s.year, s.unit_id as "unitId" from ${s} s
          join unnest(${textArray(keys.map((k) => k.personId))}, ${intArray(
            keys.map((k) => k.year),
          )}) as k(person_id, year) on s.person_id = k.person_id and s.year = k.year`,
    );
  }

  /**
   * Queues units' years; one already waiting keeps its older time. An upsert, not "do
   * nothing": it locks a waiting row (without writing it), so it waits for a recomputation
   * that holds the row, and a change made meanwhile is queued again rather than lost.
   */
  async enqueue(db: DbOrTx, keys: readonly TallyKey[], at: Date): Promise<void> {
    const sorted = uniqueKeys(keys);
    if (sorted.length === 0) return;
    await db.execute(sql`
      insert into ${standingTallyQueue} (year, unit_id, queued_at)
      select k.year, k.unit_id, ${at.toISOString()}::timestamptz
      from ${keysSql(sorted)} with ordinality as k(year, unit_id, n)
      order by k.n
      on conflict (year, unit_id) do update
        set queued_at = excluded.queued_at
        where excluded.queued_at < ${standingTallyQueue}.queued_at`);
  }

  /** Queues every unit's year that has standings (a fresh tally table, or a repair). */
  async enqueueAll(db: DbOrTx, at: Date, only: { year?: number; path?: string } = {}) {
    await db.execute(sql`
      insert into ${standingTallyQueue} (year, unit_id, queued_at)
      select distinct year, unit_id, ${at.toISOString()}::timestamptz from ${s}
      where ${only.year === undefined ? sql`true` : sql`year = ${only.year}`}
        and ${only.path ? sql`unit_path like ${`${only.path}%`}` : sql`true`}
      on conflict (year, unit_id) do nothing`);
  }

  /**
   * Takes up to `limit` queued units (of a year within `path`, when given), oldest first,
   * removing them from the queue: a change queued after this waits for the transaction.
   */
  async take(
    db: DbOrTx,
    limit: number,
    within?: { path: string; year: number },
  ): Promise<TallyKey[]> {
    const q = standingTallyQueue;
    return queryRows<TallyKey>(
      db,
      sql`delete from ${q} where (year, unit_id) in (
            select q.year, q.unit_id from ${q} q
            ${within ? sql`join ${orgs} o on o.id = q.unit_id and o.path like ${`${within.path}%`} where q.year = ${within.year}` : sql``}
            order by q.queued_at limit ${limit} for update of q skip locked)
          returning year, unit_id as "unitId"`,
    );
  }

  /** Computes the units' tallies again from their standings. */
  async recompute(db: DbOrTx, keys: readonly TallyKey[]): Promise<void> {
    const sorted = uniqueKeys(keys);
    if (sorted.length === 0) return;
    await db.execute(sql`
      delete from ${t} using ${keysSql(sorted)} as k(year, unit_id)
      where ${t}.year = k.year and ${t}.unit_id = k.unit_id`);
    await db.execute(sql`
      insert into ${t} (year, unit_id, unit_path, profession, title_grade, unit_level,
        staff, compliant, credit_tenths, buckets, months, channels)
      select ${groupColumns}, ${freshColumns()}
      from ${keysSql(sorted)} as k(year, unit_id)
      join ${s} on ${s.unitId} = k.unit_id and ${s.year} = k.year
      group by 1, 2, 3, 4, 5, 6`);
  }

  /** How many units of `year` within `path` wait, how many people they hold, and since when. */
  async staleWithin(
    db: DbOrTx,
    path: string,
    year: number,
  ): Promise<{ units: number; people: number; since: Date | null }> {
    const rows = await queryRows<{ units: number; people: number; since: string | null }>(
      db,
      sql`select count(*)::int as units, min(q.queued_at) as since,
            coalesce(sum((select count(*) from ${s} s
              where s.unit_id = q.unit_id and s.year = q.year)), 0)::int as people
          from ${standingTallyQueue} q join ${orgs} o on o.id = q.unit_id
          where q.year = ${year} and o.path like ${`${path}%`}`,
    );
    const row = rows[0];
    return {
      units: row?.units ?? 0,
      people: row?.people ?? 0,
      since: row?.since ? new Date(row.since) : null,
    };
  }

  /**
   * A progress list's counts from the tallies (everyone, behind, matching the filter), when
   * the filter is one the tallies can answer (no shortfall range) and none of the scope's
   * units waits to be recomputed; undefined otherwise (count the standings instead).
   */
  async counts(
    db: DbOrTx,
    filter: ProgressFilter,
  ): Promise<{ staff: number; behind: number; total: number } | undefined> {
    if (filter.shortfallMin !== undefined || filter.shortfallMax !== undefined) return undefined;
    const matching: SQL[] = [sql`true`];
    if (filter.profession) matching.push(sql`${t.profession} = ${filter.profession}`);
    if (filter.titleGrade) matching.push(sql`${t.titleGrade} = ${filter.titleGrade}`);
    const counted =
      filter.compliant === undefined
        ? sql`${t.staff}`
        : filter.compliant
          ? sql`${t.compliant}`
          : sql`(${t.staff} - ${t.compliant})`;
    const rows = await queryRows<{
      staff: number;
      behind: number;
      total: number;
      waiting: boolean;
    }>(
      db,
      sql`select coalesce(sum(${t.staff}), 0)::int as staff,
            coalesce(sum(${t.staff} - ${t.compliant}), 0)::int as behind,
            coalesce(sum(${counted}) filter (where ${sql.join(matching, sql` and `)}), 0)::int as total,
            exists (select 1 from ${standingTallyQueue} q join ${orgs} o on o.id = q.unit_id
              where q.year = ${filter.year} and o.path like ${`${filter.path}%`}) as waiting
          from ${t} where ${t.year} = ${filter.year} and ${t.unitPath} like ${`${filter.path}%`}`,
    );
    const row = rows[0];
    if (!row || row.waiting) return undefined;
    return { staff: row.staff, behind: row.behind, total: row.total };
  }

  /**
   * 统计报表 of a subtree's year from its tallies: the sums by child organisation (at
   * `depth`), profession, title grade and unit level, and the overall sums.
   */
  async summary(
    db: DbOrTx,
    path: string,
    year: number,
    depth: number,
  ): Promise<{ groups: GroupCount[]; sums: YearSums }> {
    const child = sql`split_part(${t.unitPath}, '/', ${sql.raw(String(Math.trunc(depth) + 2))})`;
    const cells = await queryRows<
      SummedRow & {
        child: string | null;
        profession: string | null;
        titleGrade: string | null;
        unitLevel: string | null;
      }
    >(
      db,
      sql`select ${child} as child, ${t.profession} as profession, ${t.titleGrade} as "titleGrade",
            coalesce(${t.unitLevel}, 'none') as "unitLevel", ${summedColumns()}
          from ${t} where ${t.year} = ${year} and ${t.unitPath} like ${`${path}%`}
          group by 1, 2, 3, 4`,
    );
    const dimensions = ['child', 'profession', 'titleGrade', 'unitLevel'] as const;
    const tallies = new Map<string, GroupCount>();
    const sums = emptySums();
    for (const cell of cells) {
      const tenths = Number(cell.tenths);
      for (const dimension of dimensions) {
        const key = cell[dimension];
        const id = `${dimension}\u0000${key ?? ''}`;
        const tally = tallies.get(id) ?? {
          dimension,
          key,
          staff: 0,
          compliant: 0,
          creditTenths: 0,
        };
        tally.staff += cell.staff;
        tally.compliant += cell.compliant;
        tally.creditTenths += tenths;
        tallies.set(id, tally);
      }
      addRow(sums, cell);
    }
    return { groups: [...tallies.values()], sums };
  }

  /** The overall sums of a subtree's year (last year's curve). */
  async sums(db: DbOrTx, path: string, year: number): Promise<YearSums> {
    const rows = await queryRows<SummedRow>(
      db,
      sql`select ${summedColumns()} from ${t}
          where ${t.year} = ${year} and ${t.unitPath} like ${`${path}%`}`,
    );
    const sums = emptySums();
    for (const row of rows) addRow(sums, row);
    return sums;
  }

  /**
   * Units whose stored tallies differ from a fresh sum of their standings (not counting
   * those queued), at most `limit`, and how many in all.
   */
  async differences(
    db: DbOrTx,
    only: { year?: number | undefined; path?: string | undefined },
    limit: number,
  ): Promise<{ count: number; first: TallyDifference[] }> {
    const scope = (alias: string) =>
      sql`${only.year === undefined ? sql`true` : sql`${sql.raw(alias)}.year = ${only.year}`}
        and ${only.path ? sql`${sql.raw(alias)}.unit_path like ${`${only.path}%`}` : sql`true`}`;
    const rows = await queryRows<TallyDifference & { total: number }>(
      db,
      sql`
      with fresh as (
        select ${groupColumns}, ${freshColumns()}
        from ${s} where ${scope('person_standings')}
        group by 1, 2, 3, 4, 5, 6
      ), stored as (
        select t.year, t.unit_id, t.unit_path, t.profession, t.title_grade, t.unit_level,
          t.staff, t.compliant, t.credit_tenths, t.buckets, t.months, t.channels
        from ${t} t where ${scope('t')}
      ), differing as (
        select coalesce(f.year, d.year) as year, coalesce(f.unit_id, d.unit_id) as unit_id
        from fresh f full join stored d
          on f.year = d.year and f.unit_id = d.unit_id and f.unit_path = d.unit_path
          and f.profession = d.profession and f.title_grade = d.title_grade
          and coalesce(f.unit_level, '') = coalesce(d.unit_level, '')
        where f.year is null or d.year is null
          or (f.staff, f.compliant, f.credit_tenths, f.buckets, f.months, f.channels)
             is distinct from (d.staff, d.compliant, d.credit_tenths, d.buckets, d.months, d.channels)
      ), units as (
        select x.year, x.unit_id from differing x
        where not exists (select 1 from ${standingTallyQueue} q
          where q.year = x.year and q.unit_id = x.unit_id)
        group by x.year, x.unit_id
      ), counted as (
        select u.year, u.unit_id,
          (select coalesce(sum(staff), 0)::int from stored d where d.year = u.year and d.unit_id = u.unit_id) as stored,
          (select coalesce(sum(staff), 0)::int from fresh f where f.year = u.year and f.unit_id = u.unit_id) as fresh
        from units u
      )
      select year, unit_id as "unitId", stored, fresh, (select count(*)::int from counted) as total
      from counted order by year, unit_id limit ${limit}`,
    );
    return {
      count: rows[0]?.total ?? 0,
      first: rows.map(({ year, unitId, stored, fresh }) => ({ year, unitId, stored, fresh })),
    };
  }
}

function emptySums(): YearSums {
  return {
    staff: 0,
    compliant: 0,
    creditTenths: 0,
    buckets: Array.from({ length: bucketCount }, () => 0),
    months: Array.from({ length: 12 }, () => 0),
    channels: creditChannels.map(() => 0),
  };
}

function addRow(into: YearSums, row: SummedRow): void {
  into.staff += row.staff;
  into.compliant += row.compliant;
  into.creditTenths += Number(row.tenths);
  const add = (to: number[], from: readonly (number | null)[] | null) =>
    from?.forEach((v, i) => (to[i] = (to[i] ?? 0) + (v ?? 0)));
  add(into.buckets, row.buckets);
  add(into.months, row.months);
  add(into.channels, row.channels);
}
