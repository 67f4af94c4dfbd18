import type {
  ActivityType,
  ClaimStatus,
  Requirement,
  VoidPreview,
  VoidStanding,
} from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import type { ClaimsService } from '../credits/claims.service';
import type { PeopleService } from '../people/people.service';
import type { AuditDeps } from './audit-deps';
import { AuditPolicies, evaluatePerson, type AuditClaim } from './audit-evaluate';
import { canVoidCreditsOf } from './audit.policy';

const closed = new Set(['voided', 'rejected']);

/**
 * 作弊处理, before the confirmation: which claims a void would take, the year's standing
 * now and after, the certificate it would revoke and where the HR platform is told. Reads
 * only; the void itself (AuditVoidService) decides the same way inside its transaction.
 */
export class AuditVoidPreview {
  readonly #deps: AuditDeps;
  readonly #people: PeopleService;
  readonly #claims: ClaimsService;

  constructor(deps: AuditDeps, people: PeopleService, claims: ClaimsService) {
    this.#deps = deps;
    this.#people = people;
    this.#claims = claims;
  }

  /**
   * The person's year, or one credit of it (`claimId`): 404 outside the caller's subtree
   * (or for a credit of another person or year), 409 for a credit already voided or rejected.
   */
  async preview(
    actor: Actor,
    target: { personId: string; year: number; claimId?: string | undefined },
  ): Promise<VoidPreview> {
    const { personId, year, claimId } = target;
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
    const ofYear = await this.#claims.claimsOfPeople([personId], year);
    if (claimId !== undefined && !ofYear.some((c) => c.id === claimId)) throw notFound(answer);
    const taken = ofYear.filter(
      (c) => !closed.has(c.status) && (claimId === undefined || c.id === claimId),
    );
    if (claimId !== undefined && taken.length === 0)
      throw new AppError('stale_state', 'The credit is already voided or rejected', {
        id: claimId,
        status: ofYear.find((c) => c.id === claimId)?.status ?? null,
      });
    const { db, repository, certificates, hrPush } = this.#deps;
    const audit = await repository.records.findByProvinceYear(db, provinceId, year);
    const result = audit ? await repository.results.resultOf(db, audit.id, personId) : undefined;
    const standings = await this.standings(
      provinceId,
      { personId, unitId: result?.unitId ?? person.unitId, year },
      new Set(taken.map((c) => c.id)),
    );
    const certificate = await certificates.ofPersonYear(personId, year);
    return {
      personId,
      personName: person.name,
      unitName: person.unitName,
      year,
      claims: taken.map((c) => ({
        id: c.id,
        activityType: c.activityType as ActivityType,
        activityDate: c.activityDate,
        projectNumber: c.projectNumber,
        credits: c.credits,
        status: c.status as ClaimStatus,
      })),
      ...standings,
      certificate: certificate
        ? {
            serial: certificate.serial,
            revoked: certificate.revoked,
            revokedAt: certificate.revokedAt,
          }
        : null,
      hrReceiver: await hrPush.receiverOf(provinceId),
      auditResult: result !== undefined,
    };
  }

  /** The year from its effective claims, with and without the ones the void takes. */
  private async standings(
    provinceId: string,
    who: { personId: string; unitId: string; year: number },
    voided: ReadonlySet<string>,
  ): Promise<{ before: VoidStanding; after: VoidStanding }> {
    const { db, repository, orgs } = this.#deps;
    const province = await orgs.findAny(provinceId);
    if (!province) throw new Error('province vanished');
    const policies = new AuditPolicies(
      this.#deps.policies,
      await repository.people.orgsWithin(db, province.path),
      who.year,
    );
    const fromYear = policies.fromYearOf([who.unitId]);
    const [row] = await repository.people.namedPeopleWithClaims(
      db,
      [who.personId],
      fromYear,
      who.year,
    );
    const claims: AuditClaim[] = row?.claims ?? [];
    const evaluate = (counted: AuditClaim[]): VoidStanding => {
      const e = evaluatePerson(policies, who.year, { ...who, claims: counted });
      return {
        compliant: e.compliant,
        totalCredits: e.totalCredits,
        requirements: e.requirements as Requirement[],
      };
    };
    return {
      before: evaluate(claims),
      after: evaluate(claims.filter((c) => !voided.has(c.id))),
    };
  }
}
