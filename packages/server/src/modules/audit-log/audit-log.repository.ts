import { and, count, desc, eq, gte, isNull, lt, or, like, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { insertRows } from '../../platform/db/copy-rows';
import { auditLog } from '../../platform/db/tables/audit-log';

export type AuditEntry = typeof auditLog.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;

/** Narrowing of the list: an action or a family (`audit.`), who, what, which days. */
export interface AuditLogFilter {
  action?: string;
  actor?: string;
  targetId?: string;
  /** Instants: from inclusive, until exclusive. */
  from?: Date;
  until?: Date;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterSql(filter: AuditLogFilter): (SQL | undefined)[] {
  const { action, actor, targetId, from, until } = filter;
  return [
    action === undefined
      ? undefined
      : action.endsWith('.')
        ? like(auditLog.action, `${escapeLike(action)}%`)
        : eq(auditLog.action, action),
    actor === undefined ? undefined : eq(auditLog.actorUsername, actor),
    targetId === undefined ? undefined : eq(auditLog.targetId, targetId),
    from === undefined ? undefined : gte(auditLog.at, from),
    until === undefined ? undefined : lt(auditLog.at, until),
  ];
}

/**
 * Entries recorded within the given org subtrees; entries tied to no org (sign-in attempts
 * with unknown names) only from a root of the tree.
 */
function scopeSql(scope: readonly string[]): SQL | undefined {
  const fromRoot = scope.some((root) => root.split('/').filter(Boolean).length === 1);
  return or(
    ...scope.map((root) => like(auditLog.orgPath, `${root}%`)),
    fromRoot ? isNull(auditLog.orgPath) : undefined,
  );
}

export class AuditLogRepository {
  async append(db: DbOrTx, entry: AuditEntry): Promise<void> {
    await db.insert(auditLog).values(entry);
  }

  /** Many entries in a few statements, in the given order (ids ascending). */
  async appendMany(db: DbOrTx, entries: readonly AuditEntry[]): Promise<void> {
    await insertRows(db, auditLog, entries);
  }

  /** When an action was first logged at exactly this org with this value of one detail. */
  async firstAt(
    db: DbOrTx,
    action: string,
    orgPath: string,
    detail: { key: string; value: string },
  ): Promise<Date | undefined> {
    const rows = await db
      .select({ at: auditLog.at })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, action),
          eq(auditLog.orgPath, orgPath),
          sql`${auditLog.details}->>${detail.key} = ${detail.value}`,
        ),
      )
      .orderBy(auditLog.id)
      .limit(1);
    return rows[0]?.at;
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
    filter: AuditLogFilter = {},
  ): Promise<AuditRow[]> {
    const inScope = scopeSql(scope);
    return db
      .select()
      .from(auditLog)
      .where(
        and(
          inScope ?? sql`false`,
          beforeId === undefined ? undefined : lt(auditLog.id, beforeId),
          ...filterSql(filter),
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(limit);
  }

  /** How often `action` was logged per day (China Standard Time) since `from`, within scope. */
  async countPerDay(
    db: DbOrTx,
    scope: readonly string[],
    action: string,
    from: Date,
  ): Promise<{ day: string; count: number }[]> {
    const day = sql<string>`((${auditLog.at} at time zone 'UTC') + interval '8 hours')::date::text`;
    return db
      .select({ day, count: count() })
      .from(auditLog)
      .where(
        and(scopeSql(scope) ?? sql`false`, eq(auditLog.action, action), gte(auditLog.at, from)),
      )
      .groupBy(day);
  }

  /** How often `action` was logged since `from`, within scope. */
  async countSince(
    db: DbOrTx,
    scope: readonly string[],
    action: string,
    from: Date,
  ): Promise<number> {
    const [row] = await db
      .select({ count: count() })
      .from(auditLog)
      .where(
        and(scopeSql(scope) ?? sql`false`, eq(auditLog.action, action), gte(auditLog.at, from)),
      );
    return row?.count ?? 0;
  }
}
