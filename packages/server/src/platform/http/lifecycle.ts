/**
 * Where a server process is in its life, as its readiness probe reports it (ADR 0040):
 * once a graceful shutdown has begun, `/api/health/ready` answers 503 at once so a load
 * balancer stops sending new requests while those in flight finish.
 */
export class Lifecycle {
  #draining = false;

  get draining(): boolean {
    return this.#draining;
  }

  /** Marks the process as stopping; it never becomes ready again. */
  beginShutdown(): void {
    this.#draining = true;
  }
}

/**
 * Runs `stop` and answers `closed`, or `timed_out` once `timeoutMs` has passed first (the
 * caller then exits anyway: what was cut short is taken again after its lease).
 */
export async function stopWithin(
  timeoutMs: number,
  stop: () => Promise<void>,
): Promise<'closed' | 'timed_out'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed_out'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timed_out');
    }, timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([stop().then(() => 'closed' as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
