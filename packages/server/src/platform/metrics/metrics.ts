import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type LabelValues,
} from 'prom-client';
import type { PoolStats } from '../db/database';

/** Counts by status; every source answers with cheap queries at scrape time. */
type Counts = Promise<Record<string, number>>;

/** Where the backlog gauges read from: the owning modules' services (ADR 0040). */
export interface BacklogSources {
  jobs: () => Counts;
  hrPush: () => Counts;
  notifications: () => Counts;
  standingsQueues: () => Counts;
}

/**
 * The process's Prometheus metrics (ADR 0040), in a registry of its own (never prom-client's
 * global one: tests build many apps in one process). Request latency and sign-in failures
 * are counted as they happen; the pool and the backlogs are read when Prometheus scrapes.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #requestSeconds: Histogram<'method' | 'route' | 'status_class'>;
  readonly #signInFailures: Counter<'step'>;
  readonly #routedReads: Counter<'source' | 'reason'>;

  constructor(options: { engine: 'pglite' | 'postgres'; pool: () => PoolStats; process: boolean }) {
    const registers = [this.registry];
    if (options.process) collectDefaultMetrics({ register: this.registry });
    this.#requestSeconds = new Histogram({
      name: 'jijiao_http_request_duration_seconds',
      help: 'Time to answer a request, by route pattern, method and status class',
      labelNames: ['method', 'route', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.#signInFailures = new Counter({
      name: 'jijiao_sign_in_failures_total',
      help: 'Failed sign-ins in this process: a wrong password or a wrong second factor',
      labelNames: ['step'],
      registers,
    });
    this.#routedReads = new Counter({
      name: 'jijiao_routed_reads_total',
      help: 'Requests whose reads may use the replica (ADR 0041), by where they read and why the primary',
      labelNames: ['source', 'reason'],
      registers,
    });
    new Gauge({
      name: 'jijiao_db_pool_connections',
      help: 'Database connections by state (PGlite: one, in process; idle and waiting are not known)',
      labelNames: ['engine', 'state'],
      registers,
      collect() {
        this.reset();
        const { total, idle, waiting } = options.pool();
        const states: [string, number | undefined][] = [
          ['total', total],
          ['idle', idle],
          ['waiting', waiting],
        ];
        for (const [state, value] of states)
          if (value !== undefined) this.set({ engine: options.engine, state }, value);
      },
    });
  }

  observeRequest(labels: LabelValues<'method' | 'route' | 'status_class'>, seconds: number): void {
    this.#requestSeconds.observe(labels, seconds);
  }

  signInFailed(step: 'password' | 'second_factor'): void {
    this.#signInFailures.inc({ step });
  }

  /** A replica-tolerant request read from `source` (`reason`: why not the replica). */
  routedRead(source: string, reason: string | null): void {
    this.#routedReads.inc({ source, reason: reason ?? '' });
  }

  /** Registers the backlog gauges; each reads its source at scrape time. */
  watch(sources: BacklogSources): void {
    const gauge = (name: string, help: string, label: string, read: () => Counts) =>
      new Gauge({
        name,
        help,
        labelNames: [label],
        registers: [this.registry],
        async collect() {
          this.reset();
          // A source that fails (the database is down) leaves its gauge empty: the scrape
          // still answers, and the readiness probe says what is wrong.
          const counts = await read().catch(() => ({}));
          for (const [value, count] of Object.entries(counts)) this.set({ [label]: value }, count);
        },
      });
    gauge('jijiao_jobs', 'Background jobs not finished, by status', 'status', sources.jobs);
    gauge(
      'jijiao_hr_push_outbox',
      'HR push deliveries not yet done: waiting, or leased by a worker now',
      'status',
      sources.hrPush,
    );
    gauge(
      'jijiao_notification_outbox',
      'Notification deliveries (email, SMS, WeChat) not yet done: waiting, or leased now',
      'status',
      sources.notifications,
    );
    gauge(
      'jijiao_standings_queue_length',
      'Entries waiting in the standings queues: people’s years, units’ tallies',
      'queue',
      sources.standingsQueues,
    );
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
