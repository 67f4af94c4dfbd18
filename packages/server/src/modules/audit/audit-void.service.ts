import type { VoidYearResult } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import type { PeopleService } from '../people/people.service';
import type { ClaimReview } from '../credits/claim-review.service';
import type { AuditDeps } from './audit-deps';
import { AuditPolicies, evaluatePerson } from './audit-evaluate';
import { canVoidCreditsOf } from './audit.policy';

/**
 * Fraud (弄虚作假): a province admin voids a person's year, or one credit of it. The claims
 * become voided (history rows, audit log), the audit result is recomputed (and, for the
 * year, marked voided), the year's certificate is revoked (it was issued on that evidence),
 * and the HR platform is told — all in one transaction.
 */
export class AuditVoidService {
  readonly #deps: AuditDeps;
  readonly #people: PeopleService;
  readonly #claims: ClaimReview;

  constructor(deps: AuditDeps, people: PeopleService, claims: ClaimReview) {
    this.#deps = deps;
    this.#people = people;
    this.#claims = claims;
  }

  async voidYear(
    actor: Actor,
    personId: string,
    year: number,
    reason: string,
    ip: string,
  ): Promise<VoidYearResult> {
    return this.voidClaims(actor, { personId, year }, reason, ip);
  }

  /** One credit: 404 outside the caller's subtree, 409 when already voided or rejected. */
  async voidCredit(
    actor: Actor,
    claimId: string,
    reason: string,
    ip: string,
  ): Promise<VoidYearResult> {
    const { db } = this.#deps;
    const claim = await this.#claims.lockForVoid(db, claimId);
    if (!claim) throw notFound({ what: 'credit', details: { id: claimId } });
    return this.voidClaims(actor, { ...claim, claimId }, reason, ip);
  }

  private async voidClaims(
    actor: Actor,
    target: { personId: string; year: number; claimId?: string },
    reason: string,
    ip: string,
  ): Promise<VoidYearResult> {
    const { personId, year, claimId } = target;
    // A credit answers for itself, never revealing whether its person exists for the caller.
    const answer = { what: claimId ? 'credit' : 'person', details: { id: claimId ?? personId } };
    const person = visibleOr404(
      await this.#people.findInScope(actor, personId, 'person:read').catch(() => {
        throw notFound(answer);
      }),
      canVoidCreditsOf,
      actor,
      answer,
    );
    const provinceId = person.unitPath.split('/').filter(Boolean)[0];
    if (!provinceId) throw new Error('person without a province');
    const { db, repository, clock, certificates, hrPush, orgs } = this.#deps;
    return db.transaction(async (tx) => {
      const at = clock.now();
      if (claimId !== undefined) {
        const locked = await this.#claims.lockForVoid(tx, claimId);
        if (!locked || locked.status === 'voided' || locked.status === 'rejected')
          throw new AppError('stale_state', 'The credit is already voided or rejected', {
            id: claimId,
            status: locked?.status ?? null,
          });
      }
      const voided = await this.#claims.voidClaimsOfYear(tx, {
        personId,
        year,
        ...(claimId === undefined ? {} : { claimId }),
        reason,
        actor: { userId: actor.userId, username: actor.username, ip },
      });
      const audit = await repository.records.findByProvinceYear(tx, provinceId, year);
      const result = audit ? await repository.results.resultOf(tx, audit.id, personId) : undefined;
      if (audit && result) {
        const province = await orgs.findAny(provinceId, tx);
        if (!province) throw new Error('province vanished');
        const policies = new AuditPolicies(
          this.#deps.policies,
          await repository.people.orgsWithin(tx, province.path),
          year,
        );
        const [row] = await repository.people.namedPeopleWithClaims(tx, [personId], year, year);
        if (row) {
          const evaluation = evaluatePerson(policies, year, { ...row, unitId: result.unitId });
          const runs = await repository.records.lastRuns(tx, [audit.id]);
          await repository.results.upsertResults(
            tx,
            audit.id,
            runs.get(audit.id)?.id ?? audit.id,
            at,
            [evaluation],
          );
        }
        if (claimId === undefined) await repository.results.markVoided(tx, audit.id, personId);
        await repository.reports.refreshUnitReports(tx, audit.id, at, [result.unitId]);
      }
      const certificate = await certificates.revokeCertificate(tx, {
        personId,
        year,
        reason,
        at,
        actor,
        ip,
      });
      const hrDeliveryId = await hrPush.enqueueHrPush(tx, {
        provinceId,
        kind: 'credits_voided',
        payload: {
          personId,
          year,
          ...(claimId === undefined ? {} : { claimId }),
          reason,
          voidedClaims: voided.length,
          ...(certificate ? { serial: certificate.serial } : {}),
          voidedAt: at.toISOString(),
        },
      });
      await this.#deps.auditLog.record(
        actorEvent(actor, claimId === undefined ? 'audit.year_voided' : 'audit.credit_voided', ip, {
          targetType: 'person',
          targetId: personId,
          orgPath: person.unitPath,
          details: { year, reason, claims: voided, certificate: certificate?.serial ?? null },
        }),
        tx,
      );
      return {
        personId,
        year,
        voidedClaims: voided.length,
        certificateRevoked: certificate !== null,
        certificateSerial: certificate?.serial ?? null,
        hrDeliveryId,
      };
    });
  }
}
