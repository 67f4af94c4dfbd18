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
