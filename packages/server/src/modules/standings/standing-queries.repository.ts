import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import { personStandings, standingQueue } from '../../platform/db/tables/standings';

/** One pass over a subtree's year: the overall tally, 5-credit buckets, months, channels. */
export interface YearSums {
  staff: number;
  compliant: number;
  creditTenths: number;
  /** People with [0, 5), [5, 10) … [35, 40) and ≥ 40 credits. */
  buckets: number[];
  /** Counted credits by month, January first. */
  months: number[];
  /** Counted credits by each channel asked for, in that order. */
  channels: number[];
}

/** The filters of a progress list over a subtree's standings of a year. */
export interface ProgressFilter {
  path: string;
  year: number;
  compliant?: boolean | undefined;
  profession?: string | undefined;
  titleGrade?: string | undefined;
  shortfallMin?: number | undefined;
  shortfallMax?: number | undefined;
}

export type ProgressSortKey =
  | { sort: 'shortfall' }
  | { sort: 'name'; order: 'asc' | 'desc' }
  | { sort: 'credits'; order: 'asc' | 'desc' };

/** The cursor of a page: the sort key of its last row. */
export type ProgressAfter = (string | number | boolean)[];

export interface ProgressRow {
  personId: string;
  name: string;
  idNumberMasked: string;
  profession: string;
  titleGrade: string;
  unitId: string;
  unitName: string;
  totalCredits: number;
  required: number;
  shortfall: number;
  classCredits: Record<string, number>;
  requirements: unknown[];
  unmet: string[];
  compliant: boolean;
  pendingCount: number;
  pendingCredits: number;
  computedAt: Date;
}

export interface GroupCount {
  dimension: 'child' | 'profession' | 'titleGrade' | 'unitLevel';
  key: string | null;
  staff: number;
  compliant: number;
  creditTenths: number;
}

const s = personStandings;

function filterSql(f: ProgressFilter): SQL {
  const parts: SQL[] = [sql`${s.year} = ${f.year}`, sql`${s.unitPath} like ${`${f.path}%`}`];
  if (f.compliant !== undefined) parts.push(sql`${s.compliant} = ${f.compliant}`);
  if (f.profession) parts.push(sql`${s.profession} = ${f.profession}`);
  if (f.titleGrade) parts.push(sql`${s.titleGrade} = ${f.titleGrade}`);
  if (f.shortfallMin !== undefined) parts.push(sql`${s.shortfall} >= ${f.shortfallMin}`);
  if (f.shortfallMax !== undefined) parts.push(sql`${s.shortfall} <= ${f.shortfallMax}`);
  return sql.join(parts, sql` and `);
}

/** ORDER BY and the keyset condition "after this row" of each sort. */
function orderSql(
  key: ProgressSortKey,
  after: ProgressAfter | undefined,
): { order: SQL; after: SQL } {
  switch (key.sort) {
    case 'shortfall': {
      // Behind first, largest shortfall first, then name and id: one ascending key
      // (`-shortfall`), the index's order, so the keyset is one row comparison.
      const order = sql`${s.compliant}, (-${s.shortfall}), ${s.name}, ${s.personId}`;
      if (!after) return { order, after: sql`true` };
      const [compliant, shortfall, name, id] = after;
      return {
        order,
        after: sql`(${s.compliant}, (-${s.shortfall}), ${s.name}, ${s.personId}) > (${compliant}::boolean, ${-Number(shortfall)}::numeric, ${name}::text, ${id}::uuid)`,
      };
    }
    case 'name':
    case 'credits': {
      const column = key.sort === 'name' ? s.name : s.totalCredits;
      const dir = key.order === 'asc' ? sql`asc` : sql`desc`;
      const order = sql`${column} ${dir}, ${s.personId} ${dir}`;
      if (!after) return { order, after: sql`true` };
      const [value, id] = after;
      const cmp = key.order === 'asc' ? sql`>` : sql`<`;
      const typed = key.sort === 'name' ? sql`${value}::text` : sql`${value}::numeric`;
      return { order, after: sql`(${column}, ${s.personId}) ${cmp} (${typed}, ${id}::uuid)` };
    }
  }
}

