import type { Claim, Role } from '@jijiao/contracts';
import { defaultPolicyRegistry } from '@jijiao/domain';
import type { Actor } from '../../src/platform/auth/actor';
import type { Database } from '../../src/platform/db/database';
import type { OrgRow } from '../../src/modules/orgs/orgs.service';
import type { Services } from '../../src/services';
import { ip, nextSerial } from './ids';
import type {
  CertificateOverrides,
  ClaimOverrides,
  TestPerson,
  TestUser,
  UserOverrides,
} from './types';

/** What the claim builders need of the core factories (see ../factories.ts). */
export interface ClaimFactoryCore {
  db: Database['db'];
  clock: { now: () => Date; tick: () => void };
  services: Services;
  orgRow: (id: string) => Promise<OrgRow>;
  provinceActor: (org: OrgRow) => Promise<Actor>;
  actorOf: (user: Pick<TestUser, 'id'>) => Promise<Actor>;
  buildUser: (overrides?: UserOverrides) => Promise<TestUser>;
  buildPerson: (overrides?: { unit?: OrgRow }) => Promise<TestPerson>;
  dayFromToday: (days: number) => string;
}

/** Credit claims walked to any status, and certificates: builders over the core ones. */
export function createClaimFactories(core: ClaimFactoryCore) {
  const {
    db,
    clock,
    services,
    orgRow,
    provinceActor,
    actorOf,
    buildUser,
    buildPerson,
    dayFromToday,
  } = core;
  const reviewers = new Map<string, Promise<TestUser>>();

  /** The role that reviews at an org of this kind, in the chain (unit: its own admin). */
  function reviewingRoleOf(kind: string): Exclude<Role, 'learner'> {
    if (kind === 'unit') return 'unit_admin';
    if (kind === 'province' || kind === 'cme_office') return 'province_admin';
    return 'reviewer';
  }

  /** One reviewer account per reviewing org, made on first need and reused. */
  function reviewerAt(orgId: string): Promise<TestUser> {
    let reviewer = reviewers.get(orgId);
    if (!reviewer) {
      reviewer = orgRow(orgId).then((org) => buildUser({ role: reviewingRoleOf(org.kind), org }));
      reviewers.set(orgId, reviewer);
    }
    return reviewer;
  }

  async function reviewerActorFor(claim: Claim): Promise<Actor> {
    const orgId = claim.currentReviewerOrgId;
    if (!orgId) throw new Error(`claim ${claim.id} waits at nobody (${claim.status})`);
    return actorOf(await reviewerAt(orgId));
  }

  /**
   * A credit claim in any state, walked there through the real lifecycle: created (claims
   * service or intake), submitted into the unit's chain, decided step by step by a reviewer
   * account at each reviewing org, voided by a province admin. Answered as the province's
   * administrators see it (`canAct`, `canEdit`).
   */
  async function buildClaim(overrides: ClaimOverrides = {}): Promise<Claim> {
    const status = overrides.status ?? 'draft';
    const person = overrides.person ?? (await buildPerson());
    const channel = overrides.channel ?? 'self_report';
    const activity = overrides.activity ?? {
      type: 'self_study',
      date: dayFromToday(-1),
      hours: 3,
    };
    const reason = overrides.reason ?? '测试原因';
    const unit = await orgRow(person.unitId);
    const admin = await provinceActor(unit);
    const submit = status !== 'draft';
    clock.tick();

    let claim: Claim;
    if (channel === 'self_report' || channel === 'unit_bulk_entry') {
      const entering =
        channel === 'self_report'
          ? await actorOf(person.user)
          : await actorOf(await reviewerAt(unit.id));
      claim = await services.claims.create(
        entering,
        {
          activity,
          ...(channel === 'unit_bulk_entry' ? { personId: person.id } : {}),
          evidence: [],
          submit,
        },
        ip,
      );
    } else {
      const arrivesEffective = status === 'effective' || status === 'voided';
      const recorded = await db.transaction((tx) =>
        services.intake.record(tx, {
          personId: person.id,
          channel,
          activity,
          initialStatus: arrivesEffective ? 'effective' : submit ? 'submitted' : 'draft',
          actor: { userId: null, username: 'test-factory', ip },
          sourceRef: `test-factory:${String(nextSerial())}`,
        }),
      );
      claim = await services.claims.get(admin, recorded.claimId);
    }

    const decide = async (action: 'approve' | 'return' | 'reject') => {
      clock.tick();
      const reviewer = await reviewerActorFor(claim);
      const body = {
        version: claim.version,
        actFor: false,
        ...(action === 'approve' ? {} : { reason }),
      };
      if (action === 'approve')
        claim = await services.claimReview.approve(reviewer, claim.id, body, ip);
      else if (action === 'return')
        claim = await services.claimReview.returnClaim(reviewer, claim.id, body, ip);
      else claim = await services.claimReview.reject(reviewer, claim.id, body, ip);
    };

    if (status === 'submitted') {
      for (let i = 0; i < (overrides.approvedSteps ?? 0); i += 1) await decide('approve');
    } else if (status === 'returned' || status === 'rejected') {
      await decide(status === 'returned' ? 'return' : 'reject');
    } else if (status === 'effective' || status === 'voided') {
      while (claim.status === 'submitted') await decide('approve');
    }
    if (status === 'voided') {
      clock.tick();
      await services.auditVoids.voidCredit(admin, claim.id, reason, ip);
      claim = await services.claims.get(admin, claim.id);
    }
    if (claim.status !== status)
      throw new Error(`buildClaim: wanted ${status}, the claim is ${claim.status}`);
    return services.claims.get(admin, claim.id);
  }

  /**
   * A person's certificate of a year, issued as filing the year's audit issues it (the
   * certificates service) but without the audit: the audit tests build that themselves.
   */
  async function buildCertificate(
    overrides: CertificateOverrides = {},
  ): Promise<{ serial: string; personId: string; year: number }> {
    clock.tick();
    const person = overrides.person ?? (await buildPerson());
    const year = overrides.year ?? clock.now().getUTCFullYear() - 1;
    const unit = await orgRow(person.unitId);
    const province = await orgRow(unit.path.split('/').filter(Boolean)[0] ?? '');
    const resolved = defaultPolicyRegistry.resolve({ province: province.regionCode ?? '' }, year);
    if (!resolved.ok) throw new Error(resolved.message);
    const { policy } = resolved;
    const totalCredits = overrides.totalCredits ?? 30;
    const result = await db.transaction((tx) =>
      services.certificates.issueCertificates(tx, {
        provinceId: province.id,
        year,
        people: [
          {
            personId: person.id,
            unitId: unit.id,
            totalCredits,
            classCredits: policy.rules.classes.length > 0 ? { I: 10, II: totalCredits - 10 } : {},
            packs: policy.packs,
            hoursEquivalent: policy.rules.certificate?.hours ?? null,
          },
        ],
      }),
    );
    const [issued] = [...result.issued, ...result.existing];
    if (!issued) throw new Error('no certificate issued');
    return { serial: issued.serial, personId: person.id, year };
  }

  return { reviewerAt, buildClaim, buildCertificate };
}
