import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';

export interface DatabaseFacts {
  sizeBytes: number;
  connections: number | null;
  migrationsApplied: number;
  /** `created_at` of the last applied migration: the journal's `when` of its folder. */
  lastMigrationAt: number | null;
}

export { shippedMigrations } from '../../platform/db/migration-journal';

/** Size, connections (PostgreSQL only: PGlite has one, in process) and applied migrations. */
export async function databaseFacts(
  db: DbOrTx,
  engine: 'pglite' | 'postgres',
): Promise<DatabaseFacts> {
  const [size] = await queryRows<{ bytes: string | number }>(
    db,
    sql`select pg_database_size(current_database())::text as bytes`,
  );
  const [migrations] = await queryRows<{ applied: number; last: string | number | null }>(
    db,
    sql`select count(*)::int as applied, max(created_at)::text as last
          from drizzle.__drizzle_migrations`,
  );
  const connections =
    engine === 'postgres'
      ? ((
          await queryRows<{ count: number }>(
            db,
            sql`select count(*)::int as count from pg_stat_activity
                 where datname = current_database()`,
          )
        )[0]?.count ?? null)
      : null;
  return {
    sizeBytes: Number(size?.bytes ?? 0),
    connections,
    migrationsApplied: migrations?.applied ?? 0,
    lastMigrationAt:
      migrations?.last === null || migrations?.last === undefined ? null : Number(migrations.last),
  };
}

/** A trivial query: the database answers. */
export async function ping(db: DbOrTx): Promise<void> {
  await db.execute(sql`select 1`);
}

/** `created_at` of the last applied migration (the journal's `when`), or null. */
export async function lastAppliedMigrationAt(db: DbOrTx): Promise<number | null> {
  const [row] = await queryRows<{ last: string | number | null }>(
    db,
    sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}