/** The sort key of a row, as the next page's cursor. */
export function cursorKeyOf(key: ProgressSortKey, row: ProgressRow): ProgressAfter {
  switch (key.sort) {
    case 'shortfall':
      return [row.compliant, row.shortfall, row.name, row.personId];
    case 'name':
      return [row.name, row.personId];
    case 'credits':
      return [row.totalCredits, row.personId];
  }
}

/** SQL over the stored standings: the progress lists, their counts and the statistics. */
export class StandingQueriesRepository {
  /**
   * One page of a subtree's year, `limit` rows after the cursor, each row carrying how many
   * standings of the subtree's year wait in the queue and since when (computed once per
   * statement), so that the page and its freshness are one round trip.
   */
  async page(
    db: DbOrTx,
    filter: ProgressFilter,
    key: ProgressSortKey,
    after: ProgressAfter | undefined,
    limit: number,
  ): Promise<(ProgressRow & { staleCount: number; staleSince: Date | null })[]> {
    const { order, after: afterSql } = orderSql(key, after);
    const waiting = sql`from ${standingQueue} q join ${people} qp on qp.id = q.person_id
          join ${orgs} qo on qo.id = qp.unit_id
          where q.year = ${filter.year} and qo.path like ${`${filter.path}%`}`;
    const rows = await queryRows<
      ProgressRow & {
        computedAt: string | Date;
        staleCount: number;
        staleSince: string | Date | null;
      }
    >(
      db,
      sql`select ${s.personId} as "personId", ${s.name} as name,
            p.id_number_masked as "idNumberMasked", ${s.profession} as profession,
            ${s.titleGrade} as "titleGrade", ${s.unitId} as "unitId", o.name as "unitName",
            ${s.totalCredits}::float8 as "totalCredits", ${s.required}::float8 as required,
            ${s.shortfall}::float8 as shortfall, ${s.classCredits} as "classCredits",
            ${s.requirements} as requirements, ${s.unmet} as unmet, ${s.compliant} as compliant,
            ${s.pendingCount} as "pendingCount", ${s.pendingCredits}::float8 as "pendingCredits",
            ${s.computedAt} as "computedAt",
            (select count(*)::int ${waiting}) as "staleCount",
            (select min(q.queued_at) ${waiting}) as "staleSince"
          from ${s}
          join ${people} p on p.id = ${s.personId}
          join ${orgs} o on o.id = ${s.unitId}
          where ${filterSql(filter)} and ${afterSql}
          order by ${order}
          limit ${limit}`,
    );
    return rows.map((r) => ({
      ...r,
      computedAt: new Date(r.computedAt),
      staleSince: r.staleSince === null ? null : new Date(r.staleSince),
    }));
  }

  /** Everyone of the subtree, those behind, and those matching the filters. */
  async counts(
    db: DbOrTx,
    filter: ProgressFilter,
  ): Promise<{ staff: number; behind: number; total: number }> {
    const scope = { path: filter.path, year: filter.year };
    const rows = await queryRows<{ staff: number; behind: number; total: number }>(
      db,
      sql`select count(*)::int as staff,
            count(*) filter (where not ${s.compliant})::int as behind,
            count(*) filter (where ${filterSql(filter)})::int as total
          from ${s} where ${filterSql(scope)}`,
    );
    return rows[0] ?? { staff: 0, behind: 0, total: 0 };
  }

