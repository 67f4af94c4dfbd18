import { and, asc, eq, gt, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { orgs } from './orgs.schema';

export type OrgRow = typeof orgs.$inferSelect;

export interface OrgPage {
  parentId?: string;
  parentIds?: string[];
  ids?: string[];
  kind?: string;
  after?: { name: string; id: string };
  limit: number;
}

function withinScope(scope: readonly string[]): SQL {
  return or(...scope.map((root) => like(orgs.path, `${root}%`))) ?? sql`false`;
}

export class OrgsRepository {
  async findById(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
    const rows = await db.select().from(orgs).where(eq(orgs.id, id));
    return rows[0];
  }

  /** One page ordered by (name, id), only inside the scope's subtrees. */
  async page(db: DbOrTx, scope: readonly string[], q: OrgPage): Promise<OrgRow[]> {
    return db
      .select()
      .from(orgs)
      .where(
        and(
          withinScope(scope),
          q.parentId ? eq(orgs.parentId, q.parentId) : undefined,
          q.ids ? inArray(orgs.id, q.ids) : undefined,
          q.kind ? eq(orgs.kind, q.kind) : undefined,
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

  async insert(
    db: DbOrTx,
    org: {
      id?: string;
      parentPath: string | null;
      kind: string;
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

  async count(db: DbOrTx): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(orgs);
    return rows[0]?.n ?? 0;
  }
}
