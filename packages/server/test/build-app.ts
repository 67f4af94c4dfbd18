import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import { createApp } from '../src/app';
import type { Clock } from '../src/platform/clock';
import type { Database } from '../src/platform/db/database';
import { createTestDatabase } from './test-database';
import { testConfig, testPassword } from './test-config';

export { testPassword };

export class FakeClock implements Clock {
  private current: number;
  constructor(start = '2026-03-01T08:00:00Z') {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: FakeClock;
  signIn(username: string, password?: string): Promise<Session>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  response: LightMyRequestResponse;
  /** Headers for a cookie-authenticated request (with the CSRF token for writes). */
  headers: Record<string, string>;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'jijiao_session');
  if (!cookie)
    throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `jijiao_session=${cookie.value}`;
}

/**
 * An app over a fresh copy of the migrated, demo-seeded template, closed after the file.
 * Tests build their own data with `createFactories(t)` (factories.ts); the demo accounts
 * (demo-learner, …) are for the demo's own tests. Every account signs in with `testPassword`.
 */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new FakeClock();
  const app = await createApp({ config: testConfig(env), database, clock });
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  return {
    app,
    database,
    clock,
    async signIn(username, password = testPassword) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = sessionCookieOf(response);
      const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
      return { cookie, csrfToken, response, headers: { cookie, 'x-csrf-token': csrfToken } };
    },
  };
}
