import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import { personStandings } from '../../platform/db/tables/standings';

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
  dimension: 'overall' | 'child' | 'profession' | 'titleGrade' | 'unitLevel' | 'bucket';
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
      // Behind first, largest shortfall first, then name and id (the index's order).
      const order = sql`${s.compliant} asc, ${s.shortfall} desc, ${s.name} asc, ${s.personId} asc`;
      if (!after) return { order, after: sql`true` };
      const [compliant, shortfall, name, id] = after;
      return {
        order,
        after: sql`(${s.compliant} > ${compliant} or (${s.compliant} = ${compliant} and (${s.shortfall} < ${shortfall} or (${s.shortfall} = ${shortfall} and (${s.name}, ${s.personId}) > (${name}, ${id}::uuid)))))`,
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
      return { order, after: sql`(${column}, ${s.personId}) ${cmp} (${value}, ${id}::uuid)` };
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
  /** One page of a subtree's year, `limit` rows after the cursor. */
  async page(
    db: DbOrTx,
    filter: ProgressFilter,
    key: ProgressSortKey,
    after: ProgressAfter | undefined,
    limit: number,
  ): Promise<ProgressRow[]> {
    const { order, after: afterSql } = orderSql(key, after);
    const rows = await queryRows<ProgressRow & { computedAt: string | Date }>(
      db,
      sql`select ${s.personId} as "personId", ${s.name} as name,
            p.id_number_masked as "idNumberMasked", ${s.profession} as profession,
            ${s.titleGrade} as "titleGrade", ${s.unitId} as "unitId", o.name as "unitName",
            ${s.totalCredits}::float8 as "totalCredits", ${s.required}::float8 as required,
            ${s.shortfall}::float8 as shortfall, ${s.classCredits} as "classCredits",
            ${s.requirements} as requirements, ${s.unmet} as unmet, ${s.compliant} as compliant,
            ${s.pendingCount} as "pendingCount", ${s.pendingCredits}::float8 as "pendingCredits",
            ${s.computedAt} as "computedAt"
          from ${s}
          join ${people} p on p.id = ${s.personId}
          join ${orgs} o on o.id = ${s.unitId}
          where ${filterSql(filter)} and ${afterSql}
          order by ${order}
          limit ${limit}`,
    );
    return rows.map((r) => ({ ...r, computedAt: new Date(r.computedAt) }));
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
   * Every tally of the statistics in one pass: overall, by child organisation (the path
   * segment below `path`), profession, title grade, unit level and 5-credit bucket.
   */
  async groups(db: DbOrTx, path: string, year: number, depth: number): Promise<GroupCount[]> {
    // A literal, not a parameter: GROUP BY matches the select's expressions textually.
    const child = sql`split_part(${s.unitPath}, '/', ${sql.raw(String(Math.trunc(depth) + 2))})`;
    const bucket = sql`least(floor(${s.totalCredits} / 5), 8)::int::text`;
    const rows = await queryRows<{
      child: string | null;
      profession: string | null;
      titleGrade: string | null;
      unitLevel: string | null;
      bucket: string | null;
      g: number;
      staff: number;
      compliant: number;
      tenths: string | number;
    }>(
      db,
      sql`select ${child} as child, ${s.profession} as profession, ${s.titleGrade} as "titleGrade",
            coalesce(${s.unitLevel}, 'none') as "unitLevel", ${bucket} as bucket,
            grouping(${child}, ${s.profession}, ${s.titleGrade}, coalesce(${s.unitLevel}, 'none'), ${bucket}) as g,
            count(*)::int as staff,
            count(*) filter (where ${s.compliant})::int as compliant,
            coalesce(sum(${s.totalCredits} * 10), 0)::bigint as tenths
          from ${s}
          where ${s.year} = ${year} and ${s.unitPath} like ${`${path}%`}
          group by grouping sets ((), (${child}), (${s.profession}), (${s.titleGrade}),
            (coalesce(${s.unitLevel}, 'none')), (${bucket}))`,
    );
    // grouping() has a bit per column, most significant first: 0 where the column is grouped.
    const dimensionOf = (g: number): GroupCount['dimension'] => {
      if (g === 0b11111) return 'overall';
      if (g === 0b01111) return 'child';
      if (g === 0b10111) return 'profession';
      if (g === 0b11011) return 'titleGrade';
      if (g === 0b11101) return 'unitLevel';
      return 'bucket';
    };
    return rows.map((r) => {
      const dimension = dimensionOf(r.g);
      const key =
        dimension === 'overall'
          ? null
          : dimension === 'child'
            ? r.child
            : dimension === 'profession'
              ? r.profession
              : dimension === 'titleGrade'
                ? r.titleGrade
                : dimension === 'unitLevel'
                  ? r.unitLevel
                  : r.bucket;
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
  ): Promise<{ staff: number; months: number[]; channels: number[] }> {
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
    const rows = await queryRows<{ staff: number; months: number[]; channels: number[] | null }>(
      db,
      sql`select count(*)::int as staff, array[${sql.join(monthSums, sql`, `)}] as months,
            ${channelSums.length > 0 ? sql`array[${sql.join(channelSums, sql`, `)}]` : sql`null::float8[]`} as channels
          from ${s} where ${s.year} = ${year} and ${s.unitPath} like ${`${path}%`}`,
    );
    const row = rows[0];
    return {
      staff: row?.staff ?? 0,
      months: row?.months ?? [],
      channels: channels.map((_, i) => row?.channels?.[i] ?? 0),
    };
  }
}
