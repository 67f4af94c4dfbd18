import type { Audit } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import type { OrgRow } from '../orgs/orgs.service';
import type { AuditDeps } from './audit-deps';
import type { AuditRow } from './audit-records.repository';
import { chinaDay, toAudit } from './audit-view';

export function staleAudit(audit: AuditRow): AppError {
  return new AppError('stale_state', 'The audit was changed by someone else: reload it', {
    id: audit.id,
  });
}

/** The credit year of today (China time); only years before it can be audited. */
export function currentYear(deps: AuditDeps): number {
  return Number(chinaDay(deps.clock.now()).slice(0, 4));
}

/** Whether `actor` holds `permission` somewhere in the province (above or below). */
export function touches(actor: Actor, permission: Parameters<typeof scopeOf>[1], path: string) {
  return scopeOf(actor, permission).some((r) => r.startsWith(path) || path.startsWith(r));
}

/** The audit, when the actor holds `permission` in its province; else 404. */
export async function auditFor(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  permission: 'audit:read' | 'audit:manage' | 'audit:report' | 'audit:review' = 'audit:read',
): Promise<{ audit: AuditRow; province: OrgRow }> {
  const audit = await deps.repository.records.findAudit(deps.db, id);
  const province = audit ? await deps.orgs.findAny(audit.provinceId) : undefined;
  const allowed =
    province &&
    (permission === 'audit:manage'
      ? isWithinScope(scopeOf(actor, permission), province.path)
      : touches(actor, permission, province.path));
  if (!audit || !province || !allowed) {
    throw new AppError('not_found', 'No such audit', { id });
  }
  return { audit, province };
}

/** The audit as the API shows it, with its last run. */
export async function auditView(
  deps: AuditDeps,
  audit: AuditRow,
  province: OrgRow,
): Promise<Audit> {
  const runs = await deps.repository.records.lastRuns(deps.db, [audit.id]);
  return toAudit(audit, province.name, runs.get(audit.id));
}

/** The unit (and its ancestors) as an id map, with the chain's orgs. */
export async function orgMapFor(
  deps: AuditDeps,
  items: readonly (OrgRow | string)[],
): Promise<Map<string, OrgRow>> {
  const ids = new Set<string>();
  for (const item of items) {
    if (typeof item === 'string') ids.add(item);
    else for (const id of item.path.split('/').filter(Boolean)) ids.add(id);
  }
  return new Map((await deps.orgs.findAnyOf([...ids])).map((o) => [o.id, o]));
}

/** A unit of the province inside the caller's `permission` subtree; else 404. */
export async function unitIn(
  deps: AuditDeps,
  actor: Actor,
  province: OrgRow,
  unitId: string,
  permission: 'audit:read' | 'audit:report' | 'audit:manage',
): Promise<OrgRow> {
  const unit = await deps.orgs.findAny(unitId);
  if (
    !unit ||
    !unit.path.startsWith(province.path) ||
    !isWithinScope(scopeOf(actor, permission), unit.path)
  ) {
    throw new AppError('not_found', 'No such unit', { unitId });
  }
  return unit;
}

/** The step's reviewing body, when the caller may act for it; 404 when they see nothing. */
export async function reviewerCheck(
  deps: AuditDeps,
  actor: Actor,
  chainSteps: readonly string[],
  currentOrgId: string | null,
) {
  const scope = scopeOf(actor, 'audit:review');
  const steps = await deps.orgs.findAnyOf([...chainSteps]);
  if (!steps.some((s) => isWithinScope(scope, s.path))) return 'hidden' as const;
  const current = steps.find((s) => s.id === currentOrgId);
  return current && isWithinScope(scope, current.path) ? ('ok' as const) : ('other' as const);
}
