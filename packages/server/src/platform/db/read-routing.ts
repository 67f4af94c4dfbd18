import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './database';

/** Where a request's replica-tolerant reads went (ADR 0041). */
export type ReadSource = 'primary' | 'replica';

/** Why a request that could read from the replica read from the primary. */
export type PrimaryReason = 'no_replica' | 'replica_unavailable' | 'replica_lagging' | 'own_write';

export interface ReadChoice {
  source: ReadSource;
  reason: PrimaryReason | null;
  /** The replica's lag when it was asked, in seconds (null: no replica or not reachable). */
  lagSeconds: number | null;
}

/** What the replica said of itself, at most `stateTtlMs` ago. */
interface ReplicaState {
  available: boolean;
  /** The last WAL position it has replayed (what it can answer for). */
  replayed: bigint | null;
  lagSeconds: number | null;
}

interface RequestReads {
  /** The replica, while this request may read from it; undefined: the primary. */
  db: Db | undefined;
}

/** A WAL position as PostgreSQL prints it (`16/B374D848`), as a number; null if not one. */
export function parseLsn(text: string | null | undefined): bigint | null {
  if (!text) return null;
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) return null;
  return (BigInt(`0x${match[1] ?? '0'}`) << 32n) | BigInt(`0x${match[2] ?? '0'}`);
}

const storage = new AsyncLocalStorage<RequestReads>();

export interface ReadRoutingOptions {
  primary: Db;
  /** The streaming standby (`DATABASE_REPLICA_URL`); absent: every read is the primary's. */
  replica?: Db | undefined;
  /** Beyond this lag the replica is not read (ADR 0041). */
  maxLagSeconds: number;
  /** How long one look at the replica's state is reused (a request costs no extra query). */
  stateTtlMs?: number;
  now?: () => number;
}

/**
 * Read routing (ADR 0041): the reads a route declares replica-tolerant (dashboards,
 * statistics, progress lists and their exports, a year page) go to the streaming standby
 * when it is there, within `maxLagSeconds`, and has replayed the caller's own last write
 * (the WAL position a write request left in the `jijiao_wlsn` cookie); otherwise to the
 * primary. Services ask `db()` for such reads: outside a routed request it is the primary,
 * so workers, the CLI and writes never touch the replica. A service that writes while
 * answering (a stale standing computed on read) calls `pinPrimary()`: the rest of that
 * request reads what it wrote.
 */
export class ReadRouting {
  readonly #primary: Db;
  readonly #replica: Db | undefined;
  readonly #maxLagSeconds: number;
  readonly #stateTtlMs: number;
  readonly #now: () => number;
  #state: { at: number; value: Promise<ReplicaState> } | undefined;

  constructor(options: ReadRoutingOptions) {
    this.#primary = options.primary;
    this.#replica = options.replica;
    this.#maxLagSeconds = options.maxLagSeconds;
    this.#stateTtlMs = options.stateTtlMs ?? 250;
    this.#now = options.now ?? Date.now;
  }

  /**
   * How long the caller's write position is kept (seconds): longer than any lag the replica
   * is read at, so that a write is read back from the primary until the replica has it or
   * lags past the bound (and is not read at all). At least ten minutes.
   */
  get writePositionSeconds(): number {
    return Math.max(600, Math.ceil(this.#maxLagSeconds) + 60);
  }

  /** A replica is configured. */
  get enabled(): boolean {
    return this.#replica !== undefined;
  }

  /** The database for a replica-tolerant read now: the request's choice, else the primary. */
  db(): Db {
    return storage.getStore()?.db ?? this.#primary;
  }

  /** From now on in this request, reads go to the primary (the request has written). */
  pinPrimary(): void {
    const store = storage.getStore();
    if (store) store.db = undefined;
  }

  /**
   * Where a routed request reads: the replica unless there is none, it cannot be reached,
   * it lags more than the bound, or it has not yet replayed `lastWrite` (the caller's own
   * last write position, from their cookie).
   */
  async choose(lastWrite: string | undefined): Promise<ReadChoice> {
    if (!this.#replica) return { source: 'primary', reason: 'no_replica', lagSeconds: null };
    const state = await this.#replicaState();
    if (!state.available)
      return { source: 'primary', reason: 'replica_unavailable', lagSeconds: null };
    const lag = state.lagSeconds;
    if (lag === null || lag > this.#maxLagSeconds)
      return { source: 'primary', reason: 'replica_lagging', lagSeconds: lag };
    const written = parseLsn(lastWrite);
    if (written !== null && (state.replayed === null || state.replayed < written))
      return { source: 'primary', reason: 'own_write', lagSeconds: lag };
    return { source: 'replica', reason: null, lagSeconds: lag };
  }

  /**
   * The replica failed in the middle of a read: the next `choose` asks it again instead of
   * trusting what it said before.
   */
  replicaFailed(): void {
    this.#state = undefined;
  }

  /** Runs `work` with its replica-tolerant reads going where `choice` says. */
  run<T>(choice: ReadChoice, work: () => T): T {
    return storage.run({ db: choice.source === 'replica' ? this.#replica : undefined }, work);
  }

  /**
   * The primary's WAL position now: after a write committed, what a replica must replay.
   * The insert position, not the written one: with `synchronous_commit = off` the commit
   * record may still be in the WAL buffers.
   */
  async writePosition(): Promise<string | null> {
    if (!this.#replica) return null;
    const [row] = await queryRows<{ lsn: string }>(
      this.#primary,
      sql`select pg_current_wal_insert_lsn()::text as lsn`,
    );
    return row?.lsn ?? null;
  }

  async #replicaState(): Promise<ReplicaState> {
    const now = this.#now();
    if (this.#state && now - this.#state.at < this.#stateTtlMs) return this.#state.value;
    const value = this.#askReplica();
    this.#state = { at: now, value };
    return value;
  }

  /**
   * The replica's lag: none when it has replayed all it received and is streaming; else the
   * time since the last transaction it replayed (an over-estimate after a quiet spell, which
   * only sends reads to the primary). Not a standby (promoted): no lag.
   */
  async #askReplica(): Promise<ReplicaState> {
    const replica = this.#replica;
    if (!replica) return { available: false, replayed: null, lagSeconds: null };
    try {
      const [row] = await queryRows<{
        standby: boolean;
        replayed: string | null;
        received: string | null;
        since_replay: number | null;
        streaming: boolean;
        current: string | null;
      }>(
        replica,
        sql`select pg_is_in_recovery() as standby,
                   pg_last_wal_replay_lsn()::text as replayed,
                   pg_last_wal_receive_lsn()::text as received,
                   extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as since_replay,
                   exists (select 1 from pg_stat_wal_receiver where status = 'streaming') as streaming,
                   case when pg_is_in_recovery() then null else pg_current_wal_lsn()::text end as current`,
      );
      if (!row) return { available: false, replayed: null, lagSeconds: null };
      if (!row.standby) return { available: true, replayed: parseLsn(row.current), lagSeconds: 0 };
      const replayed = parseLsn(row.replayed);
      const caughtUp = row.streaming && replayed !== null && replayed === parseLsn(row.received);
      return {
        available: true,
        replayed,
        lagSeconds: caughtUp ? 0 : row.since_replay === null ? null : Math.max(0, row.since_replay),
      };
    } catch {
      return { available: false, replayed: null, lagSeconds: null };
    }
  }
}
