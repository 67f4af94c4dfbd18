import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { wrapPglite, wrapPool, type Database, type Db } from '../src/platform/db/database';
import * as schema from '../src/platform/db/schema';

/** A fresh copy of the run's migrated, demo-seeded template, on the engine under test. */
export async function createTestDatabase(): Promise<Database> {
  const target = inject('testDb');
  if (target.kind === 'pglite') {
    const dump = fs.readFileSync(target.templatePath);
    const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
    return wrapPglite(client);
  }
  return createPostgresDatabase(target.adminUrl, target.template);
}

/** A database without a schema (never migrated), on the engine under test. */
export async function createEmptyTestDatabase(): Promise<Database> {
  const target = inject('testDb');
  if (target.kind === 'pglite') return wrapPglite(await PGlite.create());
  return createPostgresDatabase(target.adminUrl, 'template0');
}

/**
 * A fresh copy of the template on the test PostgreSQL, with its URL (for a process of its
 * own: `jijiao worker`). Only in the server-postgres project.
 */
export async function createPostgresTestDatabase(): Promise<{ database: Database; url: string }> {
  const target = inject('testDb');
  if (target.kind !== 'postgres') throw new Error('createPostgresTestDatabase: PostgreSQL only');
  return createPostgresDatabaseWithUrl(target.adminUrl, target.template);
}

async function createPostgresDatabase(adminUrl: string, template: string): Promise<Database> {
  return (await createPostgresDatabaseWithUrl(adminUrl, template)).database;
}

async function createPostgresDatabaseWithUrl(
  adminUrl: string,
  template: string,
): Promise<{ database: Database; url: string }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = wrapPool(new pg.Pool({ connectionString: url.toString(), max: 5 }));
  return {
    url: url.toString(),
    database: {
      ...database,
      async close() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: adminUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    },
  };
}

export function testDbKind(): 'pglite' | 'postgres' {
  return inject('testDb').kind;
}

/** A statement as Drizzle sent it: its text and parameters. */
export interface SentQuery {
  text: string;
  params: unknown[];
}

/**
 * A copy of the template whose Drizzle handle records every statement it sends, and runs
 * one statement of its own with parameters: for EXPLAIN of the repositories' real queries.
 */
export async function createRecordingTestDatabase(): Promise<{
  db: Db;
  sent: SentQuery[];
  query<T>(text: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}> {
  const sent: SentQuery[] = [];
  const logger: Logger = {
    logQuery: (text, params) => {
      sent.push({ text, params });
    },
  };
  const target = inject('testDb');
  if (target.kind === 'pglite') {
    const dump = fs.readFileSync(target.templatePath);
    const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
    return {
      db: drizzlePglite(client, { schema, logger }),
      sent,
      query: async <T>(text: string, params: unknown[]) =>
        (await client.query<T>(text, params)).rows,
      close: () => client.close(),
    };
  }
  const { database, url } = await createPostgresDatabaseWithUrl(target.adminUrl, target.template);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    db: drizzlePg(pool, { schema, logger }),
    sent,
    query: async <T>(text: string, params: unknown[]) =>
      (await pool.query(text, params)).rows as T[],
    async close() {
      await pool.end();
      await database.close();
    },
  };
}
