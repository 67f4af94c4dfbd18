import {
  rolePermissions,
  type Me,
  type Permission,
  type Role,
  type RoleGrant,
  type RoutePermission,
} from '@jijiao/contracts';

/**
 * Who may open what. A route declares one permission (as the server's routes do), and may
 * narrow itself to some roles. The active role alone decides: a user holding several roles
 * sees one role's menu at a time.
 */
export interface RouteRule {
  permission: RoutePermission;
  roles?: readonly Role[];
}

export interface ActiveAccess {
  role: Role;
  permissions: ReadonlySet<Permission>;
}

/** The active role's permissions, limited to what the server granted this user. */
export function accessOf(me: Pick<Me, 'permissions'>, role: Role): ActiveAccess {
  const granted = new Set(me.permissions);
  return { role, permissions: new Set(rolePermissions[role].filter((p) => granted.has(p))) };
}

export function canOpen(rule: RouteRule, access: ActiveAccess | null): boolean {
  if (rule.permission === 'public') return true;
  if (access === null) return false;
  if (rule.roles !== undefined && !rule.roles.includes(access.role)) return false;
  if (rule.permission === 'authenticated') return true;
  if (rule.permission === 'device') return false;
  return access.permissions.has(rule.permission);
}

interface RuleNode<T> {
  rule?: RouteRule;
  children?: readonly T[];
}

/** The part of a route tree the access may open; groups left empty are dropped. */
export function filterTree<T extends RuleNode<T>>(nodes: readonly T[], access: ActiveAccess): T[] {
  const visible: T[] = [];
  for (const node of nodes) {
    if (node.rule !== undefined && !canOpen(node.rule, access)) continue;
    if (node.children === undefined) {
      visible.push(node);
      continue;
    }
    const children = filterTree(node.children, access);
    if (children.length > 0) visible.push({ ...node, children });
  }
  return visible;
}

/** Key under which the active role is remembered: a role can be held at several orgs. */
export function grantKey(grant: Pick<RoleGrant, 'role' | 'orgId'>): string {
  return `${grant.role}@${grant.orgId}`;
}

/** The remembered grant if the user still holds it, else the first one, else null. */
export function pickActiveGrant(
  grants: readonly RoleGrant[],
  storedKey: string | null,
): RoleGrant | null {
  return grants.find((g) => grantKey(g) === storedKey) ?? grants[0] ?? null;
}
