import type { Audit } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import type { OrgRow } from '../orgs/orgs.service';
import type { AuditDeps } from './audit-deps';
import type { AuditRow } from './audit-records.repository';
import { chinaDay, toAudit } from './audit-view';
import {
  auditPolicy,
  auditUnitPolicy,
  canReviewAuditStep,
  reviewsAnAuditStepOf,
  type AuditPermission,
  type AuditUnitPermission,
} from './audit.policy';

export function staleAudit(audit: AuditRow): AppError {
  return new AppError('stale_state', 'The audit was changed by someone else: reload it', {
    id: audit.id,
  });
}

/** The credit year of today (China time); only years before it can be audited. */
export function currentYear(deps: AuditDeps): number {
  return Number(chinaDay(deps.clock.now()).slice(0, 4));
}

/** The audit, when the actor holds `permission` in its province; else 404. */
export async function auditFor(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  permission: AuditPermission = 'audit:read',
): Promise<{ audit: AuditRow; province: OrgRow }> {
  const audit = await deps.repository.records.findAudit(deps.db, id);
  const province = audit ? await deps.orgs.findAny(audit.provinceId) : undefined;
  // The policy judges the audit by its province; a lost province reads as a missing audit.
  return visibleOr404(
    audit && province ? { audit, province } : undefined,
    (who: Actor, found: { province: OrgRow }) => auditPolicy[permission](who, found.province),
    actor,
    { what: 'audit', details: { id } },
  );
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
  permission: AuditUnitPermission,
): Promise<OrgRow> {
  const unit = await deps.orgs.findAny(unitId);
  // A unit of another province is not part of this audit: as missing as an unknown id.
  return visibleOr404(
    unit?.path.startsWith(province.path) ? unit : undefined,
    auditUnitPolicy[permission],
    actor,
    { what: 'unit', details: { unitId } },
  );
}

/** The step's reviewing body, when the caller may act for it; 404 when they see nothing. */
export async function reviewerCheck(
  deps: AuditDeps,
  actor: Actor,
  chainSteps: readonly string[],
  currentOrgId: string | null,
) {
  const steps = await deps.orgs.findAnyOf([...chainSteps]);
  if (!reviewsAnAuditStepOf(actor, steps)) return 'hidden' as const;
  const current = steps.find((s) => s.id === currentOrgId);
  return current && canReviewAuditStep(actor, current) ? ('ok' as const) : ('other' as const);
}
