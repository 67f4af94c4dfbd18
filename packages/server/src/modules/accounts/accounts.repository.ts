import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { likeContains } from '../../platform/db/scope-sql';

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  lockedUntil: Date | string | null;
  createdAt: Date | string;
  roles: { role: string; orgId: string; orgName: string }[] | string;
}

/** The account's sign-in is locked at `now` (five failed attempts, for a while). */
const lockedNow = (now: Date): SQL =>
  sql`select 1 from login_attempts l where l.username_key = u.username and l.locked_until > ${now}`;

function scopeSql(scope: readonly string[]): SQL {
  return sql.join(
    scope.map((root) => sql`o.path like ${`${root}%`}`),
    sql` or `,
  );
}

/** How many accounts with a role within `scope` are locked at `now`. */
export async function countLockedAccounts(
  db: DbOrTx,
  scope: readonly string[],
  now: Date,
): Promise<number> {
  if (scope.length === 0) return 0;
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from users u
         where exists (${lockedNow(now)})
           and exists (select 1 from user_roles r join orgs o on o.id = r.org_id
                        where r.user_id = u.id and (${scopeSql(scope)}))`,
  );
  return row?.count ?? 0;
}

/**
 * Accounts that hold a role at an organisation within `scope` (materialised paths), with
 * every role they hold there, by username; keyset on the username.
 */
export async function listAccounts(
  db: DbOrTx,
  scope: readonly string[],
  filter: {
    q?: string;
    role?: string;
    locked?: boolean;
    afterUsername?: string;
    limit: number;
    now: Date;
  },
  onlyId?: string,
): Promise<AccountRow[]> {
  if (scope.length === 0) return [];
  const inScope = scopeSql(scope);
  const conditions: SQL[] = [sql`(${inScope})`];
  if (filter.role !== undefined) conditions.push(sql`r.role = ${filter.role}`);
  const userConditions: SQL[] = [];
  if (filter.q !== undefined) {
    const pattern = likeContains(filter.q.toLowerCase());
    userConditions.push(sql`(u.username like ${pattern} or lower(u.display_name) like ${pattern})`);
  }
  if (filter.locked !== undefined)
    userConditions.push(
      filter.locked
        ? sql`exists (${lockedNow(filter.now)})`
        : sql`not exists (${lockedNow(filter.now)})`,
    );
  if (filter.afterUsername !== undefined)
    userConditions.push(sql`u.username > ${filter.afterUsername}`);
  if (onlyId !== undefined) userConditions.push(sql`u.id = ${onlyId}`);
  const where = sql.join(conditions, sql` and `);
  const userWhere = userConditions.length === 0 ? sql`true` : sql.join(userConditions, sql` and `);
  return queryRows<AccountRow>(
    db,
    sql`select u.id, u.username, u.display_name as "displayName",
          u.must_change_password as "mustChangePassword",
          case when a.locked_until > ${filter.now} then a.locked_until end as "lockedUntil",
          u.created_at as "createdAt",
          (select coalesce(jsonb_agg(jsonb_build_object('role', r.role, 'orgId', o.id, 'orgName', o.name)
                                     order by o.depth, r.role), '[]'::jsonb)
             from user_roles r join orgs o on o.id = r.org_id
            where r.user_id = u.id and (${inScope})) as roles
        from users u
        left join login_attempts a on a.username_key = u.username
        where ${userWhere}
          and exists (select 1 from user_roles r join orgs o on o.id = r.org_id
                      where r.user_id = u.id and ${where})
        order by u.username
        limit ${filter.limit}`,
  );
}
