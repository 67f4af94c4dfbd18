import type { AuditDecision, EarlyAudit, EarlyAuditCreate } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import type { OrgRow } from '../orgs/orgs.repository';
import type { EarlyRequestRow } from './audit-reports.repository';
import type { AuditRow } from './audit-records.repository';
import { auditFor, reviewerCheck, unitIn } from './audit-access';
import type { AuditDeps } from './audit-deps';
import { AuditPolicies, evaluatePerson, type AuditEvaluation } from './audit-evaluate';
import { chinaDay, toEarly, type EarlyPersonResult } from './audit-view';

/**
 * Early audit (提前审核): before the province's deadline a unit asks for named staff
 * (senior-title applicants) to be audited now; the request walks the unit's chain; the
 * province's approval issues certificates to those of them who are compliant.
 */
export class AuditEarlyService {
  readonly #deps: AuditDeps;

  constructor(deps: AuditDeps) {
    this.#deps = deps;
  }

  /** The rules engine over the named people's effective claims, one SQL pass. */
  private async evaluate(
    db: DbOrTx,
    audit: AuditRow,
    province: OrgRow,
    personIds: readonly string[],
  ): Promise<AuditEvaluation[]> {
    const { repository } = this.#deps;
    const policies = new AuditPolicies(
      this.#deps.policies,
      await repository.people.orgsWithin(db, province.path),
      audit.year,
    );
    const named = await repository.people.personNames(db, personIds);
    const fromYear = policies.fromYearOf(new Set([...named.values()].map((p) => p.unitId)));
    const rows = await repository.people.namedPeopleWithClaims(db, personIds, fromYear, audit.year);
    return rows.map((p) => evaluatePerson(policies, audit.year, p));
  }

  private summaries(evals: readonly AuditEvaluation[], names: Map<string, { name: string }>) {
    return evals.map((e): EarlyPersonResult => ({
      personId: e.personId,
      name: names.get(e.personId)?.name ?? '',
      compliant: e.compliant,
      totalCredits: e.totalCredits,
    }));
  }

  async request(actor: Actor, id: string, body: EarlyAuditCreate, ip: string): Promise<EarlyAudit> {
    const { audit, province } = await auditFor(this.#deps, actor, id, 'audit:report');
    const unit = await unitIn(this.#deps, actor, province, body.unitId, 'audit:report');
    if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
    const today = chinaDay(this.#deps.clock.now());
    if (!audit.earlyDeadline || today > audit.earlyDeadline) {
      throw new AppError('invalid_state', 'Early audit requests are closed', {
        earlyDeadline: audit.earlyDeadline,
      });
    }
    const { db, repository, orgs, clock } = this.#deps;
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
      const evals = await this.evaluate(tx, audit, province, personIds);
      const chain = await orgs.chainInForce(tx, unit);
      const steps = chain.steps.map((s) => s.orgId).filter((s) => s !== unit.id);
      const first = steps[0];
      if (!first) throw new AppError('invalid_state', 'The unit has no review chain');
      const created = await repository.reports.insertEarly(tx, {
        auditId: audit.id,
        year: audit.year,
        unitId: unit.id,
        personIds,
        results: this.summaries(evals, names),
        reason: body.reason ?? null,
        status: 'reported',
        chainSteps: steps,
        currentStep: 0,
        currentReviewerOrgId: first,
        requestedBy: actor.userId,
        requestedAt: clock.now(),
      });
      await this.record(tx, actor, ip, created, unit, 'requested', null, 'reported');
      return created;
    });
    return toEarly(row, unit.name);
  }

  private async record(
    tx: DbOrTx,
    actor: Actor,
    ip: string,
    row: EarlyRequestRow,
    unit: OrgRow,
    action: string,
    from: string | null,
    to: string,
    reason?: string,
  ) {
    await this.#deps.repository.reports.insertAction(tx, {
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
      at: this.#deps.clock.now(),
    });
    await this.#deps.auditLog.record(
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
  async list(actor: Actor, id: string): Promise<{ items: EarlyAudit[] }> {
    const { audit, province } = await auditFor(this.#deps, actor, id);
    const { db, repository } = this.#deps;
    const byId = new Map(
      (await repository.people.orgsWithin(db, province.path)).map((o) => [o.id, o]),
    );
    const read = scopeOf(actor, 'audit:read');
    const review = scopeOf(actor, 'audit:review');
    const rows = (await repository.reports.earlyOf(db, audit.id)).filter((r) => {
      const unit = byId.get(r.unitId);
      const reviewer = r.currentReviewerOrgId ? byId.get(r.currentReviewerOrgId) : undefined;
      return (
        (unit && isWithinScope(read, unit.path)) ||
        (reviewer !== undefined && isWithinScope(review, reviewer.path))
      );
    });
    return { items: rows.map((r) => toEarly(r, byId.get(r.unitId)?.name ?? '')) };
  }

  async approve(actor: Actor, id: string, requestId: string, body: AuditDecision, ip: string) {
    return this.review(actor, id, requestId, body, ip, 'approve');
  }

  async returnRequest(
    actor: Actor,
    id: string,
    requestId: string,
    body: AuditDecision,
    ip: string,
  ) {
    return this.review(actor, id, requestId, body, ip, 'return');
  }

  private async review(
    actor: Actor,
    id: string,
    requestId: string,
    body: AuditDecision,
    ip: string,
    action: 'approve' | 'return',
  ): Promise<EarlyAudit> {
    const { audit, province } = await auditFor(this.#deps, actor, id, 'audit:review');
    if (action === 'return' && !body.reason) {
      throw new AppError('validation_failed', 'reason: required to return', undefined, [
        { path: 'reason', message: 'required to return' },
      ]);
    }
    const { db, repository, certificates, hrPush } = this.#deps;
    const current = await repository.reports.findEarly(db, audit.id, requestId);
    const access = current
      ? await reviewerCheck(this.#deps, actor, current.chainSteps, current.currentReviewerOrgId)
      : 'hidden';
    const unit = current ? await this.#deps.orgs.findAny(current.unitId) : undefined;
    if (!current || !unit || access === 'hidden') {
      throw new AppError('not_found', 'No such early audit request', { requestId });
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
        const evals = await this.evaluate(tx, audit, province, current.personIds);
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
            hoursEquivalent:
              e.certificateHours && e.certificateHours > 0 ? e.certificateHours : null,
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
          results: this.summaries(evals, names),
          decidedAt: this.#deps.clock.now(),
        };
      }
      const updated = await repository.reports.updateEarlyIfVersion(
        tx,
        current.id,
        body.version,
        patch,
      );
      if (!updated) throw new AppError('stale_state', 'The request was changed by someone else');
      await this.record(
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
}
