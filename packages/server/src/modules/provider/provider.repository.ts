import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { insertRows } from '../../platform/db/copy-rows';
import { pathWithin } from '../../platform/db/scope-sql';
import { orgs } from '../../platform/db/tables/orgs';
import {
  idempotencyRecords,
  platformApiKeys,
  platformSettings,
} from '../../platform/db/tables/provider';

export type PlatformKeyRow = typeof platformApiKeys.$inferSelect;
export type IdempotencyRow = typeof idempotencyRecords.$inferSelect;

/** The SQL of platform API keys, their settings and idempotency records. */
export class ProviderRepository {
  /** Platforms (orgs of kind `platform`) inside the scope, by name. */
  async platformsIn(db: DbOrTx, scope: readonly string[]) {
    return db
      .select({
        id: orgs.id,
        name: orgs.name,
        parentId: orgs.parentId,
        path: orgs.path,
        trusted: sql<boolean>`coalesce(${platformSettings.trusted}, false)`,
      })
      .from(orgs)
      .leftJoin(platformSettings, eq(platformSettings.platformOrgId, orgs.id))
      .where(and(eq(orgs.kind, 'platform'), pathWithin(orgs.path, scope)))
      .orderBy(asc(orgs.name), asc(orgs.id));
  }

  async keysOf(db: DbOrTx, platformIds: readonly string[]): Promise<PlatformKeyRow[]> {
    if (platformIds.length === 0) return [];
    return db
      .select()
      .from(platformApiKeys)
      .where(inArray(platformApiKeys.platformOrgId, [...platformIds]))
      .orderBy(asc(platformApiKeys.createdAt), asc(platformApiKeys.id));
  }

  async insertKey(db: DbOrTx, row: typeof platformApiKeys.$inferInsert): Promise<PlatformKeyRow> {
    const [inserted] = await db.insert(platformApiKeys).values(row).returning();
    if (!inserted) throw new Error('platform key not inserted');
    return inserted;
  }

  /** Registers a key unless its hash is already there (demo key at every start). */
  async insertKeyIfAbsent(db: DbOrTx, row: typeof platformApiKeys.$inferInsert): Promise<boolean> {
    const inserted = await db
      .insert(platformApiKeys)
      .values(row)
      .onConflictDoNothing({ target: platformApiKeys.keyHash })
      .returning({ id: platformApiKeys.id });
    return inserted.length > 0;
  }

  async findKey(db: DbOrTx, platformId: string, keyId: string) {
    const rows = await db
      .select()
      .from(platformApiKeys)
      .where(and(eq(platformApiKeys.id, keyId), eq(platformApiKeys.platformOrgId, platformId)));
    return rows[0];
  }

  async revokeKey(db: DbOrTx, keyId: string, at: Date): Promise<PlatformKeyRow | undefined> {
    const rows = await db
      .update(platformApiKeys)
      .set({ revokedAt: at })
      .where(and(eq(platformApiKeys.id, keyId), isNull(platformApiKeys.revokedAt)))
      .returning();
    return rows[0];
  }

  /** The live key with this hash and its platform, if the platform org still exists. */
  async findLiveKeyByHash(db: DbOrTx, keyHash: string) {
    const rows = await db
      .select({ keyId: platformApiKeys.id, orgId: orgs.id, orgPath: orgs.path, name: orgs.name })
      .from(platformApiKeys)
      .innerJoin(orgs, eq(orgs.id, platformApiKeys.platformOrgId))
      .where(
        and(
          eq(platformApiKeys.keyHash, keyHash),
          isNull(platformApiKeys.revokedAt),
          eq(orgs.kind, 'platform'),
        ),
      );
    return rows[0];
  }

  async isTrusted(db: DbOrTx, platformId: string): Promise<boolean> {
    const rows = await db
      .select({ trusted: platformSettings.trusted })
      .from(platformSettings)
      .where(eq(platformSettings.platformOrgId, platformId));
    return rows[0]?.trusted ?? false;
  }

  async setTrusted(db: DbOrTx, platformId: string, trusted: boolean, at: Date): Promise<void> {
    await db
      .insert(platformSettings)
      .values({ platformOrgId: platformId, trusted, updatedAt: at })
      .onConflictDoUpdate({
        target: platformSettings.platformOrgId,
        set: { trusted, updatedAt: at },
      });
  }

  async findIdempotency(
    db: DbOrTx,
    platformId: string,
    key: string,
  ): Promise<IdempotencyRow | undefined> {
    const rows = await db
      .select()
      .from(idempotencyRecords)
      .where(
        and(eq(idempotencyRecords.platformOrgId, platformId), eq(idempotencyRecords.key, key)),
      );
    return rows[0];
  }

  /** The idempotency records of many keys of a platform (a batch), by key. */
  async findIdempotencies(
    db: DbOrTx,
    platformId: string,
    keys: readonly string[],
  ): Promise<Map<string, IdempotencyRow>> {
    if (keys.length === 0) return new Map();
    const rows = await db
      .select()
      .from(idempotencyRecords)
      .where(
        and(
          eq(idempotencyRecords.platformOrgId, platformId),
          // One JSON parameter, not a bind per key (keys are printable ASCII, quotes included).
          sql`${idempotencyRecords.key} = any(array(select json_array_elements_text(${JSON.stringify([...new Set(keys)])}::json)))`,
        ),
      );
    return new Map(rows.map((r) => [r.key, r]));
  }

  /** Many records in a few statements; a key stored concurrently fails on the primary key. */
  async insertIdempotencies(
    db: DbOrTx,
    rows: readonly (typeof idempotencyRecords.$inferInsert)[],
  ): Promise<void> {
    await insertRows(db, idempotencyRecords, rows);
  }

  /** Plain insert: a concurrent request with the same key fails on the primary key. */
  async insertIdempotency(db: DbOrTx, row: typeof idempotencyRecords.$inferInsert): Promise<void> {
    await db.insert(idempotencyRecords).values(row);
  }
}
