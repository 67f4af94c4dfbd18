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
import type { AuditEvent, AuditLogService } from '../audit-log/audit-log.service';
import type { EntryLog } from './claim-entry-log';
import type { ClaimActor, ClaimLifecycle, LifecycleClaim } from './claim-lifecycle';
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
  /**
   * Log each claim as one by one does (`credit.recorded`, `credit.submit`,
   * `credit.matched`): for a channel whose unit is the claim (a platform's push), not a
   * file the caller logs once.
   */
  logEach?: boolean;
  /**
   * The caller took the intake locks of every item's person already (`lockIntake`, once
   * for a file written in chunks): taking them again per chunk could deadlock.
   */
  locked?: boolean;
}

/** What became of one item, as `CreditIntake.record` answers it. */
export interface BulkIntakeOutcome {
  claimId: string;
  /** The activity was already there (stored, or earlier in the input): a provenance added. */
  matched: boolean;
  status: string;
  credits: number;
  class: 'I' | 'II' | null;
  year: number;
  packVersions: { id: string; version: string }[];
}

export interface BulkIntakeResult {
  created: number;
  /** Arrivals of an activity already stored (or earlier in the same input): a provenance each. */
  matched: number;
  /** One per item, in the items' order. */
  outcomes: BulkIntakeOutcome[];
}

export interface BulkIntakeDeps {
  repository: CreditsRepository;
  clock: Clock;
  lifecycle: ClaimLifecycle;
  auditLog: Pick<AuditLogService, 'recordMany'>;
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
    entryLog(input, sorted),
  );
  await deps.repository.insertProvenances(tx, sorted.provenances);
  await deps.lifecycle.arrivedAgain(tx, storedMatches(sorted));
  // A new claim of a unit with reviewers is submitted at its first step.
  const outcomes = outcomesOf(input.items, sorted, 'submitted', new Set());
  await logMatches(deps, tx, input, sorted, outcomes);
  return { created: sorted.claims.length, matched: sorted.matched.length, outcomes };
}

/** The per-claim log a `logEach` intake asks of the lifecycle. */
function entryLog(
  input: { channel: CreditChannel; logEach?: boolean | undefined },
  sorted: SortedArrivals,
): EntryLog | undefined {
  if (input.logEach !== true) return undefined;
  return { channel: input.channel, unitPaths: sorted.unitPaths };
}

/**
 * Each item's answer, as one by one: a new claim in the status it entered with; an arrival
 * of a stored claim with that claim's value and status (effective once confirmed); an
 * arrival of an earlier item's claim with that claim's.
 */
function outcomesOf(
  items: readonly BulkEffectiveItem[],
  sorted: SortedArrivals,
  newStatus: string,
  confirmed: ReadonlySet<string>,
): BulkIntakeOutcome[] {
  const byClaim = new Map(items.map((i) => [i.claimId, i]));
  return sorted.arrivals.map((arrival) => {
    if (arrival.stored) {
      const c = arrival.stored;
      return {
        claimId: c.id,
        matched: true,
        status: confirmed.has(c.id) ? 'effective' : c.status,
        credits: c.credits,
        class: c.creditClass as 'I' | 'II' | null,
        year: c.year,
        packVersions: c.packVersions,
      };
    }
    const valued = byClaim.get(arrival.claimId)?.valued;
    if (!valued) throw new Error(`bulk intake: no item for claim ${arrival.claimId}`);
    return {
      claimId: arrival.claimId,
      matched: arrival.matched,
      status: newStatus,
      credits: valued.credits,
      class: valued.class,
      year: valued.year,
      packVersions: valued.packs,
    };
  });
}

