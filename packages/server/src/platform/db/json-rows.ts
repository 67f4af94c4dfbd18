import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './database';

/** Rows per statement: a few megabytes of JSON, far below any driver's limit. */
export const jsonRowsChunk = 5000;

/**
 * The table's columns for the keys of a row (Drizzle's property names), in the row's
 * order: the columns a bulk insert writes. A key the table does not have is a programming
 * error.
 */
export function placedColumns<T extends PgTable>(
  table: T,
  row: T['$inferInsert'],
): { key: string; name: string; type: string }[] {
  const columns = getTableColumns(table);
  return Object.keys(row).map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return { key, name: column.name, type: column.getSQLType() };
  });
}

/**
 * Inserts many rows of a table in a few statements, on PostgreSQL and PGlite alike: each
 * chunk goes as one JSON parameter that `jsonb_to_recordset` turns back into rows typed by
 * the table's own columns. The columns written are the keys of the first row (Drizzle's
 * property names); a key the table does not have is a programming error.
 */
export async function insertJsonRows<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const placed = placedColumns(table, first);
  const list = sql.join(
    placed.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const definitions = sql.join(
    placed.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)}`),
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += jsonRowsChunk) {
    const chunk = rows.slice(start, start + jsonRowsChunk).map((row) => {
      const values = row as Record<string, unknown>;
      return Object.fromEntries(placed.map((c) => [c.name, values[c.key] ?? null]));
    });
    await db.execute(
      sql`insert into ${table} (${list}) select ${list} from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(${definitions})`,
    );
  }
}

/**
 * Like `insertJsonRows`, but a row whose `conflict` columns match a stored one replaces
 * the stored one's other columns (`INSERT … ON CONFLICT … DO UPDATE`). Rows of one chunk
 * must not repeat a key.
 */
export async function upsertJsonRows<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T['$inferInsert'][],
  conflict: readonly (keyof T['$inferInsert'] & string)[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const placed = Object.keys(first).map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return { key, name: column.name, type: column.getSQLType() };
  });
  const nameOf = (key: string) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column.name;
  };
  const keyNames = new Set(conflict.map(nameOf));
  const list = sql.join(
    placed.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const definitions = sql.join(
    placed.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)}`),
    sql`, `,
  );
  const target = sql.join(
    [...keyNames].map((n) => sql.identifier(n)),
    sql`, `,
  );
  const updates = sql.join(
    placed
      .filter((c) => !keyNames.has(c.name))
      .map((c) => sql`${sql.identifier(c.name)} = excluded.${sql.identifier(c.name)}`),
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += jsonRowsChunk) {
    const chunk = rows.slice(start, start + jsonRowsChunk).map((row) => {
      const values = row as Record<string, unknown>;
      return Object.fromEntries(placed.map((c) => [c.name, values[c.key] ?? null]));
    });
    await db.execute(
      sql`insert into ${table} (${list}) select ${list} from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as r(${definitions}) on conflict (${target}) do update set ${updates}`,
    );
  }
}
