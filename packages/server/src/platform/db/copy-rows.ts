// Many rows of a table through COPY on the transaction's own connection (ADR 0035): no
// JSON to parse into rows on the server, one protocol round trip a chunk. Outside a
// transaction (or on a driver without COPY), the rows go through `insertJsonRows`.
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { copyLine, pgBulkClient, type CopyValue } from './copy-into';
import type { DbOrTx } from './database';
import { insertJsonRows, placedColumns } from './json-rows';

/** Rows a COPY: a few megabytes of text, sent in 1 MiB protocol messages. */
export const copyRowsChunk = 10_000;

type CopyInto = (table: string, columns: readonly string[], data: string) => Promise<number>;

function isPgliteTransaction(client: unknown): client is PgliteTransaction {
  if (typeof client !== 'object' || client === null) return false;
  const c = client as Partial<Record<'query' | 'rollback' | 'transaction', unknown>>;
  // A PGlite transaction queries and rolls back; the PGlite instance opens transactions.
  return typeof c.query === 'function' && typeof c.rollback === 'function' && !c.transaction;
}

/** COPY on the connection of a transaction, if `db` is one; undefined otherwise. */
export function copyOf(db: DbOrTx): CopyInto | undefined {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  // Inside a node-postgres transaction the session holds the pool's client; outside, the pool.
  if (client instanceof pg.Client) {
    const bulk = pgBulkClient(client);
    return (table, columns, data) => bulk.copyInto(table, columns, data);
  }
  if (isPgliteTransaction(client)) {
    return async (table, columns, data) => {
      const result = await client.query(
        `copy ${table} (${columns.join(', ')}) from '/dev/blob' (format text)`,
        [],
        { blob: new Blob([data]) },
      );
      return result.affectedRows ?? 0;
    };
  }
  return undefined;
}

/** A value as its COPY text: JSON for json columns, ISO instants for dates. */
function copyValueOf(value: unknown, json: boolean): CopyValue {
  if (value === null || value === undefined) return null;
  if (json) return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value);
}

/**
 * Inserts many rows of a table as `insertJsonRows` does (the columns are the keys of the
 * first row; a later row's missing key is null), through COPY when `db` is a transaction.
 */
export async function insertRows<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const copy = copyOf(db);
  if (!copy) {
    await insertJsonRows(db, table, rows);
    return;
  }
  const placed = placedColumns(table, first).map(({ key, name, type }) => ({
    key,
    name,
    json: type === 'json' || type === 'jsonb',
  }));
  const names = placed.map((c) => `"${c.name}"`);
  const target = `"${getTableName(table)}"`;
  for (let start = 0; start < rows.length; start += copyRowsChunk) {
    let data = '';
    for (const row of rows.slice(start, start + copyRowsChunk)) {
      const values = row as Record<string, unknown>;
      data += copyLine(placed.map((c) => copyValueOf(values[c.key], c.json)));
    }
    await copy(target, names, data);
  }
}
