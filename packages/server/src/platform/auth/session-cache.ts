/**
 * Sessions resolved in the last few seconds, in this process (ADR 0021): the learner's
 * year and every other signed-in read then cost one query, not two. An entry lives
 * `ttlMs` at most; signing out, a password change and a change of a user's grants forget
 * it at once in this process (another server process sees the change within `ttlMs`).
 * Expired entries go when the next entry is added, read or not: sessions that are never
 * used again (a phone closed without signing out) would otherwise stay until `max`
 * pushed them out, a few kB each.
 */
export class SessionCache<T> {
  readonly #entries = new Map<string, { value: T; userId: string; until: number }>();
  readonly #ttlMs: number;
  readonly #max: number;

  constructor(ttlMs: number, max = 50_000) {
    this.#ttlMs = ttlMs;
    this.#max = max;
  }

  get(sessionId: string, nowMs: number): T | undefined {
    const entry = this.#entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= nowMs) {
      this.#entries.delete(sessionId);
      return undefined;
    }
    return entry.value;
  }

  set(sessionId: string, userId: string, value: T, nowMs: number): void {
    if (this.#ttlMs <= 0) return;
    this.#entries.delete(sessionId);
    // Entries are kept in the order they were set, and all live `ttlMs`: the expired ones
    // are at the front.
    for (const [id, entry] of this.#entries) {
      if (entry.until > nowMs) break;
      this.#entries.delete(id);
    }
    // The oldest entry goes first when full (a Map iterates in insertion order).
    if (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(sessionId, { value, userId, until: nowMs + this.#ttlMs });
  }

  forgetSession(sessionId: string): void {
    this.#entries.delete(sessionId);
  }

  forgetUser(userId: string): void {
    for (const [id, entry] of this.#entries) if (entry.userId === userId) this.#entries.delete(id);
  }

  get size(): number {
    return this.#entries.size;
  }
}
