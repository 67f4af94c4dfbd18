// Roles and permissions as plain data, without zod: the web's start-up bundle reads them
// (who may open what) and must not carry the schema library for it (ADR 0022). The schemas
// are in access.ts.

/** Roles a user holds at an organisation; each grants its permissions over that org's subtree. */
export const roles = [
  'learner',
  'unit_admin',
  'reviewer',
  'host_admin',
  'province_admin',
  'system_admin',
] as const;
export type Role = (typeof roles)[number];

/**
 * Permissions a route can require. `public` and `authenticated` are pseudo-permissions:
 * no sign-in, and any signed-in user. Every route declares exactly one.
 */
export const permissions = [
  'org:read',
  'org:manage',
  'user:read',
  'user:manage',
  'audit_log:read',
  'credit:read_own',
  'credit:submit_own',
  'credit:enter',
  'credit:review',
  'award:manage',
  'award:review',
  'platform:manage',
  'project:read',
  'project:manage',
  'project:file',
  'person:read',
  'person:manage',
  'person:reveal_id',
  'certificate:read_own',
  'certificate:read',
  'certificate:manage',
  'hr_push:manage',
  'audit:read',
  'audit:manage',
  'audit:report',
  'audit:review',
  'card:own',
  'card:manage',
  'card:issue',
  'system:monitor',
] as const;
export type Permission = (typeof permissions)[number];
export type RoutePermission = Permission | 'public' | 'authenticated';
/**
 * What a server route may declare: also `platform_key`, an online platform's API key, and
 * `device`, a check-in kiosk's device token (both `Authorization: Bearer`, no session, no
 * CSRF token).
 */
export type ApiRoutePermission = RoutePermission | 'platform_key' | 'device';

export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  learner: ['credit:read_own', 'credit:submit_own', 'certificate:read_own', 'card:own'],
  unit_admin: [
    'org:read',
    'user:read',
    'person:read',
    'person:manage',
    'credit:enter',
    'credit:review',
    'certificate:read',
    'audit:read',
    'audit:report',
    'card:manage',
  ],
  reviewer: [
    'org:read',
    'person:read',
    'credit:review',
    'project:read',
    'audit:read',
    'audit:review',
    'card:issue',
  ],
  host_admin: ['org:read', 'project:read', 'project:manage', 'award:manage'],
  province_admin: [
    'org:read',
    'org:manage',
    'user:read',
    'user:manage',
    'person:read',
    'person:manage',
    'person:reveal_id',
    'credit:review',
    'award:review',
    'platform:manage',
    'project:read',
    'project:file',
    'audit_log:read',
    'certificate:read',
    'certificate:manage',
    'hr_push:manage',
    'audit:read',
    'audit:manage',
    'audit:review',
    'card:manage',
    'card:issue',
  ],
  system_admin: [
    'org:read',
    'org:manage',
    'user:read',
    'user:manage',
    'audit_log:read',
    'person:read',
    'person:reveal_id',
    'system:monitor',
  ],
};

export function permissionsOf(roleList: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roleList) for (const p of rolePermissions[role]) granted.add(p);
  return permissions.filter((p) => granted.has(p));
}
