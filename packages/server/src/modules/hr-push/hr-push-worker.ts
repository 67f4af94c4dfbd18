import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config/config';
import type { Db } from '../../platform/db/database';
import type { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import { postSigned, retryDelaySeconds } from '../../platform/http/signed-webhook';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { HrPushRepository, OutboxRow } from './hr-push.repository';
import { noReceiverError } from './hr-push-delivery';

export {
  deliveryHeader,
  eventHeader,
  retryDelaySeconds,
  signatureHeader,
  signBody,
} from '../../platform/http/signed-webhook';

/** The body of a delivery: the same bytes on every attempt. */
export function deliveryBody(row: OutboxRow): string {
  return JSON.stringify({
    deliveryId: row.id,
    kind: row.kind,
    provinceId: row.provinceId,
    createdAt: row.createdAt.toISOString(),
    payload: row.payload,
  });
}

export interface HrPushWorkerDeps {
  db: Db;
  clock: Clock;
  repository: HrPushRepository;
  cipher: IdNumberCipher;
  auditLog: AuditLogService;
  config: Pick<Config, 'hrPush'>;
  log?: {
    debug(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
}

export type AttemptOutcome = 'idle' | 'delivered' | 'retry' | 'failed' | 'stopped';

/**
 * Delivers the outbox to each province's HR receiver: claim a due row under a lease,
 * POST it signed, then mark it. A worker that stops (or dies) between the POST and the
 * mark leaves the row leased; once the lease runs out another worker sends it again with
 * the same delivery id, which the receiver dedupes: nothing lost, nothing doubled.
 */
export class HrPushWorker {
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  readonly #deps: HrPushWorkerDeps;

  constructor(deps: HrPushWorkerDeps) {
    this.#deps = deps;
  }

  /** Read afresh each time: `stop()` may abort while a send is awaited. */
  private isStopping(): boolean {
    return this.stopping.signal.aborted;
  }

  private get leaseMs(): number {
    return (this.#deps.config.hrPush.timeoutSeconds + 30) * 1000;
  }

  /** Claims and attempts one due delivery. */
  async runOnce(): Promise<AttemptOutcome> {
    if (this.isStopping()) return 'stopped';
    const { db, clock, repository } = this.#deps;
    const now = clock.now();
    const lease = new Date(now.getTime() + this.leaseMs);
    const row = await repository.claimDue(db, now, lease);
    if (!row) return 'idle';
    const settings = await repository.settings(db, row.provinceId);
    if (!settings?.enabled) return this.fail(row, lease, noReceiverError, null, { expected: true });
    const body = deliveryBody(row);
    let status: number;
    try {
      status = await postSigned({
        url: settings.receiverUrl,
        secret: this.#deps.cipher.decrypt(settings.secretCipher),
        deliveryId: row.id,
        event: row.kind,
        body,
        signal: AbortSignal.any([
          this.stopping.signal,
          AbortSignal.timeout(this.#deps.config.hrPush.timeoutSeconds * 1000),
        ]),
      });
    } catch (error) {
      // Stopped mid-send: write nothing, as a crash would; the lease brings it back.
      if (this.isStopping()) return 'stopped';
      return this.fail(row, lease, error instanceof Error ? error.message : 'request failed', null);
    }
    if (this.isStopping()) return 'stopped';
    if (status < 200 || status >= 300)
      return this.fail(row, lease, `receiver answered ${String(status)}`, status);
    const marked = await repository.markDelivered(db, row.id, lease, clock.now(), status);
    if (marked) {
      await this.#deps.auditLog.record({
        action: 'hr_push.delivered',
        targetType: 'hr_push_delivery',
        targetId: row.id,
        orgPath: `/${row.provinceId}/`,
        details: { kind: row.kind, attempts: row.attempts },
      });
    }
    return 'delivered';
  }

  private async fail(
    row: OutboxRow,
    lease: Date,
    message: string,
    statusCode: number | null,
    options: { expected?: boolean } = {},
  ): Promise<AttemptOutcome> {
    const giveUp = row.attempts >= this.#deps.config.hrPush.maxAttempts;
    const now = this.#deps.clock.now();
    await this.#deps.repository.markFailed(this.#deps.db, row.id, lease, {
      status: giveUp ? 'failed' : 'pending',
      nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(row.attempts) * 1000),
      lastError: message.slice(0, 500),
      lastStatusCode: statusCode,
    });
    // A province that has set no receiver (the demo) is waiting, not failing: the delivery
    // log shows why each stays pending; only a receiver that fails is worth a warning.
    const log = this.#deps.log;
    const entry = { deliveryId: row.id, attempts: row.attempts, error: message };
    if (options.expected === true) log?.debug(entry, 'HR push waits for a receiver');
    else log?.warn(entry, 'HR push attempt failed');
    if (giveUp) {
      await this.#deps.auditLog.record({
        action: 'hr_push.failed',
        targetType: 'hr_push_delivery',
        targetId: row.id,
        orgPath: `/${row.provinceId}/`,
        details: { kind: row.kind, attempts: row.attempts, error: message.slice(0, 500) },
      });
      return 'failed';
    }
    return 'retry';
  }

  /** Attempts every due delivery, one after another, until none is due. */
  async drain(): Promise<number> {
    let attempts = 0;
    for (;;) {
      const outcome = await this.runOnce();
      if (outcome === 'idle' || outcome === 'stopped') return attempts;
      attempts += 1;
    }
  }

  /** Polls every `JIJIAO_HR_PUSH_POLL_SECONDS` until stopped. */
  start(): void {
    const tick = () => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.#deps.log?.error({ err: error }, 'HR push worker failed');
        })
        .finally(() => {
          if (!this.stopping.signal.aborted) {
            this.timer = setTimeout(tick, this.#deps.config.hrPush.pollSeconds * 1000);
            this.timer.unref();
          }
        });
    };
    tick();
  }

  /** Aborts a send in flight (without marking it) and waits for the loop to end. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
