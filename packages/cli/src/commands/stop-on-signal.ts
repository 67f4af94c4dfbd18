/**
 * Waits for SIGTERM or SIGINT, then runs the graceful `shutdown` (ADR 0040) and answers
 * the exit code: 0 when everything stopped in time, 1 when the bound ran out first or the
 * shutdown failed. A second signal while stopping exits at once (130).
 */
export function stopOnSignal(shutdown: () => Promise<'closed' | 'timed_out'>): Promise<number> {
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(130));
      process.stderr.write(
        `jijiao: ${signal}: stopping (requests in flight and background work finish first)\n`,
      );
      shutdown().then(
        (outcome) => {
          if (outcome === 'timed_out')
            process.stderr.write(
              'jijiao: stopped before everything finished (JIJIAO_SHUTDOWN_SECONDS)\n',
            );
          resolve(outcome === 'closed' ? 0 : 1);
        },
        (error: unknown) => {
          process.stderr.write(`jijiao: error while stopping: ${String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
