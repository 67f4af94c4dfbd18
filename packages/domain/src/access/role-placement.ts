/**
 * Which role may be held at which kind of organisation, and which roles an administrator
 * may hand out. Learner accounts are not handed out here: they come with the person's
 * registration (people import or the people page).
 */
type OrgKind =
  | 'province'
  | 'city'
  | 'district'
  | 'unit'
  | 'association'
  | 'cme_office'
  | 'host'
  | 'platform'
  | 'hr_platform';
type Role =
  'learner' | 'unit_admin' | 'reviewer' | 'host_admin' | 'province_admin' | 'system_admin';
export type AdminRole = Exclude<Role, 'learner'>;

export const roleOrgKinds: Readonly<Record<AdminRole, readonly OrgKind[]>> = {
  // A unit's CME officer, at the unit.
  unit_admin: ['unit'],
  // Reviewing bodies of review chains: commissions, medical associations, CME offices.
  reviewer: ['province', 'city', 'district', 'association', 'cme_office'],
  // Project hosts: dedicated hosts, associations and units (hospitals host projects too).
  host_admin: ['host', 'association', 'unit'],
  // The provincial CME office, at the provincial commission or its CME office.
  province_admin: ['province', 'cme_office'],
  system_admin: ['province'],
};

/** Roles each administrator may hand out (within their own subtree). */
const grantable: Readonly<Partial<Record<Role, readonly AdminRole[]>>> = {
  province_admin: ['unit_admin', 'reviewer', 'host_admin', 'province_admin'],
  system_admin: ['unit_admin', 'reviewer', 'host_admin', 'province_admin', 'system_admin'],
};

export type RolePlacementProblem = 'role_not_grantable' | 'org_kind_mismatch';

/** Why `callerRole` may not give `role` at an org of `orgKind`; null when it may. */
export function rolePlacementProblem(
  callerRole: Role,
  role: Role,
  orgKind: OrgKind,
): RolePlacementProblem | null {
  const allowed = grantable[callerRole] ?? [];
  if (role === 'learner' || !allowed.includes(role)) return 'role_not_grantable';
  return roleOrgKinds[role].includes(orgKind) ? null : 'org_kind_mismatch';
}
