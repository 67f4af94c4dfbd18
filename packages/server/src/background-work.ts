import type { Clock } from './platform/clock';
import type { Config } from './platform/config/config';
import { scheduleDaily } from './platform/jobs/daily';
import type { Services } from './services';

export interface BackgroundLog {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface BackgroundWork {
  /**
   * Stops taking work and waits for the work in hand: the job being run, the delivery
   * being sent, the standings batch, a daily run. What a bounded shutdown cuts short is
   * taken again by another process once its lease runs out (ADR 0040).
   */
  stop(): Promise<void>;
}

/** Minutes after midnight, China time, of the daily partition step (00:05). */
const partitionsAtMinute = 5;

/**
 * Every piece of background work a process runs (ADR 0040): the job runner, the HR push
 * and notification outboxes, the standings queue, and the daily backup, reminder and
 * claim-partition runs.
 * Each takes its work under a lease (`FOR UPDATE SKIP LOCKED`) or a once-a-day claim, so
 * any number of processes may run it side by side; `jijiao start` runs it unless told not
 * to, `jijiao worker` runs nothing else.
 */
export function startBackgroundWork(
  services: Services,
  options: { config: Config; clock: Clock; log: BackgroundLog },
): BackgroundWork {
  const { config, clock, log } = options;
  const hrPush = services.createHrPushWorker(log);
  const standings = services.createStandingsWorker(log);
  const notifications = services.createNotificationWorker(log);
  const jobRunner = services.createJobRunner({ log, leaseMs: config.jobs.leaseMs });
  const stopBackups = scheduleDaily(
    clock,
    config.backup.dailyAtMinute,
    'backup',
    async () => {
      await services.backups.runScheduled(log);
      return {};
    },
    log,
    services.db,
  );
  const stopReminders = scheduleDaily(
    clock,
    config.reminders.dailyAtMinute,
    'reminders',
    () => services.reminders.run(),
    log,
    services.db,
  );
  // The claims' partitions by year (ADR 0042): at start, and daily just after midnight
  // China time, so that a new year's partition exists before its first claim.
  const ensurePartitions = async () => {
    const done = await services.claimYears.ensureYears();
    if (done.left.length > 0)
      log.warn(
        { left: done.left },
        'claims in the default partition: run jijiao claims add-year for each year left',
      );
    return done;
  };
  const partitionsAtStart = ensurePartitions().then(
    (done) => {
      if (done.added.length > 0) log.info({ added: done.added }, 'claim partitions added');
    },
    (error: unknown) => {
      log.error({ err: error }, 'claim partitions could not be ensured');
    },
  );
  const stopPartitions = scheduleDaily(
    clock,
    partitionsAtMinute,
    'claim-partitions',
    ensurePartitions,
    log,
    services.db,
  );
  hrPush.start();
  standings.start();
  notifications.start();
  jobRunner.start();
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= Promise.all([
        stopBackups(),
        stopReminders(),
        stopPartitions(),
        partitionsAtStart,
        jobRunner.stop(),
        hrPush.stop(),
        standings.stop(),
        notifications.stop(),
      ]).then(() => undefined);
      return stopped;
    },
  };
}
