import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';

export interface DashboardSessionRow {
  sessionId: string;
  projectId: string;
  projectName: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  checkInCount: number;
  total: number;
}

/** Sessions of projects hosted within `scope`, cancelled projects left out. */
function sessionsWhere(scope: readonly string[], range: SQL): SQL {
  const inScope =
    scope.length === 0
      ? sql`false`
      : sql.join(
          scope.map((root) => sql`o.path like ${`${root}%`}`),
          sql` or `,
        );
  return sql`p.status <> 'cancelled' and (${inScope}) and ${range}`;
}

const columns = sql`s.id as "sessionId", s.project_id as "projectId", p.name as "projectName",
  s.date::text as "date", s.start_time as "startTime", s.end_time as "endTime", s.place,
  (select count(*)::int from check_ins c where c.session_id = s.id) as "checkInCount",
  (count(*) over ())::int as total`;

const from = sql`from project_sessions s
  join projects p on p.id = s.project_id
  join orgs o on o.id = p.host_id`;

/** Sessions from `first` to `last` (days, inclusive), earliest first, with how many in all. */
export function sessionsBetween(
  db: DbOrTx,
  f: { scope: readonly string[]; first: string; last: string; limit: number },
): Promise<DashboardSessionRow[]> {
  const range = sql`s.date between ${f.first}::date and ${f.last}::date`;
  return queryRows<DashboardSessionRow>(
    db,
    sql`select ${columns} ${from} where ${sessionsWhere(f.scope, range)}
        order by s.date, s.start_time, s.id limit ${f.limit}`,
  );
}

/** The latest sessions up to `last` (a day, inclusive), latest first, with their check-ins. */
export function sessionsUpTo(
  db: DbOrTx,
  f: { scope: readonly string[]; last: string; limit: number },
): Promise<DashboardSessionRow[]> {
  const range = sql`s.date <= ${f.last}::date`;
  return queryRows<DashboardSessionRow>(
    db,
    sql`select ${columns} ${from} where ${sessionsWhere(f.scope, range)}
        order by s.date desc, s.start_time desc, s.id desc limit ${f.limit}`,
  );
}
