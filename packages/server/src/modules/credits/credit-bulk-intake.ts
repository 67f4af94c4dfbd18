import type { CreditChannel } from '@jijiao/contracts';
import { isSameActivity, type ClaimValuation, type CreditRecord } from '@jijiao/domain';
import type { Clock } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db/database';
import {
  endDateOf,
  matchRecordOf,
  matchRecordOfClaim,
  projectNumberOf,
  roleOf,
} from './claim-match';
import type { ClaimActor, ClaimLifecycle } from './claim-lifecycle';
import type { CreditsRepository, NewProvenance } from './credits.repository';
import type { PersonAndPlace } from './claim-place';

/** One activity of a bulk intake, already valued by the rules engine under `claimId`. */
export interface BulkIntakeItem {
  claimId: string;
  known: PersonAndPlace;
  valued: ClaimValuation;
  /** The reviewing orgs of the person's unit, level 1 first. */
  chainSteps: readonly string[];
  sourceRef: string;
}

export interface BulkIntakeInput {
  channel: CreditChannel;
  actor: ClaimActor & { orgId?: string | null };
  items: readonly BulkIntakeItem[];
}

export interface BulkIntakeResult {
  created: number;
  /** Arrivals of an activity already stored (or earlier in the same input): a provenance each. */
  matched: number;
}

export interface BulkIntakeDeps {
  repository: CreditsRepository;
  clock: Clock;
  lifecycle: ClaimLifecycle;
}

/**
 * CreditIntake.record for many submitted claims at once (the spreadsheet import), with the
 * same outcome row for row: the same duplicate rule against stored claims and against
 * earlier items, a provenance for every arrival, each new claim submitted into its chain
 * with its history row. Set-based: one lock statement, one candidate query, and claims,
 * provenances and history written in chunks of thousands (ADR 0015). The caller owns the
 * transaction and writes one audit-log entry for the whole intake.
 */
export async function recordManySubmitted(
  deps: BulkIntakeDeps,
  tx: DbOrTx,
  input: BulkIntakeInput,
): Promise<BulkIntakeResult> {
  const { repository, clock } = deps;
  const now = clock.now();
  const { channel, actor, items } = input;
  await repository.lockPeople(
    tx,
    items.map((i) => i.known.person.id),
  );
  const candidates = await storedCandidates(repository, tx, items);
  const claims: Parameters<ClaimLifecycle['enterSubmitted']>[1][number][] = [];
  const provenances: NewProvenance[] = [];
  const arrival = (claimId: string, sourceRef: string): NewProvenance => ({
    claimId,
    channel,
    sourceRef,
    receivedAt: now,
    actorUserId: actor.userId,
    actorOrgId: actor.orgId ?? null,
  });
  let matched = 0;
  for (const item of items) {
    const { activity } = item.valued;
    const personId = item.known.person.id;
    const projectNumber = projectNumberOf(activity);
    const role = roleOf(activity);
    if (projectNumber) {
      const record = matchRecordOf(item.claimId, personId, channel, activity);
      const key = matchKey(personId, projectNumber, role);
      const same = candidates.get(key) ?? [];
      const existing = same.find((c) => isSameActivity(c, record));
      if (existing) {
        provenances.push(arrival(existing.id, item.sourceRef));
        matched += 1;
        continue;
      }
      candidates.set(key, [...same, record]);
    }
    claims.push({
      id: item.claimId,
      personId,
      unitId: item.known.unit.id,
      channel,
      activity,
      activityType: activity.type,
      activityDate: activity.date,
      endDate: endDateOf(activity),
      year: item.valued.year,
      projectNumber,
      role,
      credits: item.valued.credits,
      creditClass: item.valued.class,
      packVersions: item.valued.packs,
      valuationReasons: item.valued.reasons,
      chainSteps: [...item.chainSteps],
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    provenances.push(arrival(item.claimId, item.sourceRef));
  }
  // Claims first: provenances refer to them.
  await deps.lifecycle.enterSubmitted(tx, claims, actor);
  await repository.insertProvenances(tx, provenances);
  return { created: claims.length, matched };
}

const matchKey = (personId: string, projectNumber: string, role: string | null): string =>
  JSON.stringify([personId, projectNumber, role]);

/** Stored claims that items could be the same activity as, by person, number and role. */
async function storedCandidates(
  repository: CreditsRepository,
  tx: DbOrTx,
  items: readonly BulkIntakeItem[],
): Promise<Map<string, CreditRecord[]>> {
  const pairs = new Map<string, { personId: string; projectNumber: string }>();
  for (const item of items) {
    const projectNumber = projectNumberOf(item.valued.activity);
    const personId = item.known.person.id;
    if (projectNumber)
      pairs.set(JSON.stringify([personId, projectNumber]), { personId, projectNumber });
  }
  const byKey = new Map<string, CreditRecord[]>();
  for (const claim of await repository.findMatchCandidatesOf(tx, [...pairs.values()])) {
    const key = matchKey(claim.personId, claim.projectNumber ?? '', claim.role);
    byKey.set(key, [...(byKey.get(key) ?? []), matchRecordOfClaim(claim)]);
  }
  return byKey;
}
