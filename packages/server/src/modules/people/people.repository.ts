import { and, asc, desc, eq, gt, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { likeContains, pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import { users } from '../../platform/db/tables/users';
import { people, personUnitHistory } from '../../platform/db/tables/people';

export type NewPerson = typeof people.$inferInsert;
export type PersonRow = typeof people.$inferSelect;
export type PersonView = PersonRow & {
  unitName: string;
  unitPath: string;
  username: string | null;
};

/** Rows per INSERT: well under PostgreSQL's 65 535 bind parameters. */
const batchSize = 1000;

export interface PeopleFilter {
  scope: readonly string[];
  unitPath?: string;
  nameContains?: string;
  profession?: string;
  titleGrade?: string;
}

export interface PeopleKeyset {
  sort: 'name' | 'createdAt';
  order: 'asc' | 'desc';
  after?: { key: string; id: string };
  limit: number;
}

const viewColumns = {
  person: people,
  unitName: orgs.name,
  unitPath: orgs.path,
  username: users.username,
};

function toView(row: {
  person: PersonRow;
  unitName: string;
  unitPath: string;
  username: string | null;
}): PersonView {
  return { ...row.person, unitName: row.unitName, unitPath: row.unitPath, username: row.username };
}

export class PeopleRepository {
  /** Batched multi-row inserts: one statement per thousand rows, never one per row. */
  async insertMany(db: DbOrTx, rows: readonly NewPerson[]): Promise<PersonRow[]> {
    const inserted: PersonRow[] = [];
    for (let i = 0; i < rows.length; i += batchSize) {
      inserted.push(
        ...(await db
          .insert(people)
          .values(rows.slice(i, i + batchSize))
          .returning()),
      );
    }
    return inserted;
  }

  async openHistory(
    db: DbOrTx,
    rows: readonly { personId: string; unitId: string; fromAt: Date }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += batchSize) {
      await db.insert(personUnitHistory).values(rows.slice(i, i + batchSize));
    }
  }

  async closeHistory(db: DbOrTx, personId: string, at: Date): Promise<void> {
    await db
      .update(personUnitHistory)
      .set({ toAt: at })
      .where(and(eq(personUnitHistory.personId, personId), isNull(personUnitHistory.toAt)));
  }

  async history(db: DbOrTx, personId: string) {
    return db
      .select({
        unitId: personUnitHistory.unitId,
        unitName: orgs.name,
        from: personUnitHistory.fromAt,
        to: personUnitHistory.toAt,
      })
      .from(personUnitHistory)
      .innerJoin(orgs, eq(orgs.id, personUnitHistory.unitId))
      .where(eq(personUnitHistory.personId, personId))
      .orderBy(asc(personUnitHistory.fromAt), sql`${personUnitHistory.toAt} asc nulls last`);
  }

  async findView(db: DbOrTx, id: string): Promise<PersonView | undefined> {
    const rows = await db
      .select(viewColumns)
      .from(people)
      .innerJoin(orgs, eq(orgs.id, people.unitId))
      .leftJoin(users, eq(users.id, people.userId))
      .where(eq(people.id, id));
    return rows[0] ? toView(rows[0]) : undefined;
  }

  async findByUserId(db: DbOrTx, userId: string): Promise<PersonView | undefined> {
    const rows = await db
      .select(viewColumns)
      .from(people)
      .innerJoin(orgs, eq(orgs.id, people.unitId))
      .leftJoin(users, eq(users.id, people.userId))
      .where(eq(people.userId, userId));
    return rows[0] ? toView(rows[0]) : undefined;
  }

  async findByHashes(db: DbOrTx, hashes: readonly string[]): Promise<PersonView[]> {
    const found: PersonView[] = [];
    for (let i = 0; i < hashes.length; i += batchSize) {
      const rows = await db
        .select(viewColumns)
        .from(people)
        .innerJoin(orgs, eq(orgs.id, people.unitId))
        .leftJoin(users, eq(users.id, people.userId))
        .where(inArray(people.idNumberHash, hashes.slice(i, i + batchSize)));
      found.push(...rows.map(toView));
    }
    return found;
  }

  /** One keyset page, ordered by (name or created_at, id), inside the scope. */
  async page(db: DbOrTx, filter: PeopleFilter, keyset: PeopleKeyset): Promise<PersonView[]> {
    const keyColumn = keyset.sort === 'name' ? people.name : people.createdAt;
    const keyValue: SQL | undefined = keyset.after
      ? keyset.sort === 'name'
        ? sql`${keyset.after.key}`
        : sql`${keyset.after.key}::timestamptz`
      : undefined;
    const beyond = keyset.order === 'asc' ? gt : lt;
    const rows = await db
      .select(viewColumns)
      .from(people)
      .innerJoin(orgs, eq(orgs.id, people.unitId))
      .leftJoin(users, eq(users.id, people.userId))
      .where(
        and(
          pathWithin(orgs.path, filter.scope),
          filter.unitPath ? pathWithin(orgs.path, [filter.unitPath]) : undefined,
          filter.nameContains ? ilike(people.name, likeContains(filter.nameContains)) : undefined,
          filter.profession ? eq(people.profession, filter.profession) : undefined,
          filter.titleGrade ? eq(people.titleGrade, filter.titleGrade) : undefined,
          keyset.after && keyValue
            ? or(
                keyset.order === 'asc'
                  ? sql`${keyColumn} > ${keyValue}`
                  : sql`${keyColumn} < ${keyValue}`,
                and(sql`${keyColumn} = ${keyValue}`, beyond(people.id, keyset.after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(
        keyset.order === 'asc' ? asc(keyColumn) : desc(keyColumn),
        keyset.order === 'asc' ? asc(people.id) : desc(people.id),
      )
      .limit(keyset.limit);
    return rows.map(toView);
  }

  async update(db: DbOrTx, id: string, patch: Partial<NewPerson>): Promise<void> {
    await db.update(people).set(patch).where(eq(people.id, id));
  }

  async count(db: DbOrTx): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(people);
    return rows[0]?.n ?? 0;
  }
}
