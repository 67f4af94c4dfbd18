import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import { chinaDay, msUntilChinaMinute, type Clock } from '../clock';
import { queryRows, type Db } from '../db/database';

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Claims `task`'s run for a China day: true for exactly one caller however many processes
 * ask (the row's primary key decides, ADR 0040), false for every other.
 */
export async function claimDailyRun(db: Db, task: string, day: string, at: Date): Promise<boolean> {
  const claimedBy = `${hostname()}:${String(process.pid)}`;
  const rows = await queryRows<{ task: string }>(
    db,
    sql`insert into scheduled_runs (task, run_on, claimed_at, claimed_by)
        values (${task}, ${day}::date, ${at.toISOString()}::timestamptz, ${claimedBy})
        on conflict (task, run_on) do nothing
        returning task`,
  );
  return rows.length === 1;
}

/**
 * Runs `task` every day at `minute` after midnight China time while the process lives, one
 * run at a time; returns the function that stops it (waiting for a run in progress). With
 * `db`, each day's run is first claimed (`claimDailyRun`), so that of several processes
 * armed at the same minute only one runs it.
 */
export function scheduleDaily(
  clock: Clock,
  minute: number | null,
  name: string,
  task: () => Promise<object>,
  log: Log,
  db?: Db,
): () => Promise<void> {
  if (minute === null) return () => Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> | null = null;
  const runClaimed = async () => {
    const now = clock.now();
    if (db && !(await claimDailyRun(db, name, chinaDay(now), now))) {
      log.info({ task: name }, `${name} already claimed by another process today`);
      return;
    }
    log.info(await task(), `${name} ran`);
  };
  const next = () => {
    timer = setTimeout(
      () => {
        running = runClaimed()
          .catch((error: unknown) => {
            log.error({ err: error }, `${name} failed`);
          })
          .finally(() => {
            running = null;
            if (!stopped) next();
          });
      },
      msUntilChinaMinute(clock.now(), minute),
    );
    timer.unref();
  };
  next();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
