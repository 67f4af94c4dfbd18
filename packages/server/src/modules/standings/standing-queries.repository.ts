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
}
