import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database';
import { AppError } from '../errors/app-error';
import { registerErrorHandler } from '../errors/error-handler';
import { loggerOptions } from './logger';

// Finding 2: a failed query's 500 logged its SQL parameters (names, phone numbers).
const database = await createTestDatabase();
afterAll(async () => {
  await database.close();
});

const name = '欧阳测试';
const phone = '13812345678';

async function logOf(
  handler: () => Promise<unknown>,
): Promise<{ status: number; lines: string[] }> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const app = Fastify({ logger: { ...(loggerOptions('info') as object), stream } });
  registerErrorHandler(app);
  app.post('/fail', handler);
  const response = await app.inject({ method: 'POST', url: '/fail', payload: { name, phone } });
  await app.close();
  return { status: response.statusCode, lines };
}

describe('the error log', () => {
  it('keeps a failed query’s parameters and the value PostgreSQL quotes out of the line', async () => {
    const { status, lines } = await logOf(() =>
      database.db.execute(sql`select ${`${name} ${phone}`}::uuid as id`),
    );
    expect(status).toBe(500);
    const failure = lines.find((l) => l.includes('request failed'));
    expect(failure).toBeDefined();
    expect(failure).toContain('22P02');
    expect(failure).toContain('invalid input syntax for type uuid');
    expect(failure).not.toContain(phone);
    expect(failure).not.toContain(name);
    expect(lines.join('')).not.toContain(phone);
  });

  it('never copies a database error’s detail (the duplicate key’s value)', async () => {
    const { status, lines } = await logOf(() =>
      database.db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table phones (phone text unique) on commit drop`);
        await tx.execute(sql`insert into phones values (${phone})`);
        await tx.execute(sql`insert into phones values (${phone})`);
      }),
    );
    expect(status).toBe(500);
    const log = lines.join('');
    expect(log).toContain('23505');
    expect(log).toContain('phones_phone_key');
    expect(log).not.toContain(phone);
  });

  it('raises an alarm for an altered certificate, with its serial and nothing personal', async () => {
    const { status, lines } = await logOf(() =>
      Promise.reject(
        new AppError('certificate_tampered', 'altered', { serial: '990000-2025-AAAAA-BBBBB' }),
      ),
    );
    expect(status).toBe(409);
    const alarm = JSON.parse(lines.find((l) => l.includes('"alarm":true')) ?? '{}') as {
      level?: number;
      details?: unknown;
    };
    expect(alarm.level).toBe(50);
    expect(alarm.details).toEqual({ serial: '990000-2025-AAAAA-BBBBB' });
    expect(lines.join('')).not.toContain(phone);
  });
});
