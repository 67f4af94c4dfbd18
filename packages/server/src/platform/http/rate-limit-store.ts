import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/database';

/** Counters of windows that ended this long ago are deleted, now and then. */
const keepMs = 24 * 3_600_000;
/** One increment in this many also sweeps the old rows. */
const sweepEvery = 500;

interface RouteInfo {
  method?: string | string[];
  url?: string;
}

/**
 * `@fastify/rate-limit`'s store in PostgreSQL (ADR 0040): every process on the database
 * counts in the same row, so N servers behind a balancer allow the limit once, not N times.
 * The window starts at a key's first request, as in the library's own in-memory store, and
 * the database's clock decides, so processes whose clocks differ agree.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private calls = 0;

    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow = 60_000,
    ): void {
      this.count(`${this.prefix}${key}`, timeWindow).then(
        (result) => {
          callback(null, result);
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    }

    private async count(key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
      const window = sql`(${windowMs}::int * interval '1 millisecond')`;
      const [row] = await queryRows<{ hits: number; ttlMs: number }>(
        db,
        sql`insert into rate_limit_counters as c (key, started_at, hits)
            values (${key}, clock_timestamp(), 1)
            on conflict (key) do update set
              hits = case when c.started_at + ${window} <= clock_timestamp() then 1
                          else c.hits + 1 end,
              started_at = case when c.started_at + ${window} <= clock_timestamp()
                                then clock_timestamp() else c.started_at end
            returning hits,
              greatest(0, extract(epoch from (started_at + ${window} - clock_timestamp())) * 1000)::int
                as "ttlMs"`,
      );
      this.calls += 1;
      if (this.calls % sweepEvery === 0)
        await queryRows(
          db,
          sql`delete from rate_limit_counters
               where started_at < clock_timestamp() - (${keepMs}::int * interval '1 millisecond')`,
        );
      return { current: row?.hits ?? 1, ttl: row?.ttlMs ?? windowMs };
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: RouteInfo }).routeInfo ?? {};
      const method = Array.isArray(route.method) ? route.method.join(',') : (route.method ?? '');
      return new DatabaseRateLimitStore(routeOptions, `${method} ${route.url ?? ''}|`);
    }
  }
  return DatabaseRateLimitStore;
}
