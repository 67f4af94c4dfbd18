import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { retryDelaySeconds } from '../../platform/http/signed-webhook';
import type { NotificationChannels } from './notification-channels';
import type { DueDelivery, NotificationsRepository } from './notifications.repository';
import { isQuietHour } from './quiet-hours';

export interface NotificationWorkerDeps {
  db: Db;
  clock: Clock;
  repository: NotificationsRepository;
  channels: NotificationChannels;
  settings: { pollSeconds: number; maxAttempts: number; timeoutSeconds: number };
  log?: {
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
}

/** Deliveries leased at once: sent one after another under one lease. */
const batchSize = 10;

export interface DrainResult {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the notification outbox (ADR 0038): lease a batch of due deliveries, send each, mark
 * it. A delivery failed is tried again after a doubling delay (30 s … 1 h), and marked
 * failed after `maxAttempts`; SMS and WeChat held for quiet hours are not leased between
 * 22:00 and 08:00 China time. A worker that dies mid-batch leaves its rows leased; once the
 * lease runs out they are sent again with the same delivery id (the email's Message-ID,
 * the gateway's X-Jijiao-Delivery), which lets a receiver drop the double.
 */
export class NotificationWorker {
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  readonly #deps: NotificationWorkerDeps;

  constructor(deps: NotificationWorkerDeps) {
    this.#deps = deps;
  }

  /** Read afresh each time: `stop()` may abort while a send is awaited. */
  private isStopping(): boolean {
    return this.stopping.signal.aborted;
  }

  private get leaseMs(): number {
    return (this.#deps.settings.timeoutSeconds * batchSize + 30) * 1000;
  }

  /** Leases and attempts one batch of due deliveries; answers what came of them. */
  async runOnce(): Promise<DrainResult & { attempted: number }> {
    const result = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
    const { db, clock, repository, channels } = this.#deps;
    const configured = channels.configured();
    if (this.isStopping() || configured.length === 0) return result;
    const now = clock.now();
    const lease = new Date(now.getTime() + this.leaseMs);
    const due = await repository.claimDue(db, now, lease, isQuietHour(now), batchSize, configured);
    let next = 0;
    for (const delivery of due) {
      if (this.isStopping()) break;
      next += 1;
      const outcome = await this.attempt(delivery, lease);
      if (outcome === 'stopped') break;
      result.attempted += 1;
      result[outcome] += 1;
    }
    // Stopping: the rows of the batch not yet tried go back at once, not when the lease
    // runs out (the one cut short mid-send stays leased, as after a crash).
    const untried = due.slice(next).map((d) => d.id);
    if (untried.length > 0) await repository.release(db, untried, lease);
    return result;
  }

  private async attempt(
    delivery: DueDelivery,
    lease: Date,
  ): Promise<'delivered' | 'retrying' | 'failed' | 'stopped'> {
    const { db, clock, repository, channels, settings } = this.#deps;
    const sent = await channels.send(delivery, this.stopping.signal);
    // Stopped mid-send: write nothing, as a crash would; the lease brings it back.
    if (this.isStopping()) return 'stopped';
    if (sent.ok) {
      await repository.finish(db, delivery.id, lease, {
        status: 'delivered',
        deliveredAt: clock.now(),
        lastError: null,
        lastStatusCode: sent.statusCode,
      });
      return 'delivered';
    }
    const giveUp = sent.permanent || delivery.attempts >= settings.maxAttempts;
    await repository.finish(db, delivery.id, lease, {
      status: giveUp ? 'failed' : 'pending',
      nextAttemptAt: new Date(clock.now().getTime() + retryDelaySeconds(delivery.attempts) * 1000),
      lastError: sent.error.slice(0, 500),
      lastStatusCode: sent.statusCode,
    });
    this.#deps.log?.warn(
      {
        deliveryId: delivery.id,
        channel: delivery.channel,
        attempts: delivery.attempts,
        error: sent.error,
      },
      giveUp ? 'notification delivery failed' : 'notification delivery will be retried',
    );
    return giveUp ? 'failed' : 'retrying';
  }

  /** Attempts every due delivery until none is due. */
  async drain(): Promise<DrainResult> {
    const total = { delivered: 0, retrying: 0, failed: 0 };
    for (;;) {
      const round = await this.runOnce();
      if (round.attempted === 0) return total;
      total.delivered += round.delivered;
      total.retrying += round.retrying;
      total.failed += round.failed;
    }
  }

  /** Polls every `JIJIAO_NOTIFY_POLL_SECONDS` until stopped. */
  start(): void {
    const tick = () => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.#deps.log?.error({ err: error }, 'notification worker failed');
        })
        .finally(() => {
          if (!this.stopping.signal.aborted) {
            this.timer = setTimeout(tick, this.#deps.settings.pollSeconds * 1000);
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
    this.#deps.channels.close();
  }
}
