import { and, desc, isNull, lt, or, like, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { auditLog } from './audit-log.schema';

export type AuditEntry = typeof auditLog.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;

export class AuditLogRepository {
  async append(db: DbOrTx, entry: AuditEntry): Promise<void> {
    await db.insert(auditLog).values(entry);
  }

  /**
   * Newest first, within the given org subtrees; keyset on id. Entries tied to no org
   * (sign-in attempts with unknown names) are seen only from a root of the tree.
   */
  async list(
    db: DbOrTx,
    scope: readonly string[],
    limit: number,
    beforeId?: number,
  ): Promise<AuditRow[]> {
    const fromRoot = scope.some((root) => root.split('/').filter(Boolean).length === 1);
    const inScope: SQL | undefined = or(
      ...scope.map((root) => like(auditLog.orgPath, `${root}%`)),
      fromRoot ? isNull(auditLog.orgPath) : undefined,
    );
    return db
      .select()
      .from(auditLog)
      .where(
        and(inScope ?? sql`false`, beforeId === undefined ? undefined : lt(auditLog.id, beforeId)),
      )
      .orderBy(desc(auditLog.id))
      .limit(limit);
  }
}
