import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { acquireDataDirLock } from './data-dir-lock';
import { pgBulkClient, pgliteBulkClient, type BulkClient } from './copy-into';

export type Schema = typeof schema;
/** The one database type services and repositories see, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: the same API as `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Connections by state, where the engine knows them (PGlite: one, in process). */
export interface PoolStats {
  total: number;
  idle?: number;
  waiting?: number;
}

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** The pool's connections now, for `/metrics` (ADR 0040). */
  poolStats(): PoolStats;
  /**
   * Applies the migrations of a folder (by default, this version's), one process at a time:
   * several servers starting together on one PostgreSQL apply each migration once.
   */
  migrate(folder?: string): Promise<void>;
  /**
   * Runs `work` while no other process runs work of the same name on this database (a
   * PostgreSQL advisory lock held by a connection of its own; PGlite has one process).
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** One raw connection for bulk loads (COPY), held while `use` runs. */
  withBulkClient<T>(use: (client: BulkClient) => Promise<T>): Promise<T>;
  /**
   * The streaming standby that replica-tolerant reads may use (`DATABASE_REPLICA_URL`,
   * ADR 0041); never written, never migrated. Closed with the database.
   */
  readonly replica?: Db | undefined;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(import.meta.dirname, '../../../drizzle');

/**
 * Named prepared statements and foreign-key checks always reuse their generic plan (ADR
 * 0042). On the year-partitioned claims PostgreSQL would otherwise plan them anew on every
 * execution: the generic plan of a statement whose year is a parameter prices every
 * partition (run-time pruning is not costed), so the custom plan always looks cheaper.
 * Unnamed statements are planned once with their values either way.
 */
export const sessionSettings = 'set plan_cache_mode = force_generic_plan';

/** `sessionSettings` as the startup option of a node-postgres connection (`options`). */
export const sessionStartupOptions = '-c plan_cache_mode=force_generic_plan';

/**
 * The same for a node-postgres pool, as a startup option of every connection it opens (no
 * statement of its own, nothing queued before the caller's query). Call it before the
 * pool's first connection. An `options` parameter of the connection string (`?options=-c
 * search_path=…`, as libpq reads it) replaces the pool's own in node-postgres: there the
 * setting joins the URL's options instead of being lost.
 */
export function withSessionSettings(pool: pg.Pool): pg.Pool {
  const settings = sessionStartupOptions;
  const url = pool.options.connectionString;
  const inUrl = url === undefined ? null : urlOptions(url);
  if (url !== undefined && inUrl !== null) {
    if (!inUrl.includes(settings))
      pool.options.connectionString = withUrlOptions(url, `${inUrl} ${settings}`.trim());
    return pool;
  }
  const existing = pool.options.options;
  if (!existing?.includes(settings))
    pool.options.options = existing ? `${existing} ${settings}` : settings;
  return pool;
}

/** The `options` parameter of a PostgreSQL URL, or null when it has none. */
function urlOptions(url: string): string | null {
  const query = url.indexOf('?');
  return query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get('options');
}

/** The URL with its `options` parameter set (the rest of the URL as it was written). */
function withUrlOptions(url: string, options: string): string {
  const query = url.indexOf('?');
  const params = new URLSearchParams(url.slice(query + 1));
  params.set('options', options);
  return `${url.slice(0, query)}?${params.toString().replaceAll('+', '%20')}`;
}

/** Wraps an open PGlite instance (used by start-up and by the tests' template copies). */
export function wrapPglite(client: PGlite, onClose: () => void = () => undefined): Database {
  // PGlite runs its statements in order: this one before any other.
  void client.exec(sessionSettings).catch(() => undefined);
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: 'pglite',
    poolStats: () => ({ total: 1 }),
    migrate: (folder = migrationsFolder) => migratePglite(db, { migrationsFolder: folder }),
    exclusive: (_name, work) => work(),
    withBulkClient: (use) => use(pgliteBulkClient(client)),
    async close() {
      try {
        await client.close();
      } finally {
        onClose();
      }
    },
  };
}

export function wrapPool(pool: pg.Pool): Database {
  // An idle client whose connection the server ended (restart, failover, a forced DROP
  // DATABASE in the tests' teardown) is dropped by the pool and the next query opens a new
  // one; without a listener, node-postgres' 'error' event would crash the process.
  pool.on('error', () => undefined);
  withSessionSettings(pool);
  const db = drizzlePg(pool, { schema });
  async function exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const key = `jijiao:${name}`;
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock(hashtext($1))', [key]);
      try {
        return await work();
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      client.release();
    }
  }
  return {
    db,
    kind: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    migrate: (folder = migrationsFolder) =>
      exclusive('migrate', () => migratePg(db, { migrationsFolder: folder })),
    exclusive,
    async withBulkClient(use) {
      const client = await pool.connect();
      try {
        return await use(pgBulkClient(client));
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string; replicaUrl?: string | undefined };

/**
 * The primary with a streaming standby to read from (ADR 0041). The standby's pool
 * connects lazily: a server starts while its replica is down, and reads the primary.
 */
export function withReplica(primary: Database, replicaPool: pg.Pool): Database {
  replicaPool.on('error', () => undefined);
  withSessionSettings(replicaPool);
  return {
    ...primary,
    replica: drizzlePg(replicaPool, { schema }),
    async close() {
      try {
        await primary.close();
      } finally {
        await replicaPool.end();
      }
    },
  };
}

/**
 * Opens the configured database: PGlite in the data directory (locked against a second
 * process), or a PostgreSQL pool when DATABASE_URL is set.
 */
export async function openDatabase(target: DatabaseTarget, command: string): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const database = wrapPool(pool);
    await pool.query('select 1');
    if (!target.replicaUrl) return database;
    return withReplica(
      database,
      new pg.Pool({ connectionString: target.replicaUrl, max: 10, connectionTimeoutMillis: 2000 }),
    );
  }
  const lock = acquireDataDirLock(path.dirname(target.dataDir), command);
  try {
    const client = await PGlite.create(target.dataDir);
    return wrapPglite(client, () => {
      lock.release();
    });
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Rows of a raw SQL query, for the bulk and reporting paths that Drizzle's builder does
 * not express. Both drivers answer `{ rows }`.
 */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
