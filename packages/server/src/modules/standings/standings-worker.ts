import type { StandingsService } from './standings.service';

export interface StandingsWorkerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface StandingsWorkerOptions {
  standings: StandingsService;
  /** Seconds between looks at an empty queue. */
  pollSeconds?: number;
  /** How often to queue whoever has no standing of the current year (a new year, new people). */
  missingEveryMs?: number;
  log?: StandingsWorkerLog;
}

/**
 * Drains the standings queue in the server: at start it checks the rules fingerprint
 * (queuing everything when the packs changed), then takes the queue a batch at a time and
 * looks again every second when it is empty. Changes wait in the queue for about a second;
 * pages say "as of" when more than a few are waiting in their scope.
 */
export class StandingsWorker {
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastMissingCheck = 0;
  private prepared = false;

  readonly #options: StandingsWorkerOptions;

  constructor(options: StandingsWorkerOptions) {
    this.#options = options;
  }

  /** One pass: prepare once, queue missing standings now and then, drain the queue. */
  async runOnce(): Promise<number> {
    const { standings, log } = this.#options;
    if (!this.prepared) {
      const { queued, rulesChanged } = await standings.prepare();
      this.prepared = true;
      this.lastMissingCheck = Date.now();
      if (queued > 0) log?.info({ queued, rulesChanged }, 'standings queued to be computed');
    } else if (Date.now() - this.lastMissingCheck > (this.#options.missingEveryMs ?? 3_600_000)) {
      this.lastMissingCheck = Date.now();
      await standings.prepare();
    }
    let done = 0;
    while (!this.stopping.signal.aborted) {
      const n = await standings.drainOnce();
      if (n === 0) break;
      done += n;
    }
    // Then the unit tallies the drained standings queued (ADR 0021).
    while (!this.stopping.signal.aborted) {
      if ((await standings.drainTalliesOnce()) === 0) break;
    }
    return done;
  }

  start(): void {
    const tick = () => {
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.#options.log?.error({ err: error }, 'standings worker failed');
        })
        .finally(() => {
          if (!this.stopping.signal.aborted) {
            this.timer = setTimeout(tick, (this.#options.pollSeconds ?? 1) * 1000);
            this.timer.unref();
          }
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
