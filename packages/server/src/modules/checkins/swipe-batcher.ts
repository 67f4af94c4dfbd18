import type { SwipeFacts, SwipeToRecord } from './checkins.repository';

/** One request's swipes, numbered from 0 in the request, without their kiosk's token yet. */
export type RequestSwipe = Omit<SwipeToRecord, 'token_hash'>;

/** Runs the statement over the swipes of one or several requests (their `ord`s distinct). */
export type RunSwipes = (swipes: readonly SwipeToRecord[]) => Promise<SwipeFacts[]>;

export interface SwipeBatcherOptions {
  /** Statements running at once; requests arriving meanwhile wait and go in the next one. */
  maxInFlight: number;
  /** Swipes in one statement at most (a request larger than this still goes whole, alone). */
  maxSwipes: number;
}

interface Waiting {
  tokenHash: string;
  swipes: readonly RequestSwipe[];
  resolve: (facts: SwipeFacts[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for swipes (ADR 0043). A request's swipes go to the database at once while
 * fewer than `maxInFlight` statements run; otherwise they wait, and when a statement ends,
 * everything that waited goes in one statement, in the order it arrived. A kiosk alone
 * waits for nothing; at a congress's busiest minute, many kiosks' swipes share one
 * statement and one commit instead of one each.
 *
 * Each request gets the facts of its own swipes, numbered as it numbered them, exactly as
 * a statement of its own would give them: the statement takes the swipes in arrival order,
 * so of two swipes of the same person in the same session the earlier one is inserted and
 * the later one finds it. If a shared statement fails, each request runs again alone, one
 * after another, so one request's failure is its own.
 */
export class SwipeBatcher {
  readonly #run: RunSwipes;
  readonly #options: SwipeBatcherOptions;
  readonly #waiting: Waiting[] = [];
  #inFlight = 0;

  constructor(run: RunSwipes, options: SwipeBatcherOptions) {
    if (options.maxInFlight < 1 || options.maxSwipes < 1)
      throw new Error('a swipe batcher needs at least one statement and one swipe');
    this.#run = run;
    this.#options = options;
  }

  /** The facts of one request's swipes (`ord` as in the request); none if its kiosk is unknown. */
  record(tokenHash: string, swipes: readonly RequestSwipe[]): Promise<SwipeFacts[]> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ tokenHash, swipes, resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#options.maxInFlight && this.#waiting.length > 0) {
      const batch = this.#take();
      this.#inFlight++;
      void this.#runBatch(batch).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
  }

  /** The waiting requests, oldest first, up to `maxSwipes` (always at least one request). */
  #take(): Waiting[] {
    const batch: Waiting[] = [];
    let swipes = 0;
    while (this.#waiting.length > 0) {
      const next = this.#waiting[0];
      if (!next) break;
      if (batch.length > 0 && swipes + next.swipes.length > this.#options.maxSwipes) break;
      batch.push(next);
      swipes += next.swipes.length;
      this.#waiting.shift();
    }
    return batch;
  }

  async #runBatch(batch: readonly Waiting[]): Promise<void> {
    if (batch.length === 1) {
      const only = batch[0];
      if (only) await this.#runAlone(only);
      return;
    }
    let facts: SwipeFacts[];
    const offsets: number[] = [];
    try {
      let offset = 0;
      const swipes: SwipeToRecord[] = [];
      for (const request of batch) {
        offsets.push(offset);
        for (const s of request.swipes)
          swipes.push({ ...s, ord: offset + s.ord, token_hash: request.tokenHash });
        offset += request.swipes.length;
      }
      facts = await this.#run(swipes);
    } catch {
      // One request's trouble (or a deadlock of the shared statement) must not answer for
      // the others: each runs again alone, and answers (or fails) for itself. A failed
      // statement wrote nothing, so running it again records nothing twice.
      for (const request of batch) await this.#runAlone(request);
      return;
    }
    const byRequest: SwipeFacts[][] = batch.map(() => []);
    for (const f of facts) {
      const i = requestOf(offsets, f.ord);
      byRequest[i]?.push({ ...f, ord: f.ord - (offsets[i] ?? 0) });
    }
    batch.forEach((request, i) => {
      request.resolve(byRequest[i] ?? []);
    });
  }

  async #runAlone(request: Waiting): Promise<void> {
    try {
      request.resolve(
        await this.#run(request.swipes.map((s) => ({ ...s, token_hash: request.tokenHash }))),
      );
    } catch (error) {
      request.reject(error);
    }
  }
}

/** The request whose swipes start at the greatest offset not above `ord`. */
function requestOf(offsets: readonly number[], ord: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= ord) low = mid;
    else high = mid - 1;
  }
  return low;
}
