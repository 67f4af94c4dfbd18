import { and, asc, count, desc, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { likeContains, pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import { reviewChains } from '../../platform/db/tables/review-chains';

export type OrgRow = typeof orgs.$inferSelect;
export type ReviewChainRow = typeof reviewChains.$inferSelect;

export interface OrgPage {
  parentId?: string;
  ids?: string[];
  kind?: string;
  nameContains?: string;
  after?: { name: string; id: string };
  limit: number;
}

export class OrgsRepository {
  async findById(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
    const rows = await db.select().from(orgs).where(eq(orgs.id, id));
    return rows[0];
  }

  /** The org and every org above it (its materialised path), in one query; in no order. */
  async findWithAncestors(db: DbOrTx, id: string): Promise<OrgRow[]> {
    return db
      .select()
      .from(orgs)
      .where(
        sql`${orgs.id} = any(
          select unnest(string_to_array(trim(both '/' from o.path), '/'))::uuid
          from ${orgs} o where o.id = ${id})`,
      );
  }

  async findByIds(db: DbOrTx, ids: readonly string[]): Promise<OrgRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(orgs)
      .where(inArray(orgs.id, [...ids]));
  }

  /** One page ordered by (name, id), only inside the scope's subtrees. */
  async page(db: DbOrTx, scope: readonly string[], q: OrgPage): Promise<OrgRow[]> {
    return db
      .select()
      .from(orgs)
      .where(
        and(
          this.#filter(scope, q),
          q.after
            ? or(
                gt(orgs.name, q.after.name),
                and(eq(orgs.name, q.after.name), gt(orgs.id, q.after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(orgs.name), asc(orgs.id))
      .limit(q.limit);
  }

  /** How many orgs the page's filter matches, all pages together. */
  async countMatching(
    db: DbOrTx,
    scope: readonly string[],
    q: Omit<OrgPage, 'after' | 'limit'>,
  ): Promise<number> {
    const [row] = await db.select({ n: count() }).from(orgs).where(this.#filter(scope, q));
    return row?.n ?? 0;
  }

  #filter(scope: readonly string[], q: Omit<OrgPage, 'after' | 'limit'>) {
    return and(
      pathWithin(orgs.path, scope),
      q.parentId ? eq(orgs.parentId, q.parentId) : undefined,
      q.ids ? inArray(orgs.id, q.ids) : undefined,
      q.kind ? eq(orgs.kind, q.kind) : undefined,
      q.nameContains ? ilike(orgs.name, likeContains(q.nameContains)) : undefined,
    );
  }

  /** A unit by exact name or credit code, inside the scope. */
  async findUnitByNameOrCreditCode(
    db: DbOrTx,
    scope: readonly string[],
    text: string,
  ): Promise<OrgRow[]> {
    return db
      .select()
      .from(orgs)
      .where(
        and(
          pathWithin(orgs.path, scope),
          eq(orgs.kind, 'unit'),
          or(eq(orgs.name, text), eq(orgs.creditCode, text.toUpperCase())),
        ),
      )
      .limit(2);
  }

  async insert(
    db: DbOrTx,
    org: {
      id?: string;
      parentPath: string | null;
      kind: string;
      unitType?: string | null;
      name: string;
      regionCode?: string | null;
      creditCode?: string | null;
      parentId: string | null;
    },
  ): Promise<OrgRow> {
    const id = org.id ?? crypto.randomUUID();
    const path = `${org.parentPath ?? '/'}${id}/`;
    const rows = await db
      .insert(orgs)
      .values({
        id,
        parentId: org.parentId,
        kind: org.kind,
        unitType: org.unitType ?? null,
        name: org.name,
        regionCode: org.regionCode ?? null,
        creditCode: org.creditCode ?? null,
        path,
        depth: path.split('/').filter(Boolean).length - 1,
      })
      .returning();
    const row = rows[0];
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async update(
    db: DbOrTx,
    id: string,
    patch: {
      name?: string;
      unitType?: string | null;
      regionCode?: string | null;
      creditCode?: string | null;
    },
  ): Promise<OrgRow> {
    const rows = await db.update(orgs).set(patch).where(eq(orgs.id, id)).returning();
    const row = rows[0];
    if (!row) throw new Error('update returned no row');
    return row;
  }

  async count(db: DbOrTx): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(orgs);
    return rows[0]?.n ?? 0;
  }

  async latestChain(db: DbOrTx, unitId: string): Promise<ReviewChainRow | undefined> {
    const rows = await db
      .select()
      .from(reviewChains)
      .where(eq(reviewChains.unitId, unitId))
      .orderBy(desc(reviewChains.version))
      .limit(1);
    return rows[0];
  }

  async insertChain(db: DbOrTx, row: typeof reviewChains.$inferInsert): Promise<ReviewChainRow> {
    const rows = await db.insert(reviewChains).values(row).returning();
    const inserted = rows[0];
    if (!inserted) throw new Error('insert returned no row');
    return inserted;
  }
}