/** `credit.matched` of each matched arrival, as one by one logs it (a `logEach` intake). */
async function logMatches(
  deps: BulkIntakeDeps,
  tx: DbOrTx,
  input: { channel: CreditChannel; actor: ClaimActor; logEach?: boolean | undefined },
  sorted: SortedArrivals,
  outcomes: readonly BulkIntakeOutcome[],
): Promise<void> {
  if (input.logEach !== true) return;
  const events: AuditEvent[] = [];
  const statusNow = new Map<string, string>();
  for (const [index, arrival] of sorted.arrivals.entries()) {
    const outcome = outcomes[index];
    if (!arrival.matched || !outcome) continue;
    const from = statusNow.get(outcome.claimId) ?? arrival.stored?.status ?? outcome.status;
    statusNow.set(outcome.claimId, outcome.status);
    events.push({
      action: 'credit.matched',
      actorUserId: input.actor.userId,
      actorUsername: input.actor.username,
      ip: input.actor.ip,
      targetType: 'credit_claim',
      targetId: outcome.claimId,
      orgPath: arrival.unitPath,
      details: { channel: input.channel, from, to: outcome.status },
    });
  }
  await deps.auditLog.recordMany(events, tx);
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
  /** As `BulkIntakeInput.logEach`. */
  logEach?: boolean;
  /** As `BulkIntakeInput.locked`. */
  locked?: boolean;
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
  await deps.lifecycle.enterEffective(
    tx,
    sorted.claims,
    input.actor,
    input.channel,
    entryLog(input, sorted),
  );
  await deps.repository.insertProvenances(tx, sorted.provenances);
  await deps.lifecycle.arrivedAgain(tx, storedMatches(sorted));
  const confirming = new Map<string, LifecycleClaim>();
  for (const { stored, unitPath } of sorted.matched) {
    if (!stored || confirming.has(stored.id) || !isPendingStatus(stored.status)) continue;
    confirming.set(stored.id, { ...stored, unitPath });
  }
  await deps.lifecycle.confirmArrived(tx, [...confirming.values()], input.actor, input.channel);
  const outcomes = outcomesOf(input.items, sorted, 'effective', new Set(confirming.keys()));
  await logMatches(deps, tx, input, sorted, outcomes);
  return { created: sorted.claims.length, matched: sorted.matched.length, outcomes };
}

type NewBulkClaim = Parameters<ClaimLifecycle['enterEffective']>[1][number];

interface SortedArrivals {
  claims: NewBulkClaim[];
  provenances: NewProvenance[];
  /** Arrivals of a claim already there: the stored one, or none for an earlier item. */
  matched: { stored: ClaimRow | undefined; unitPath: string }[];
  /** Each item in order: the claim it made or arrived at (the stored row, if stored). */
  arrivals: {
    claimId: string;
    matched: boolean;
    stored: ClaimRow | undefined;
    unitPath: string;
  }[];
  /** The unit path of each new claim. */
  unitPaths: Map<string, string>;
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
    locked?: boolean | undefined;
  },
): Promise<SortedArrivals> {
  const { repository, clock } = deps;
  const now = clock.now();
  const { channel, actor, items } = input;
  if (input.locked !== true)
    await repository.lockPeople(
      tx,
      items.map((i) => i.known.person.id),
    );
  const { byKey: candidates, rows } = await storedCandidates(repository, tx, items);
  const sorted: SortedArrivals = {
    claims: [],
    provenances: [],
    matched: [],
    arrivals: [],
    unitPaths: new Map(),
  };
  // The year of every claim an arrival may land on: stored ones and this batch's new ones.
  const yearOf = new Map([...rows.values()].map((c) => [c.id, c.year]));
  const arrival = (claimId: string, sourceRef: string): NewProvenance => ({
    claimId,
    claimYear: yearOf.get(claimId) ?? 0,
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
        const stored = rows.get(existing.id);
        const unitPath = item.known.unit.path;
        sorted.provenances.push(arrival(existing.id, item.sourceRef));
        sorted.matched.push({ stored, unitPath });
        sorted.arrivals.push({ claimId: existing.id, matched: true, stored, unitPath });
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
    yearOf.set(item.claimId, item.valued.year);
    sorted.provenances.push(arrival(item.claimId, item.sourceRef));
    sorted.arrivals.push({
      claimId: item.claimId,
      matched: false,
      stored: undefined,
      unitPath: item.known.unit.path,
    });
    sorted.unitPaths.set(item.claimId, item.known.unit.path);
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
