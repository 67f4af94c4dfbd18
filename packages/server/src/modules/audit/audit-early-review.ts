import type { AuditDecision, EarlyAudit } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { auditFor, reviewerCheck } from './audit-access';
import type { AuditDeps } from './audit-deps';
import { earlySummaries, evaluateNamed, recordEarlyAction } from './audit-early-request';
import type { EarlyRequestRow } from './audit-reports.repository';
import { toEarly } from './audit-view';

/**
 * The reviewing body at the current step approves (the next step; at the last, the people
 * are evaluated again, credits may have changed, and the compliant get certificates) or
 * returns the request to the unit with a reason.
 */
export async function reviewEarlyRequest(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  requestId: string,
  body: AuditDecision,
  ip: string,
  action: 'approve' | 'return',
): Promise<EarlyAudit> {
  const { audit, province } = await auditFor(deps, actor, id, 'audit:review');
  if (action === 'return' && !body.reason) {
    throw new AppError('validation_failed', 'reason: required to return', undefined, [
      { path: 'reason', message: 'required to return' },
    ]);
  }
  const { db, repository, certificates, hrPush } = deps;
  const current = await repository.reports.findEarly(db, audit.id, requestId);
  const access = current
    ? await reviewerCheck(deps, actor, current.chainSteps, current.currentReviewerOrgId)
    : 'hidden';
  const unit = current ? await deps.orgs.findAny(current.unitId) : undefined;
  if (!current || !unit || access === 'hidden') {
    throw notFound({ what: 'early audit request', details: { requestId } });
  }
  if (current.version !== body.version) {
    throw new AppError('stale_state', 'The request was changed by someone else: reload it');
  }
  if (current.status !== 'reported') {
    throw new AppError('invalid_state', `A ${current.status} request is not waiting for review`);
  }
  if (access === 'other') {
    throw new AppError('forbidden', 'The request is waiting at another reviewing body');
  }
  const row = await db.transaction(async (tx) => {
    const next = current.chainSteps[current.currentStep + 1];
    let patch: Partial<EarlyRequestRow>;
    if (action === 'return') {
      patch = {
        status: 'returned',
        currentReviewerOrgId: null,
        returnReason: body.reason ?? null,
      };
    } else if (next) {
      patch = { currentStep: current.currentStep + 1, currentReviewerOrgId: next };
    } else {
      // The province's approval: evaluate again (credits may have changed) and issue.
      const evals = await evaluateNamed(deps, tx, audit, province, current.personIds);
      const names = await repository.people.personNames(tx, current.personIds);
      const passed = evals.filter((e) => e.compliant);
      const issued = await certificates.issueCertificates(tx, {
        provinceId: province.id,
        year: audit.year,
        people: passed.map((e) => ({
          personId: e.personId,
          unitId: e.unitId,
          totalCredits: e.totalCredits,
          classCredits: e.classCredits,
          packs: e.packVersions,
          hoursEquivalent: e.certificateHours && e.certificateHours > 0 ? e.certificateHours : null,
        })),
      });
      const all = [...issued.issued, ...issued.existing];
      if (all.length > 0) {
        await hrPush.enqueueHrPush(tx, {
          provinceId: province.id,
          kind: 'audit_filed',
          payload: {
            auditId: audit.id,
            year: audit.year,
            earlyRequestId: current.id,
            certificates: all,
          },
        });
      }
      patch = {
        status: 'approved',
        currentReviewerOrgId: null,
        results: earlySummaries(evals, names),
        decidedAt: deps.clock.now(),
      };
    }
    const updated = await repository.reports.updateEarlyIfVersion(
      tx,
      current.id,
      body.version,
      patch,
    );
    if (!updated) throw new AppError('stale_state', 'The request was changed by someone else');
    await recordEarlyAction(
      deps,
      tx,
      actor,
      ip,
      current,
      unit,
      action === 'return' ? 'returned' : 'approved',
      current.status,
      updated.status,
      body.reason,
    );
    return updated;
  });
  return toEarly(row, unit.name);
}
