import { aliasedTable, and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import { people } from '../../platform/db/tables/people';
import { transfers } from '../../platform/db/tables/transfers';

export type TransferRow = typeof transfers.$inferSelect;

const fromUnit = aliasedTable(orgs, 'from_unit');
const toUnit = aliasedTable(orgs, 'to_unit');

const viewColumns = {
  transfer: transfers,
  personName: people.name,
  idNumberMasked: people.idNumberMasked,
  fromUnitName: fromUnit.name,
  fromUnitPath: fromUnit.path,
  toUnitName: toUnit.name,
  toUnitPath: toUnit.path,
};

export class TransfersRepository {
  async insert(db: DbOrTx, row: typeof transfers.$inferInsert): Promise<TransferRow> {
    const [inserted] = await db.insert(transfers).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }

  private view(db: DbOrTx) {
    return db
      .select(viewColumns)
      .from(transfers)
      .innerJoin(people, eq(people.id, transfers.personId))
      .innerJoin(fromUnit, eq(fromUnit.id, transfers.fromUnitId))
      .innerJoin(toUnit, eq(toUnit.id, transfers.toUnitId));
  }

  async findView(db: DbOrTx, id: string) {
    const rows = await this.view(db).where(eq(transfers.id, id));
    return rows[0];
  }

  async list(
    db: DbOrTx,
    scope: readonly string[],
    direction: 'incoming' | 'outgoing',
    status?: string,
  ) {
    return this.view(db)
      .where(
        and(
          pathWithin(direction === 'incoming' ? toUnit.path : fromUnit.path, scope),
          status ? eq(transfers.status, status) : undefined,
        ),
      )
      .orderBy(desc(transfers.requestedAt))
      .limit(500);
  }

  async pendingFor(db: DbOrTx, personId: string) {
    const rows = await db
      .select()
      .from(transfers)
      .where(and(eq(transfers.personId, personId), eq(transfers.status, 'pending')));
    return rows[0];
  }

  /** Decides a pending transfer; answers false when it was no longer pending (a race). */
  async decide(
    db: DbOrTx,
    id: string,
    patch: Partial<typeof transfers.$inferInsert>,
  ): Promise<boolean> {
    const rows = await db
      .update(transfers)
      .set(patch)
      .where(and(eq(transfers.id, id), eq(transfers.status, 'pending')))
      .returning({ id: transfers.id });
    return rows.length === 1;
  }
}
