import { describe, expect, it } from 'vitest';
import type { SwipeFacts, SwipeToRecord } from './checkins.repository';
import { SwipeBatcher, type RequestSwipe } from './swipe-batcher';

// The batcher alone, over a statement that answers one fact per swipe of a known kiosk
// (token "k…") and none for others: which requests share a statement, in which order, and
// that each request gets its own facts back as it numbered them.

function swipes(n: number, tag: string): RequestSwipe[] {
  return Array.from({ length: n }, (_, ord) => ({
    ord,
    client_id: `${tag}-${String(ord)}`,
    session_id: 's',
    card_number: '1',
    qr_person_id: null,
    qr: false,
    swiped_at: '2026-04-01T00:00:00Z',
  }));
}

function fact(s: SwipeToRecord): SwipeFacts {
  return {
    ord: s.ord,
    device_id: s.token_hash,
    registration_required: false,
    card_status: 'active',
    person_id: s.client_id,
    person_name: null,
    registered: false,
    accepted: true,
    inserted_at: null,
    resent_at: null,
    first_at: null,
  };
}

/** A statement held until `release()`: the calls it got, each a list of swipes. */
function gatedStatement(fail?: (swipes: readonly SwipeToRecord[]) => boolean) {
  const calls: SwipeToRecord[][] = [];
  let open: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    calls,
    release() {
      open();
      gate = Promise.resolve();
    },
    run: async (batch: readonly SwipeToRecord[]) => {
      calls.push([...batch]);
      await gate;
      if (fail?.(batch)) throw new Error('statement failed');
      return batch.filter((s) => s.token_hash.startsWith('k')).map(fact);
    },
  };
}

const clientIds = (facts: readonly SwipeFacts[]) => facts.map((f) => [f.ord, f.person_id]);

describe('SwipeBatcher', () => {
  it('sends a request at once while a statement slot is free', async () => {
    const statement = gatedStatement();
    statement.release();
    const batcher = new SwipeBatcher(statement.run, { maxInFlight: 2, maxSwipes: 100 });
    const facts = await batcher.record('k1', swipes(2, 'a'));
    expect(clientIds(facts)).toEqual([
      [0, 'a-0'],
      [1, 'a-1'],
    ]);
    expect(statement.calls).toHaveLength(1);
    expect(statement.calls[0]?.map((s) => s.token_hash)).toEqual(['k1', 'k1']);
  });

  it('puts the requests that waited into one statement, in arrival order, each answered alone', async () => {
    const statement = gatedStatement();
    const batcher = new SwipeBatcher(statement.run, { maxInFlight: 1, maxSwipes: 100 });
    const first = batcher.record('k1', swipes(1, 'first'));
    const waiting = [
      batcher.record('k2', swipes(2, 'b')),
      batcher.record('unknown', swipes(1, 'c')),
      batcher.record('k3', swipes(3, 'd')),
    ];
    expect(statement.calls).toHaveLength(1);
    statement.release();
    expect(clientIds(await first)).toEqual([[0, 'first-0']]);
    const [b, c, d] = await Promise.all(waiting);
    expect(statement.calls).toHaveLength(2);
    expect(statement.calls[1]?.map((s) => [s.ord, s.token_hash, s.client_id])).toEqual([
      [0, 'k2', 'b-0'],
      [1, 'k2', 'b-1'],
      [2, 'unknown', 'c-0'],
      [3, 'k3', 'd-0'],
      [4, 'k3', 'd-1'],
      [5, 'k3', 'd-2'],
    ]);
    expect(clientIds(b ?? [])).toEqual([
      [0, 'b-0'],
      [1, 'b-1'],
    ]);
    expect(c).toEqual([]);
    expect(clientIds(d ?? [])).toEqual([
      [0, 'd-0'],
      [1, 'd-1'],
      [2, 'd-2'],
    ]);
  });

  it('keeps a statement within maxSwipes, but never splits a request', async () => {
    const statement = gatedStatement();
    const batcher = new SwipeBatcher(statement.run, { maxInFlight: 1, maxSwipes: 4 });
    const all = [
      batcher.record('k0', swipes(1, 'hold')),
      batcher.record('k1', swipes(3, 'a')),
      batcher.record('k2', swipes(2, 'b')),
      batcher.record('k3', swipes(6, 'c')),
      batcher.record('k4', swipes(1, 'd')),
    ];
    statement.release();
    await Promise.all(all);
    expect(statement.calls.map((c) => c.map((s) => s.client_id[0]).join(''))).toEqual([
      'h',
      'aaa',
      'bb',
      'cccccc',
      'd',
    ]);
  });

  it('runs each request of a failed shared statement again alone; only a failing one fails', async () => {
    // The shared statement fails, and so does any statement with the "bad" request in it.
    const statement = gatedStatement(
      (batch) =>
        new Set(batch.map((s) => s.token_hash)).size > 1 ||
        batch.some((s) => s.client_id.startsWith('bad')),
    );
    const batcher = new SwipeBatcher(statement.run, { maxInFlight: 1, maxSwipes: 100 });
    const hold = batcher.record('k0', swipes(1, 'hold'));
    const a = batcher.record('k1', swipes(2, 'a'));
    const bad = batcher.record('k2', swipes(1, 'bad'));
    const c = batcher.record('k3', swipes(1, 'c'));
    statement.release();
    await hold;
    expect(clientIds(await a)).toEqual([
      [0, 'a-0'],
      [1, 'a-1'],
    ]);
    await expect(bad).rejects.toThrow('statement failed');
    expect(clientIds(await c)).toEqual([[0, 'c-0']]);
    expect(statement.calls.map((call) => call.length)).toEqual([1, 4, 2, 1, 1]);
  });

  it('never runs more statements at once than maxInFlight', async () => {
    let running = 0;
    let most = 0;
    const batcher = new SwipeBatcher(
      async (batch) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running--;
        return batch.map(fact);
      },
      { maxInFlight: 3, maxSwipes: 10 },
    );
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => batcher.record(`k${String(i)}`, swipes(1, String(i)))),
    );
    expect(most).toBe(3);
    expect(answers.map((facts) => facts[0]?.person_id)).toEqual(
      Array.from({ length: 60 }, (_, i) => `${String(i)}-0`),
    );
  });
});
