import { sql, type SQL } from 'drizzle-orm';
import type { OrgKind, Role } from '@jijiao/contracts';
import type { Grant } from '../../platform/auth/actor';
import { orgs } from '../../platform/db/tables/orgs';
import { userRoles, users } from '../../platform/db/tables/users';

/**
 * The grants of the `users` row of the enclosing query as one json column, for a query
 * that reads the user anyway (the session lookup of every request): same rows and order
 * as `UsersRepository.grantsOf`. Written `"users".id`, not a column interpolation: drizzle
 * leaves a column unqualified in a one-table select, where it would bind to `orgs.id`.
 */
export function grantsJsonSql(): SQL<GrantJson[]> {
  return sql<GrantJson[]>`coalesce((
    select json_agg(json_build_object('role', ur.role, 'orgId', o.id, 'orgPath', o.path,
        'orgName', o.name, 'orgKind', o.kind) order by o.depth, ur.role)
    from ${userRoles} ur join ${orgs} o on o.id = ur.org_id
    where ur.user_id = ${users}.id), '[]'::json)`;
}

export interface GrantJson {
  role: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  orgKind: string;
}

export function grantsFromJson(rows: readonly GrantJson[]): Grant[] {
  return rows.map((r) => ({ ...r, role: r.role as Role, orgKind: r.orgKind as OrgKind }));
}
