import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/database';

/** A table of the `public` schema as a backup sees it: what to order by, what to insert. */
export interface CatalogTable {
  name: string;
  /** Primary-key columns in key order; empty: rows are ordered by their whole value. */
  primaryKey: string[];
  /** Columns an INSERT may name (generated columns are left out). */
  insertable: string[];
  /** An identity column GENERATED ALWAYS: the insert must say OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** A bytea column: rows may be megabytes, so they are fetched a few at a time. */
  wide: boolean;
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/** `"name"`, quoted for SQL. Names come from the catalog or a verified manifest. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function tableRef(name: string): SQL {
  return sql.raw(`public.${ident(name)}`);
}

/**
 * The base tables of `public` (partitioned ones once, not their partitions), sorted by name
 * (the order of the archive and the manifest).
 */
export async function catalogTables(db: DbOrTx): Promise<CatalogTable[]> {
  const columns = await queryRows<{
    table_name: string;
    column_name: string;
    is_generated: string;
    identity_generation: string | null;
    data_type: string;
  }>(
    db,
    sql`select c.table_name, c.column_name, c.is_generated, c.identity_generation, c.data_type
          from information_schema.columns c
          join information_schema.tables t
            on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
           -- A partition's rows are its parent's (credit_claims by year, ADR 0042).
           and not exists (select 1 from pg_class pc join pg_namespace pn on pn.oid = pc.relnamespace
                            where pn.nspname = 'public' and pc.relname = c.table_name
                              and pc.relispartition)
         order by c.table_name, c.ordinal_position`,
  );
  const keys = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select k.table_name, k.column_name
          from information_schema.table_constraints tc
          join information_schema.key_column_usage k
            on k.constraint_schema = tc.constraint_schema
           and k.constraint_name = tc.constraint_name
           and k.table_name = tc.table_name
         where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'
         order by k.table_name, k.ordinal_position`,
  );
  const tables = new Map<string, CatalogTable>();
  for (const column of columns) {
    let table = tables.get(column.table_name);
    if (!table) {
      table = {
        name: column.table_name,
        primaryKey: [],
        insertable: [],
        identityAlways: false,
        wide: false,
      };
      tables.set(column.table_name, table);
    }
    if (column.is_generated === 'NEVER') table.insertable.push(column.column_name);
    if (column.identity_generation === 'ALWAYS') table.identityAlways = true;
    if (column.data_type === 'bytea') table.wide = true;
  }
  for (const key of keys) tables.get(key.table_name)?.primaryKey.push(key.column_name);
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function foreignKeys(db: DbOrTx): Promise<ForeignKey[]> {
  return (
    await queryRows<{ table_name: string; name: string; definition: string }>(
      db,
      sql`select cl.relname as table_name, co.conname as name,
                 pg_get_constraintdef(co.oid) as definition
            from pg_constraint co
            join pg_class cl on cl.oid = co.conrelid
            join pg_namespace n on n.oid = co.connamespace
           -- Only the constraints as declared: a foreign key from or to a partitioned table
           -- also has one per partition (conparentid set), which goes with its parent.
           where co.contype = 'f' and n.nspname = 'public' and co.conparentid = 0
           order by cl.relname, co.conname`,
    )
  ).map((row) => ({ table: row.table_name, name: row.name, definition: row.definition }));
}

export async function sequenceValues(
  db: DbOrTx,
): Promise<{ name: string; lastValue: string | null }[]> {
  return (
    await queryRows<{ name: string; last_value: string | null }>(
      db,
      sql`select sequencename as name, last_value::text as last_value
            from pg_sequences where schemaname = 'public' order by sequencename`,
    )
  ).map((row) => ({ name: row.name, lastValue: row.last_value }));
}

/** Applied migrations, oldest first, as drizzle's journal tags (matched by `created_at`). */
export async function appliedMigrationTimes(db: DbOrTx): Promise<number[]> {
  const exists = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists[0]?.present) return [];
  return (
    await queryRows<{ created_at: string }>(
      db,
      sql`select created_at::text as created_at from drizzle.__drizzle_migrations order by id`,
    )
  ).map((row) => Number(row.created_at));
}

/** Rows per table of `public` (exact counts): a target with any row is not empty. */
export async function rowCounts(db: DbOrTx, tables: CatalogTable[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${tableRef(table.name)}`,
    );
    counts.set(table.name, row?.n ?? 0);
  }
  return counts;
}

/**
 * The stored files (evidence scans, content-addressed): count, bytes, and a digest over each
 * file's SHA-256 computed from its bytes by the database, so a restore proves the same files.
 */
export async function storedFilesDigest(
  db: DbOrTx,
): Promise<{ count: number; bytes: number; lines: string[] }> {
  const rows = await queryRows<{ digest: string; size: number }>(
    db,
    sql`select encode(sha256(bytes), 'hex') as digest, octet_length(bytes)::int as size
          from public.evidence_files order by 1`,
  );
  return {
    count: rows.length,
    bytes: rows.reduce((sum, row) => sum + row.size, 0),
    lines: rows.map((row) => `${row.digest} ${row.size}`),
  };
}
