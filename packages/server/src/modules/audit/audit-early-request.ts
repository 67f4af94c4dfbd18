import type { EarlyAudit, EarlyAuditCreate } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import type { OrgRow } from '../orgs/orgs.service';
import { auditFor, unitIn } from './audit-access';
import type { AuditDeps } from './audit-deps';
import { AuditPolicies, evaluatePerson, type AuditEvaluation } from './audit-evaluate';
import type { AuditRow } from './audit-records.repository';
import type { EarlyRequestRow } from './audit-reports.repository';
import { chinaDay, toEarly, type EarlyPersonResult } from './audit-view';
import { canSeeEarlyRequest } from './audit.policy';

/** The rules engine over the named people's effective claims, one SQL pass. */
export async function evaluateNamed(
  deps: AuditDeps,
  db: DbOrTx,
  audit: AuditRow,
  province: OrgRow,
  personIds: readonly string[],
): Promise<AuditEvaluation[]> {
  const { repository } = deps;
  const policies = new AuditPolicies(
    deps.policies,
    await repository.people.orgsWithin(db, province.path),
    audit.year,
  );
  const named = await repository.people.personNames(db, personIds);
  const fromYear = policies.fromYearOf(new Set([...named.values()].map((p) => p.unitId)));
  const rows = await repository.people.namedPeopleWithClaims(db, personIds, fromYear, audit.year);
  return rows.map((p) => evaluatePerson(policies, audit.year, p));
}

/** What a request shows of each person: the name, compliant or not, the credits. */
export function earlySummaries(
  evals: readonly AuditEvaluation[],
  names: Map<string, { name: string }>,
) {
  return evals.map((e): EarlyPersonResult => ({
    personId: e.personId,
    name: names.get(e.personId)?.name ?? '',
    compliant: e.compliant,
    totalCredits: e.totalCredits,
  }));
}

/** Before the early deadline, a unit names staff of its own to be audited now. */
export async function requestEarlyAudit(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  body: EarlyAuditCreate,
  ip: string,
): Promise<EarlyAudit> {
  const { audit, province } = await auditFor(deps, actor, id, 'audit:report');
  const unit = await unitIn(deps, actor, province, body.unitId, 'audit:report');
  if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
  const today = chinaDay(deps.clock.now());
  if (!audit.earlyDeadline || today > audit.earlyDeadline) {
    throw new AppError('invalid_state', 'Early audit requests are closed', {
      earlyDeadline: audit.earlyDeadline,
    });
  }
  const { db, repository, orgs, clock } = deps;
  const personIds = [...new Set(body.personIds)];
  const names = await repository.people.personNames(db, personIds);
  const issues = body.personIds.flatMap((pid, i) =>
    names.get(pid)?.unitId === unit.id
      ? []
      : [{ path: `personIds.${String(i)}`, message: 'not on this unit’s staff' }],
  );
  if (issues.length > 0) {
    throw new AppError(
      'validation_failed',
      issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      undefined,
      issues,
    );
  }
  const row = await db.transaction(async (tx) => {
    const evals = await evaluateNamed(deps, tx, audit, province, personIds);
    const chain = await orgs.chainInForce(tx, unit);
    const steps = chain.steps.map((s) => s.orgId).filter((s) => s !== unit.id);
    const first = steps[0];
    if (!first) throw new AppError('invalid_state', 'The unit has no review chain');
    const created = await repository.reports.insertEarly(tx, {
      auditId: audit.id,
      year: audit.year,
      unitId: unit.id,
      personIds,
      results: earlySummaries(evals, names),
      reason: body.reason ?? null,
      status: 'reported',
      chainSteps: steps,
      currentStep: 0,
      currentReviewerOrgId: first,
      requestedBy: actor.userId,
      requestedAt: clock.now(),
    });
    await recordEarlyAction(deps, tx, actor, ip, created, unit, 'requested', null, 'reported');
    return created;
  });
  return toEarly(row, unit.name);
}

/** The action row and the audit-log entry of one step of a request. */
export async function recordEarlyAction(
  deps: AuditDeps,
  tx: DbOrTx,
  actor: Actor,
  ip: string,
  row: EarlyRequestRow,
  unit: OrgRow,
  action: 'requested' | 'approved' | 'returned',
  from: string | null,
  to: string,
  reason?: string,
) {
  await deps.repository.reports.insertAction(tx, {
    auditId: row.auditId,
    unitId: row.unitId,
    earlyRequestId: row.id,
    step: row.currentStep,
    reviewerOrgId: row.currentReviewerOrgId,
    actorUserId: actor.userId,
    action,
    fromStatus: from,
    toStatus: to,
    reason: reason ?? null,
    at: deps.clock.now(),
  });
  await deps.auditLog.record(
    actorEvent(actor, `audit.early_${action}`, ip, {
      targetType: 'early_audit_request',
      targetId: row.id,
      orgPath: unit.path,
      details: { people: row.personIds.length, ...(reason ? { reason } : {}) },
    }),
    tx,
  );
}

/** Requests of units in the caller's read scope, or waiting at their reviewing level. */
export async function listEarlyAudits(
  deps: AuditDeps,
  actor: Actor,
  id: string,
): Promise<{ items: EarlyAudit[] }> {
  const { audit, province } = await auditFor(deps, actor, id);
  const { db, repository } = deps;
  const byId = new Map(
    (await repository.people.orgsWithin(db, province.path)).map((o) => [o.id, o]),
  );
  const rows = (await repository.reports.earlyOf(db, audit.id)).filter((r) =>
    canSeeEarlyRequest(actor, {
      unit: byId.get(r.unitId),
      reviewer: r.currentReviewerOrgId ? byId.get(r.currentReviewerOrgId) : undefined,
    }),
  );
  return { items: rows.map((r) => toEarly(r, byId.get(r.unitId)?.name ?? '')) };
}
