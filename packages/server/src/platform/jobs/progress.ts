/**
 * How long work says how far it is: `done` of `total` units (rows), `total` null until
 * known. Work calls it as often as it likes, per row even; what it costs is the listener's
 * business (see `throttledProgress`). It may throw to stop the work (a job that lost its lease).
 */
export type ProgressListener = (done: number, total: number | null) => Promise<void>;

/** Progress that reports nothing (the CLI, the synchronous API). */
export const noProgress: ProgressListener = () => Promise.resolve();

/**
 * Passes progress on to `write` at most once every `every` units: when the total becomes
 * known, each time `done` has moved on by `every`, and when it reaches the total. A file
 * of 100 000 rows makes about 200 writes, not 100 000.
 */
export function throttledProgress(
  write: (done: number, total: number | null) => Promise<void>,
  every: number,
): ProgressListener {
  let lastDone = -1;
  let lastTotal: number | null = null;
  return async (done, total) => {
    const due =
      total !== lastTotal ||
      done - lastDone >= every ||
      (total !== null && done === total && done !== lastDone);
    if (!due) return;
    lastDone = done;
    lastTotal = total;
    await write(done, total);
  };
}
