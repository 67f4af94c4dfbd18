import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { people } from './people.schema';

export type NewPerson = typeof people.$inferInsert;

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters at 14 columns. */
const batchSize = 1000;

export class PeopleRepository {
  /** Batched multi-row inserts: one statement per thousand rows, never one per row. */
  async insertMany(db: DbOrTx, rows: readonly NewPerson[]): Promise<void> {
    for (let i = 0; i < rows.length; i += batchSize) {
      await db.insert(people).values(rows.slice(i, i + batchSize));
    }
  }

  async count(db: DbOrTx): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(people);
    return rows[0]?.n ?? 0;
  }
}
