import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { ReadRouting } from '../db/read-routing';
import { registerReadRouting } from './read-routing-hooks';

// The routed handler's fallback (ADR 0041), without a database: a replica that said it was
// current and then fails in the middle of a read leaves the primary to answer that very
// request; any other error is the handler's own and is not retried. The standby itself is
// exercised in `replica.pg.test.ts`.

/** A replica whose state query says: streaming, everything received replayed. */
function currentReplica(): Db {
  const execute = () =>
    Promise.resolve({
      rows: [
        {
          standby: true,
          replayed: '0/10',
          received: '0/10',
          since_replay: 0,
          streaming: true,
          current: null,
        },
      ],
    });
  return { execute } as unknown as Db;
}

const primary = { execute: () => Promise.resolve({ rows: [] }) } as unknown as Db;

async function appWith(failure: Error) {
  const replica = currentReplica();
  const routing = new ReadRouting({ primary, replica, maxLagSeconds: 10, stateTtlMs: 60_000 });
  const choices: string[] = [];
  const app = Fastify();
  await app.register(cookie);
  registerReadRouting(app, routing, {
    cookieSecure: false,
    onChoice: (c) => choices.push(`${c.source}:${c.reason ?? ''}`),
  });
  let calls = 0;
  app.get('/routed', { config: { reads: 'replica' } }, () => {
    calls++;
    if (routing.db() === replica) return Promise.reject(failure);
    return Promise.resolve({ from: routing.db() === primary ? 'primary' : 'other', calls });
  });
  app.get('/plain', () =>
    Promise.resolve({ from: routing.db() === primary ? 'primary' : 'other' }),
  );
  return { app, choices };
}

describe('a routed read when the replica fails mid-request', () => {
  it('answers from the primary when the replica’s connection was lost', async () => {
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), {});
    const { app, choices } = await appWith(lost);
    const res = await app.inject({ method: 'GET', url: '/routed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ from: 'primary', calls: 2 });
    expect(res.headers['x-jijiao-read-source']).toBe('primary; reason=replica_unavailable');
    expect(res.headers['x-jijiao-replica-lag']).toBeUndefined();
    expect(choices).toEqual(['replica:', 'primary:replica_unavailable']);
    await app.close();
  });

  it('treats PostgreSQL’s connection exceptions and shutdowns the same', async () => {
    for (const code of ['57P01', '08006', 'ECONNREFUSED']) {
      const { app } = await appWith(Object.assign(new Error('gone'), { code }));
      const res = await app.inject({ method: 'GET', url: '/routed' });
      expect(res.statusCode, code).toBe(200);
      expect(res.headers['x-jijiao-read-source']).toBe('primary; reason=replica_unavailable');
      await app.close();
    }
  });

  it('does not retry an error of the read itself', async () => {
    const { app, choices } = await appWith(
      Object.assign(new Error('division by zero'), { code: '22012' }),
    );
    const res = await app.inject({ method: 'GET', url: '/routed' });
    expect(res.statusCode).toBe(500);
    expect(choices).toEqual(['replica:']);
    await app.close();
  });

  it('leaves a route that did not opt in on the primary, with no header', async () => {
    const { app } = await appWith(new Error('unused'));
    const res = await app.inject({ method: 'GET', url: '/plain' });
    expect(res.json()).toEqual({ from: 'primary' });
    expect(res.headers['x-jijiao-read-source']).toBeUndefined();
    await app.close();
  });
});

describe('the write position cookie', () => {
  it('outlives the lag bound: a write is read back until the replica has it or is not read', () => {
    const at = (maxLagSeconds: number) =>
      new ReadRouting({ primary, replica: currentReplica(), maxLagSeconds }).writePositionSeconds;
    expect(at(10)).toBe(600);
    expect(at(600)).toBe(660);
    expect(at(3600)).toBe(3660);
  });
});
