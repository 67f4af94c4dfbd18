import type { AuditDecision, EarlyAudit, EarlyAuditCreate } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AuditDeps } from './audit-deps';
import { listEarlyAudits, requestEarlyAudit } from './audit-early-request';
import { reviewEarlyRequest } from './audit-early-review';

/**
 * Early audit (提前审核): before the province's deadline a unit asks for named staff
 * (senior-title applicants) to be audited now; the request walks the unit's chain; the
 * province's approval issues certificates to those of them who are compliant. A façade
 * over audit-early-request.ts and audit-early-review.ts.
 */
export class AuditEarlyService {
  readonly #deps: AuditDeps;

  constructor(deps: AuditDeps) {
    this.#deps = deps;
  }

  request(actor: Actor, id: string, body: EarlyAuditCreate, ip: string): Promise<EarlyAudit> {
    return requestEarlyAudit(this.#deps, actor, id, body, ip);
  }

  /** Requests of units in the caller's read scope, or waiting at their reviewing level. */
  list(actor: Actor, id: string): Promise<{ items: EarlyAudit[] }> {
    return listEarlyAudits(this.#deps, actor, id);
  }

  approve(
    actor: Actor,
    id: string,
    requestId: string,
    body: AuditDecision,
    ip: string,
  ): Promise<EarlyAudit> {
    return reviewEarlyRequest(this.#deps, actor, id, requestId, body, ip, 'approve');
  }

  returnRequest(
    actor: Actor,
    id: string,
    requestId: string,
    body: AuditDecision,
    ip: string,
  ): Promise<EarlyAudit> {
    return reviewEarlyRequest(this.#deps, actor, id, requestId, body, ip, 'return');
  }
}