  /**
   * The statistics' breakdowns in one grouped pass: by child organisation (the path segment
   * below `path`), profession, title grade and unit level.
   */
  async groups(db: DbOrTx, path: string, year: number, depth: number): Promise<GroupCount[]> {
    // A literal, not a parameter: GROUP BY matches the select's expressions textually.
    const child = sql`split_part(${s.unitPath}, '/', ${sql.raw(String(Math.trunc(depth) + 2))})`;
    const level = sql`coalesce(${s.unitLevel}, 'none')`;
    const rows = await queryRows<{
      child: string | null;
      profession: string | null;
      titleGrade: string | null;
      unitLevel: string | null;
      g: number;
      staff: number;
      compliant: number;
      tenths: string | number;
    }>(
      db,
      sql`select ${child} as child, ${s.profession} as profession, ${s.titleGrade} as "titleGrade",
            ${level} as "unitLevel",
            grouping(${child}, ${s.profession}, ${s.titleGrade}, ${level}) as g,
            count(*)::int as staff,
            count(*) filter (where ${s.compliant})::int as compliant,
            coalesce(sum(${s.totalCredits} * 10), 0)::bigint as tenths
          from ${s}
          where ${s.year} = ${year} and ${s.unitPath} like ${`${path}%`}
          group by grouping sets ((${child}), (${s.profession}), (${s.titleGrade}), (${level}))`,
    );
    // grouping() has a bit per column, most significant first: 0 where the column is grouped.
    const dimensions: Record<number, GroupCount['dimension']> = {
      0b0111: 'child',
      0b1011: 'profession',
      0b1101: 'titleGrade',
      0b1110: 'unitLevel',
    };
    return rows.map((r) => {
      const dimension = dimensions[r.g] ?? 'child';
      const key = {
        child: r.child,
        profession: r.profession,
        titleGrade: r.titleGrade,
        unitLevel: r.unitLevel,
      }[dimension];
      return {
        dimension,
        key,
        staff: r.staff,
        compliant: r.compliant,
        creditTenths: Number(r.tenths),
      };
    });
  }

  /**
   * In one pass over a subtree's year: how many people, counted credits by month (January
   * first) and by each of `channels` (the channel each claim first arrived by).
   */
  async sums(
    db: DbOrTx,
    path: string,
    year: number,
    channels: readonly string[],
  ): Promise<YearSums> {
    // Literal keys: a bound parameter would not be the same expression in every column.
    const monthSums = Array.from(
      { length: 12 },
      (_, m) =>
        sql`coalesce(sum((${s.monthlyCredits} ->> ${sql.raw(String(m))})::numeric), 0)::float8`,
    );
    const channelSums = channels.map(
      (c) =>
        sql`coalesce(sum((${s.channelCredits} ->> ${sql.raw(`'${c.replace(/[^a-z_]/g, '')}'`)})::numeric), 0)::float8`,
    );
    const buckets = Array.from(
      { length: 9 },
      (_, i) =>
        sql`count(*) filter (where ${s.totalCredits} >= ${sql.raw(String(i * 5))}${i < 8 ? sql` and ${s.totalCredits} < ${sql.raw(String(i * 5 + 5))}` : sql``})::int`,
    );
    const rows = await queryRows<{
      staff: number;
      compliant: number;
      tenths: string | number;
      buckets: number[];
      months: number[];
      channels: number[] | null;
    }>(
      db,
      sql`select count(*)::int as staff, count(*) filter (where ${s.compliant})::int as compliant,
            coalesce(sum(${s.totalCredits} * 10), 0)::bigint as tenths,
            array[${sql.join(buckets, sql`, `)}] as buckets,
            array[${sql.join(monthSums, sql`, `)}] as months,
            ${channelSums.length > 0 ? sql`array[${sql.join(channelSums, sql`, `)}]` : sql`null::float8[]`} as channels
          from ${s} where ${s.year} = ${year} and ${s.unitPath} like ${`${path}%`}`,
    );
    const row = rows[0];
    return {
      staff: row?.staff ?? 0,
      compliant: row?.compliant ?? 0,
      creditTenths: Number(row?.tenths ?? 0),
      buckets: row?.buckets ?? [],
      months: row?.months ?? [],
      channels: channels.map((_, i) => row?.channels?.[i] ?? 0),
    };
  }
}
