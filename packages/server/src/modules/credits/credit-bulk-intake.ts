import type { CreditChannel } from '@jijiao/contracts';
import {
  isPendingStatus,
  isSameActivity,
  type ClaimValuation,
  type CreditRecord,
} from '@jijiao/domain';
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
import type { ClaimRow, CreditsRepository, NewProvenance } from './credits.repository';
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
  const sorted = await sortArrivals(deps, tx, input);
  const chains = new Map(input.items.map((i) => [i.claimId, i.chainSteps]));
  // Claims first: provenances refer to them.
  await deps.lifecycle.enterSubmitted(
    tx,
    sorted.claims.map((c) => ({ ...c, chainSteps: [...(chains.get(c.id) ?? [])] })),
    input.actor,
  );
  await deps.repository.insertProvenances(tx, sorted.provenances);
  await deps.lifecycle.arrivedAgain(tx, storedMatches(sorted));
  return { created: sorted.claims.length, matched: sorted.matched.length };
}

/** The stored claims an intake's arrivals matched (not those new in the same intake). */
function storedMatches(sorted: SortedArrivals): ClaimRow[] {
  return sorted.matched.flatMap((m) => (m.stored ? [m.stored] : []));
}

/** One activity of a bulk intake of effective claims, valued beforehand under `claimId`. */
export type BulkEffectiveItem = Omit<BulkIntakeItem, 'chainSteps'>;

export interface BulkEffectiveInput {
  channel: CreditChannel;
  actor: ClaimActor & { orgId?: string | null };
  items: readonly BulkEffectiveItem[];
}

/**
 * CreditIntake.record for many claims effective on arrival at once (a trusted channel's
 * backlog, the demo's year), with the same outcome row for row: the duplicate rule of
 * `recordManySubmitted`, a provenance for every arrival, and a stored claim still in
 * review that an arrival matches confirmed, as one by one. The caller owns the transaction
 * and logs the intake.
 */
export async function recordManyEffective(
  deps: BulkIntakeDeps,
  tx: DbOrTx,
  input: BulkEffectiveInput,
): Promise<BulkIntakeResult> {
  const sorted = await sortArrivals(deps, tx, input);
  await deps.lifecycle.enterEffective(tx, sorted.claims, input.actor, input.channel);
  await deps.repository.insertProvenances(tx, sorted.provenances);
  await deps.lifecycle.arrivedAgain(tx, storedMatches(sorted));
  const confirmed = new Set<string>();
  for (const { stored, unitPath } of sorted.matched) {
    if (!stored || confirmed.has(stored.id) || !isPendingStatus(stored.status)) continue;
    confirmed.add(stored.id);
    await deps.lifecycle.change(tx, { ...stored, unitPath }, 'confirm', input.actor, {
      reason: `confirmed by ${input.channel}`,
    });
  }
  return { created: sorted.claims.length, matched: sorted.matched.length };
}

type NewBulkClaim = Parameters<ClaimLifecycle['enterEffective']>[1][number];

interface SortedArrivals {
  claims: NewBulkClaim[];
  provenances: NewProvenance[];
  /** Arrivals of a claim already there: the stored one, or none for an earlier item. */
  matched: { stored: ClaimRow | undefined; unitPath: string }[];
}

/**
 * The arrivals of a bulk intake as new claims and provenances: an activity already stored
 * for the person (or earlier in the input) gains a provenance instead of a claim.
 */
async function sortArrivals(
  deps: BulkIntakeDeps,
  tx: DbOrTx,
  input: {
    channel: CreditChannel;
    actor: BulkIntakeInput['actor'];
    items: readonly BulkEffectiveItem[];
  },
): Promise<SortedArrivals> {
  const { repository, clock } = deps;
  const now = clock.now();
  const { channel, actor, items } = input;
  await repository.lockPeople(
    tx,
    items.map((i) => i.known.person.id),
  );
  const { byKey: candidates, rows } = await storedCandidates(repository, tx, items);
  const sorted: SortedArrivals = { claims: [], provenances: [], matched: [] };
  const arrival = (claimId: string, sourceRef: string): NewProvenance => ({
    claimId,
    channel,
    sourceRef,
    receivedAt: now,
    actorUserId: actor.userId,
    actorOrgId: actor.orgId ?? null,
  });
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
        sorted.provenances.push(arrival(existing.id, item.sourceRef));
        sorted.matched.push({ stored: rows.get(existing.id), unitPath: item.known.unit.path });
        continue;
      }
      candidates.set(key, [...same, record]);
    }
    sorted.claims.push({
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
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    sorted.provenances.push(arrival(item.claimId, item.sourceRef));
  }
  return sorted;
}

const matchKey = (personId: string, projectNumber: string, role: string | null): string =>
  JSON.stringify([personId, projectNumber, role]);

/** Stored claims that items could be the same activity as, by person, number and role. */
async function storedCandidates(
  repository: CreditsRepository,
  tx: DbOrTx,
  items: readonly BulkEffectiveItem[],
): Promise<{ byKey: Map<string, CreditRecord[]>; rows: Map<string, ClaimRow> }> {
  const pairs = new Map<string, { personId: string; projectNumber: string }>();
  for (const item of items) {
    const projectNumber = projectNumberOf(item.valued.activity);
    const personId = item.known.person.id;
    if (projectNumber)
      pairs.set(JSON.stringify([personId, projectNumber]), { personId, projectNumber });
  }
  const byKey = new Map<string, CreditRecord[]>();
  const rows = new Map<string, ClaimRow>();
  for (const claim of await repository.findMatchCandidatesOf(tx, [...pairs.values()])) {
    const key = matchKey(claim.personId, claim.projectNumber ?? '', claim.role);
    byKey.set(key, [...(byKey.get(key) ?? []), matchRecordOfClaim(claim)]);
    rows.set(claim.id, claim);
  }
  return { byKey, rows };
}
