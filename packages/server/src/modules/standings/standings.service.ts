import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  placeOfUnit,
  standingDifferences,
  yearPolicyOf,
  yearStanding,
  type PolicyRegistry,
  type UnitPlace,
  type YearPolicy,
  type YearStanding,
} from '@jijiao/domain';
import { chinaYear, type Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import type { ReadRouting } from '../../platform/db/read-routing';
import {
  StandingsRepository,
  type NewStandingRow,
  type PlaceOrg,
  type QueuedKey,
  type StandingClaimRow,
  type StandingKey,
  type StandingRow,
  type StandingSubject,
} from './standings.repository';
import {
  StandingQueriesRepository,
  cursorKeyOf,
  type GroupCount,
  type ProgressAfter,
  type ProgressFilter,
  type ProgressRow,
  type ProgressSortKey,
  type YearSums,
} from './standing-queries.repository';
import {
  StandingTalliesRepository,
  type TallyDifference,
  type TallyKey,
} from './standing-tallies.repository';

export type {
  GroupCount,
  ProgressAfter,
  ProgressFilter,
  ProgressRow,
  ProgressSortKey,
  StandingRow,
  YearSums,
};

export interface StandingsLog {
  warn(obj: object, msg: string): void;
}

export interface StandingsDeps {
  db: Db;
  /** Where the lists and statistics read (the replica in a routed request, ADR 0041). */
  reads?: ReadRouting;
  clock: Clock;
  repository: StandingsRepository;
  queries: StandingQueriesRepository;
  tallies: StandingTalliesRepository;
  policies: PolicyRegistry;
  log?: StandingsLog;
}

/** A standing that could not be computed (no rules for the year), and why. */
export interface SkippedStanding extends StandingKey {
  reason: string;
}

export interface StandingDrift extends StandingKey {
  /** The fields that differ, or `missing` when there is no stored standing. */
  fields: string[];
}

export interface VerifyResult {
  checked: number;
  drifted: number;
  /** The first differing standings (at most `limit`). */
  first: StandingDrift[];
  /** Unit tallies that differ from the sum of their standings (ADR 0021), the first of them. */
  tallies: { drifted: number; first: TallyDifference[] };
}

/** Units whose tallies are recomputed per transaction. */
export const talliesBatch = 500;

/** Pairs refreshed per transaction by the drainer, rebuild and verify. */
export const standingsBatch = 2000;

const metaRulesKey = 'rules';
/**
 * The stored standing's shape: part of the rules fingerprint, so that standings stored in
 * an older shape are computed again at start. 2: each counted activity carries what the
 * year page lists of its claim (ADR 0021).
 */
const standingFormat = 2;
const pathIds = (path: string) => path.split('/').filter(Boolean);

/** The year (China time) of an instant. */
export function creditYearOf(at: Date): number {
  return chinaYear(at);
}

/** The stored form of a standing and back. */
export function standingOfRow(row: StandingRow): YearStanding {
  return {
    year: row.year,
    packs: row.packs,
    compliant: row.compliant,
    totalCredits: row.totalCredits,
    classCredits: row.classCredits,
    requirements: row.requirements as YearStanding['requirements'],
    required: row.required,
    shortfall: row.shortfall,
    unmet: row.unmet,
    stage: (row.stage ?? null) as YearStanding['stage'],
    fullYear: (row.fullYear ?? null) as YearStanding['fullYear'],
    certificateHours: row.certificateHours,
    pendingCount: row.pendingCount,
    pendingCredits: row.pendingCredits,
    monthlyCredits: row.monthlyCredits,
    activities: row.activities as YearStanding['activities'],
    channelCredits: row.channelCredits,
  };
}

/** The subject's columns of a stored standing (what lists filter and sort on). */
function subjectOfRow(row: StandingRow) {
  return {
    unitId: row.unitId,
    unitPath: row.unitPath,
    name: row.name,
    profession: row.profession,
    titleGrade: row.titleGrade,
    unitType: row.unitType,
    unitLevel: row.unitLevel,
  };
}

interface PlacedUnit {
  where: UnitPlace;
  unitType: string | null;
}

/**
 * Standings (ADR 0018): each person's year, stored and kept current. The claim lifecycle,
 * the people and orgs modules queue what their change makes stale in their own
 * transaction; the worker (or a read that finds a few stale ones in its scope) computes
 * them again with the rules engine. Nothing here decides a rule.
 */
export class StandingsService {
  readonly #deps: StandingsDeps;
  /** The years each pack with a multi-year stage covers, and the stage's length. */
  readonly #stages: { from: number; to: number; years: number }[];
  #rulesHash: string | undefined;

  /** The queues' lengths, for `/metrics` (ADR 0040): people's years, then units' tallies. */
  async queueLengths(): Promise<{ standings: number; tallies: number }> {
    const { db, repository, tallies } = this.#deps;
    return {
      standings: (await repository.queueSize(db)).count,
      tallies: await tallies.queueSize(db),
    };
  }

  /** The database for a read of lists and statistics: the routed one (ADR 0041). */
  #reader(): Db {
    return this.#deps.reads?.db() ?? this.#deps.db;
  }

  constructor(deps: StandingsDeps) {
    this.#deps = deps;
    this.#stages = deps.policies.packs.flatMap((pack) => {
      const stage = (pack.rules as { stage?: { years?: number } | null }).stage;
      if (!stage?.years || stage.years < 2) return [];
      return [
        { from: pack.years.from ?? -Infinity, to: pack.years.to ?? Infinity, years: stage.years },
      ];
    });
  }

  /**
   * The last later year whose standing a claim of `year` may count in: a year covered by
   * a pack with a multi-year stage that reaches back to `year`. Undefined when none (every
   * year under the 2024 measures, which have no stage): nothing later is queued.
   */
  #lastStageYearAfter(year: number): number | undefined {
    let last: number | undefined;
    for (const stage of this.#stages) {
      const until = Math.min(year + stage.years - 1, stage.to);
      if (until > year && until >= stage.from) last = Math.max(last ?? until, until);
    }
    return last;
  }

  currentYear(): number {
    return creditYearOf(this.#deps.clock.now());
  }

  /**
   * A fingerprint of every pack's content and of the standing's shape: a different one
   * means the stored standings are stale.
   */
  rulesHash(): string {
    this.#rulesHash ??= createHash('sha256')
      .update(JSON.stringify({ format: standingFormat, packs: this.#deps.policies.packs }))
      .digest('hex');
    return this.#rulesHash;
  }

  /** The path of the province with this region code (the CLI's --province). */
  async provincePath(regionCode: string): Promise<string | undefined> {
    return this.#deps.repository.provincePath(this.#deps.db, regionCode);
  }

  // --- Reads (SQL over the stored standings; the caller decided the scope) ---

  /**
   * One page of a subtree's progress and the next cursor, with how many standings of the
   * scope wait (and since when); the counts with the first page only (a count over a
   * province is the costly part, and later pages do not need it). When a few wait
   * (`standingsBatch` at most) they are computed first and the page read again, so a
   * small scope is never shown stale.
   */
  async progressPage(
    filter: ProgressFilter,
    key: ProgressSortKey,
    after: ProgressAfter | undefined,
    limit: number,
  ): Promise<{
    rows: ProgressRow[];
    next: ProgressAfter | null;
    counts: { staff: number; behind: number; total: number } | null;
    stale: { count: number; since: Date | null };
  }> {
    const { queries, repository } = this.#deps;
    let rows = await queries.page(this.#reader(), filter, key, after, limit + 1);
    let stale = rows[0]
      ? { count: rows[0].staleCount, since: rows[0].staleSince }
      : await repository.staleWithin(this.#reader(), filter.path, filter.year);
    if (stale.count > 0 && stale.count <= standingsBatch) {
      stale = await this.freshWithin(filter.path, filter.year);
      rows = await queries.page(this.#reader(), filter, key, after, limit + 1);
    }
    const db = this.#reader();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      rows: page,
      next: rows.length > limit && last ? cursorKeyOf(key, last) : null,
      // The first page's counts: from the unit tallies when they can answer (ADR 0021),
      // else counted over the standings.
      counts: after
        ? null
        : ((await this.#deps.tallies.counts(db, filter)) ?? (await queries.counts(db, filter))),
      stale,
    };
  }

  /**
   * Every row of a subtree's progress in order, a page at a time (the xlsx export), from
   * the database this call was routed to (the rows are read after the handler returned).
   */
  progressRows(filter: ProgressFilter, key: ProgressSortKey): AsyncGenerator<ProgressRow> {
    return this.#progressRowsFrom(this.#reader(), filter, key);
  }

  async *#progressRowsFrom(
    db: Db,
    filter: ProgressFilter,
    key: ProgressSortKey,
  ): AsyncGenerator<ProgressRow> {
    const { queries } = this.#deps;
    let after: ProgressAfter | undefined;
    for (;;) {
      const rows = await queries.page(db, filter, key, after, standingsBatch);
      yield* rows;
      const last = rows.at(-1);
      if (rows.length < standingsBatch || !last) return;
      after = cursorKeyOf(key, last);
    }
  }

  /**
   * A subtree's year for the statistics, from its unit tallies (ADR 0021): the breakdowns
   * (child organisation, profession, title grade, unit level) and the overall sums, with
   * the channels in `creditChannels` order.
   */
  async yearSummary(
    path: string,
    year: number,
    depth: number,
  ): Promise<{ groups: GroupCount[]; sums: YearSums }> {
    return this.#deps.tallies.summary(this.#reader(), path, year, depth);
  }

  /** The overall sums (buckets, credits by month and by channel) of a subtree's year. */
  async yearSums(path: string, year: number): Promise<YearSums> {
    return this.#deps.tallies.sums(this.#reader(), path, year);
  }

  /**
   * Before statistics of a subtree's year: its standings as `freshWithin`, then its queued
   * unit tallies recomputed when they are a few (`limit` units). What still waits is
   * counted in people, since the oldest change.
   */
  async talliesFreshWithin(
    path: string,
    year: number,
    limit = talliesBatch,
  ): Promise<{ count: number; since: Date | null }> {
    const { db, tallies } = this.#deps;
    const stale = await this.freshWithin(path, year);
    let waiting = await tallies.staleWithin(this.#reader(), path, year);
    if (waiting.units > 0 && waiting.units <= limit) {
      this.#deps.reads?.pinPrimary();
      await db.transaction(async (tx) => {
        await tallies.recompute(tx, await tallies.take(tx, limit, { path, year }));
      });
      waiting = await tallies.staleWithin(db, path, year);
    }
    if (waiting.units === 0) return stale;
    const since =
      stale.since && waiting.since
        ? new Date(Math.min(stale.since.getTime(), waiting.since.getTime()))
        : (stale.since ?? waiting.since);
    return { count: stale.count + Math.max(waiting.people, 1), since };
  }

  // --- What makes a standing stale (called inside the changing transaction) ---

  /**
   * A claim of `year` entered, changed status or was voided: that year's standing, and
   * the later years of a stage it may count towards, are stale.
   */
  async claimChanged(tx: DbOrTx, personId: string, year: number): Promise<void> {
    await this.claimsChanged(tx, [{ personId, year }]);
  }

  async claimsChanged(tx: DbOrTx, keys: readonly StandingKey[]): Promise<void> {
    if (keys.length === 0) return;
    const { repository, clock } = this.#deps;
    const now = clock.now();
    await repository.enqueue(tx, keys, now);
    const byYear = new Map<number, Set<string>>();
    for (const k of keys) {
      if (this.#lastStageYearAfter(k.year) === undefined) continue;
      const set = byYear.get(k.year) ?? new Set<string>();
      set.add(k.personId);
      byYear.set(k.year, set);
    }
    for (const [year, ids] of byYear)
      await repository.enqueueStoredYears(
        tx,
        [...ids],
        year + 1,
        this.#lastStageYearAfter(year) ?? year,
        now,
      );
  }

  /**
   * A year's claims were archived (ADR 0042): its waiting keys are dropped, since computing
   * them now would store zero credits; the enqueue paths skip the year from then on.
   */
  async yearArchived(tx: DbOrTx, year: number): Promise<void> {
    await this.#deps.repository.forgetQueuedYear(tx, year);
  }

  /**
   * People changed unit, profession, title or name (or were created): every stored
   * standing of theirs is stale, and this year's is wanted.
   */
  async peopleChanged(tx: DbOrTx, personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    const { repository, clock } = this.#deps;
    const now = clock.now();
    await repository.enqueueStoredYears(tx, personIds, 1900, 9999, now);
    await repository.enqueue(
      tx,
      personIds.map((personId) => ({ personId, year: this.currentYear() })),
      now,
    );
  }

  /** A unit's region or type changed: the standings of everyone within it are stale. */
  async unitChanged(tx: DbOrTx, path: string): Promise<void> {
    await this.#deps.repository.enqueueWithin(tx, path, this.#deps.clock.now());
  }

  // --- Computing ---

  /** The places of the subjects' units, from their paths' orgs (one query). */
  private async placesOf(
    db: DbOrTx,
    subjects: readonly StandingSubject[],
  ): Promise<Map<string, PlacedUnit>> {
    const ids = new Set(subjects.flatMap((s) => pathIds(s.unitPath)));
    const byId = new Map<string, PlaceOrg>(
      (await this.#deps.repository.orgsByIds(db, [...ids])).map((o) => [o.id, o]),
    );
    const places = new Map<string, PlacedUnit>();
    for (const s of subjects) {
      if (places.has(s.unitId)) continue;
      const unit = byId.get(s.unitId);
      if (!unit) continue;
      const ancestors = pathIds(unit.path)
        .slice(0, -1)
        .reverse()
        .flatMap((id) => byId.get(id) ?? []);
      places.set(s.unitId, { where: placeOfUnit(unit, ancestors), unitType: unit.unitType });
    }
    return places;
  }

  /**
   * Fresh standings of the pairs, computed from the database with the rules engine (no
   * write). A pair whose person no longer exists, or whose year has no rules, is skipped.
   */
  async compute(
    db: DbOrTx,
    keys: readonly StandingKey[],
  ): Promise<{ rows: NewStandingRow[]; skipped: SkippedStanding[] }> {
    const { repository, policies, clock } = this.#deps;
    const now = clock.now();
    const subjects = new Map(
      (await repository.subjects(db, [...new Set(keys.map((k) => k.personId))])).map((s) => [
        s.personId,
        s,
      ]),
    );
    const places = await this.placesOf(db, [...subjects.values()]);
    const rows: NewStandingRow[] = [];
    const skipped: SkippedStanding[] = [];
    const byYear = new Map<number, StandingKey[]>();
    for (const k of keys) byYear.set(k.year, [...(byYear.get(k.year) ?? []), k]);
    for (const [year, yearKeys] of byYear) {
      const policyByUnit = new Map<string, YearPolicy | string>();
      const ready: {
        key: StandingKey;
        subject: StandingSubject;
        place: PlacedUnit;
        yp: YearPolicy;
      }[] = [];
      for (const key of yearKeys) {
        const subject = subjects.get(key.personId);
        const place = subject ? places.get(subject.unitId) : undefined;
        if (!subject || !place) {
          skipped.push({ ...key, reason: 'no such person' });
          continue;
        }
        let yp = policyByUnit.get(subject.unitId);
        if (yp === undefined) {
          const resolved = yearPolicyOf(policies, place.where, year);
          yp = resolved.ok ? resolved.value : resolved.message;
          policyByUnit.set(subject.unitId, yp);
        }
        if (typeof yp === 'string') skipped.push({ ...key, reason: yp });
        else ready.push({ key, subject, place, yp });
      }
      if (ready.length === 0) continue;
      const fromYear = Math.min(...ready.map((r) => r.yp.fromYear));
      const claims = await repository.claimsOf(
        db,
        ready.map((r) => r.key.personId),
        fromYear,
        year,
      );
      const byPerson = new Map<string, StandingClaimRow[]>();
      for (const c of claims) {
        const mine = byPerson.get(c.personId);
        if (mine) mine.push(c);
        else byPerson.set(c.personId, [c]);
      }
      for (const { key, subject, place, yp } of ready) {
        const { standing } = yearStanding(yp, place.where, year, byPerson.get(key.personId) ?? []);
        rows.push(toRow(subject, place, standing, now));
      }
    }
    return { rows, skipped };
  }

  /** Computes the pairs again and stores them (in the caller's transaction, if any). */
  async refresh(db: DbOrTx, keys: readonly StandingKey[]): Promise<SkippedStanding[]> {
    const { repository, tallies, clock } = this.#deps;
    const { rows, skipped } = await this.compute(db, keys);
    // The units the standings were counted in (a person may have moved) and are now.
    const units: TallyKey[] = await tallies.unitsOf(db, keys);
    await repository.upsert(db, rows);
    // A person gone, or a year without rules: no standing rather than a wrong one.
    await repository.remove(db, skipped);
    for (const r of rows) units.push({ year: r.year, unitId: r.unitId });
    // Last: the queue rows stay locked until commit, so another drainer waits the least.
    await tallies.enqueue(db, units, clock.now());
    for (const s of skipped)
      this.#deps.log?.warn({ personId: s.personId, year: s.year }, `standing skipped: ${s.reason}`);
    return skipped;
  }

  /** Takes up to `limit` queued pairs, refreshes them and removes them from the queue. */
  async drainOnce(limit = standingsBatch): Promise<number> {
    const { db, repository } = this.#deps;
    return db.transaction(async (tx) => {
      const taken = await repository.takeQueued(tx, limit);
      if (taken.length === 0) return 0;
      await this.refresh(tx, taken);
      await repository.unqueue(tx, taken);
      return taken.length;
    });
  }

  /**
   * Drains the whole queue, reporting how many were done after each batch. With
   * `concurrency` > 1, that many drainers take disjoint batches at once (`SKIP LOCKED`):
   * on PostgreSQL one reads or writes while another evaluates.
   */
  async drainAll(
    onProgress?: (done: number) => void | Promise<void>,
    concurrency = 1,
  ): Promise<number> {
    let done = 0;
    const drainer = async () => {
      for (;;) {
        const n = await this.drainOnce();
        if (n === 0) return;
        done += n;
        await onProgress?.(done);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, drainer));
    await this.drainTallies();
    return done;
  }

  /** Recomputes up to `limit` queued unit tallies (ADR 0021); how many. */
  async drainTalliesOnce(limit = talliesBatch): Promise<number> {
    const { db, tallies } = this.#deps;
    return db.transaction(async (tx) => {
      const taken = await tallies.take(tx, limit);
      await tallies.recompute(tx, taken);
      return taken.length;
    });
  }

  /** Recomputes every queued unit tally. */
  async drainTallies(): Promise<number> {
    let done = 0;
    for (;;) {
      const n = await this.drainTalliesOnce();
      if (n === 0) return done;
      done += n;
    }
  }

  /**
   * The person's stored standings after refreshing what waits for them and computing the
   * `wanted` years they have none of: what a person reads of themselves is never stale.
   */
  async freshOf(personId: string, wanted: readonly number[] = []): Promise<StandingRow[]> {
    const { db, repository, clock } = this.#deps;
    const queued = await repository.queuedOf(this.#reader(), personId);
    let rows = await repository.ofPerson(this.#reader(), personId);
    const have = new Set(rows.map((r) => r.year));
    const missing = wanted
      .filter((year) => !have.has(year) && !queued.some((q) => q.year === year))
      .map((year) => ({ personId, year, queuedAt: clock.now() }));
    if (queued.length + missing.length === 0) return rows;
    await this.refreshQueued([...queued, ...missing]);
    rows = await repository.ofPerson(db, personId);
    return rows;
  }

  /**
   * One person's standing of a year, current: computed now when it is missing or a change
   * of it waits in the queue. Undefined when the year has no rules.
   */
  async yearOf(personId: string, year: number): Promise<StandingRow | undefined> {
    const { db, repository, clock } = this.#deps;
    const found = await repository.oneWithQueue(this.#reader(), personId, year);
    if (found.standing && !found.queued) return found.standing;
    await this.refreshQueued([{ personId, year, queuedAt: clock.now() }]);
    return (await repository.oneWithQueue(db, personId, year)).standing;
  }

  /**
   * Before a list or a statistic of a subtree's year: refreshes what waits there when it is
   * a few (`limit`), and says how many still wait and since when (the page says "as of").
   */
  async freshWithin(
    path: string,
    year: number,
    limit = standingsBatch,
  ): Promise<{ count: number; since: Date | null }> {
    const { db, repository } = this.#deps;
    const stale = await repository.staleWithin(this.#reader(), path, year);
    if (stale.count === 0 || stale.count > limit) return stale;
    await this.refreshQueued(await repository.queuedWithin(db, path, year, limit));
    return repository.staleWithin(db, path, year);
  }

  private async refreshQueued(queued: readonly QueuedKey[]): Promise<void> {
    const { db, repository } = this.#deps;
    // What this request reads next includes what it computes now.
    this.#deps.reads?.pinPrimary();
    await db.transaction(async (tx) => {
      // Held until commit, like the drainer's: a change committed meanwhile is queued again.
      const locked = await repository.lockQueued(tx, queued);
      const at = new Map(locked.map((k) => [`${k.personId}:${String(k.year)}`, k.queuedAt]));
      await this.refresh(tx, queued);
      await repository.unqueue(
        tx,
        queued.map((k) => ({
          ...k,
          queuedAt: at.get(`${k.personId}:${String(k.year)}`) ?? k.queuedAt,
        })),
      );
    });
  }

  /**
   * At start: if the rules changed since the standings were computed (or none were),
   * queues every standing; and queues whoever has no standing of this year yet.
   */
  async prepare(): Promise<{ queued: number; rulesChanged: boolean }> {
    const { db, repository, clock } = this.#deps;
    const now = clock.now();
    const stored = await repository.meta(db, metaRulesKey);
    let queued = 0;
    const rulesChanged = stored !== this.rulesHash();
    if (rulesChanged) {
      queued += await repository.enqueueAll(db, this.currentYear(), now);
      await repository.setMeta(db, metaRulesKey, this.rulesHash(), now);
    }
    queued += await repository.enqueueMissing(db, this.currentYear(), now);
    return { queued, rulesChanged };
  }

  /**
   * Before a snapshot of a year (the annual audit): queues whoever of the subtree has no
   * standing of the year, then drains the queue, so that only what is stale is computed.
   */
  async ensureYear(
    path: string,
    year: number,
    onProgress?: (done: number) => void | Promise<void>,
  ): Promise<{ computed: number }> {
    const { db, repository, clock } = this.#deps;
    await repository.enqueueMissing(db, year, clock.now(), path);
    return { computed: await this.drainAll(onProgress) };
  }

  /**
   * `jijiao standings rebuild`: queues every standing that should exist (of one year, one
   * province, or all) and drains the queue.
   */
  async rebuild(
    only: { year?: number | undefined; provincePath?: string | undefined },
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ queued: number; done: number }> {
    const { db, repository, clock } = this.#deps;
    const now = clock.now();
    await repository.enqueueAll(db, this.currentYear(), now, only);
    // And every unit's tallies of the scope, recomputed when the standings are drained.
    await this.#deps.tallies.enqueueAll(db, now, {
      ...(only.year === undefined ? {} : { year: only.year }),
      ...(only.provincePath ? { path: only.provincePath } : {}),
    });
    const total = (await repository.queueSize(db)).count;
    const done = await this.drainAll(
      (n) => onProgress?.(n, total),
      // One drainer per core: reads, the rules engine and writes overlap.
      availableParallelism(),
    );
    if (only.year === undefined && only.provincePath === undefined)
      await repository.setMeta(db, metaRulesKey, this.rulesHash(), now);
    // A bulk load: fresh statistics now, so that the next reads are planned for its size
    // (a learner's year was planned as a scan of the whole year before autovacuum came by).
    await repository.tidyAfterRebuild(db);
    return { queued: total, done };
  }

  /**
   * `jijiao standings verify`: every stored standing against a fresh evaluation, and every
   * standing that should exist but is missing. Reads only.
   */
  async verify(
    only: { year?: number | undefined; provincePath?: string | undefined },
    limit = 20,
    onProgress?: (checked: number) => void,
  ): Promise<VerifyResult> {
    const { db, repository } = this.#deps;
    const result: VerifyResult = {
      checked: 0,
      drifted: 0,
      first: [],
      tallies: { drifted: 0, first: [] },
    };
    const drift = (d: StandingDrift) => {
      result.drifted += 1;
      if (result.first.length < limit) result.first.push(d);
    };
    let after: StandingKey | undefined;
    for (;;) {
      const keys = await repository.keysAfter(db, after, standingsBatch, only);
      if (keys.length === 0) break;
      after = keys.at(-1);
      const stored = new Map(
        (await repository.find(db, keys)).map((r) => [`${r.personId}:${String(r.year)}`, r]),
      );
      const { rows, skipped } = await this.compute(db, keys);
      for (const s of skipped) drift({ personId: s.personId, year: s.year, fields: ['skipped'] });
      for (const fresh of rows) {
        const row = stored.get(`${fresh.personId}:${String(fresh.year)}`);
        if (!row) continue;
        const fields = [
          ...standingDifferences(standingOfRow(row), standingOfRow(fresh as StandingRow)),
          ...Object.entries(subjectOfRow(row))
            .filter(([k, v]) => (fresh as Record<string, unknown>)[k] !== v)
            .map(([k]) => k),
        ];
        if (fields.length > 0) drift({ personId: fresh.personId, year: fresh.year, fields });
      }
      result.checked += keys.length;
      onProgress?.(result.checked);
    }
    const missing = await repository.missing(db, this.currentYear(), only, limit);
    for (const key of missing.first) drift({ ...key, fields: ['missing'] });
    result.drifted += missing.count - missing.first.length;
    const tallies = await this.#deps.tallies.differences(
      db,
      { year: only.year, path: only.provincePath },
      limit,
    );
    result.tallies = { drifted: tallies.count, first: tallies.first };
    return result;
  }
}

function toRow(
  subject: StandingSubject,
  place: PlacedUnit,
  standing: YearStanding,
  now: Date,
): NewStandingRow {
  return {
    personId: subject.personId,
    year: standing.year,
    unitId: subject.unitId,
    unitPath: subject.unitPath,
    name: subject.name,
    profession: subject.profession,
    titleGrade: subject.titleGrade,
    unitType: place.unitType,
    unitLevel: place.where.unitLevel ?? null,
    compliant: standing.compliant,
    totalCredits: standing.totalCredits,
    required: standing.required,
    shortfall: standing.shortfall,
    classCredits: standing.classCredits,
    requirements: standing.requirements,
    unmet: standing.unmet,
    stage: (standing.stage ?? null) as Record<string, unknown> | null,
    fullYear: (standing.fullYear ?? null) as Record<string, unknown> | null,
    certificateHours: standing.certificateHours,
    pendingCount: standing.pendingCount,
    pendingCredits: standing.pendingCredits,
    monthlyCredits: standing.monthlyCredits,
    activities: standing.activities,
    channelCredits: standing.channelCredits,
    packs: standing.packs,
    computedAt: now,
  };
}

/** The standings service over a database, with its own repositories (seeding, the CLI). */
export function createStandings(deps: Omit<StandingsDeps, 'repository' | 'queries' | 'tallies'>) {
  return new StandingsService({
    ...deps,
    repository: new StandingsRepository(),
    queries: new StandingQueriesRepository(),
    tallies: new StandingTalliesRepository(),
  });
}
