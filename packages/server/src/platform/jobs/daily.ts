import { msUntilChinaMinute, type Clock } from '../clock';

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Runs `task` every day at `minute` after midnight China time while the process lives, one
 * run at a time; returns the function that stops it (waiting for a run in progress). Work
 * that several processes may run at once must be idempotent (the reminders are).
 */
export function scheduleDaily(
  clock: Clock,
  minute: number | null,
  name: string,
  task: () => Promise<object>,
  log: Log,
): () => Promise<void> {
  if (minute === null) return () => Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> | null = null;
  const next = () => {
    timer = setTimeout(
      () => {
        running = task()
          .then((result) => {
            log.info(result, `${name} ran`);
          })
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
