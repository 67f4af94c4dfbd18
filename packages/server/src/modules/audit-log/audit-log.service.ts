import type {
  AuditAction,
  AuditDetailKey,
  AuditLogQuery,
  AuditTargetType,
} from '@jijiao/contracts';
import type { Db, DbOrTx } from '../../platform/db/database';
import { chinaDay, type Clock } from '../../platform/clock';
import type { Actor } from '../../platform/auth/actor';
import { auditLogScope } from './audit-log.policy';
import type { AuditEntry, AuditLogRepository, AuditRow } from './audit-log.repository';

export type AuditDetails = Partial<Record<AuditDetailKey, unknown>>;

/** What an entry records: only the actions, targets and detail keys the web has words for. */
export interface AuditEvent {
  action: AuditAction;
  actorUserId?: string | null;
  actorUsername?: string | null;
  targetType?: AuditTargetType;
  targetId?: string;
  orgPath?: string | null;
  ip?: string | null;
  details?: AuditDetails;
}

/** An event done by a signed-in actor, attributed to the org of their first role. */
export function actorEvent(
  actor: Actor,
  action: AuditAction,
  /** The caller's address; null from the command line. */
  ip: string | null,
  extra: Partial<AuditEvent> = {},
): AuditEvent {
  return {
    action,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    ip,
    orgPath: actor.grants[0]?.orgPath ?? null,
    ...extra,
  };
}

/** Writes to the append-only audit log, inside the caller's transaction when given one. */
export class AuditLogService {
  readonly #deps: { db: Db; clock: Clock; repository: AuditLogRepository };

  constructor(deps: { db: Db; clock: Clock; repository: AuditLogRepository }) {
    this.#deps = deps;
  }

  async record(event: AuditEvent, tx?: DbOrTx): Promise<void> {
    await this.#deps.repository.append(
      tx ?? this.#deps.db,
      this.entryOf(event, this.#deps.clock.now()),
    );
  }

  /** `record` for many events at once (a set-based write), in their order. */
  async recordMany(events: readonly AuditEvent[], tx?: DbOrTx): Promise<void> {
    if (events.length === 0) return;
    const at = this.#deps.clock.now();
    await this.#deps.repository.appendMany(
      tx ?? this.#deps.db,
      events.map((e) => this.entryOf(e, at)),
    );
  }

  private entryOf(event: AuditEvent, at: Date): AuditEntry {
    return {
      at,
      action: event.action,
      actorUserId: event.actorUserId ?? null,
      actorUsername: event.actorUsername ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      orgPath: event.orgPath ?? null,
      ip: event.ip ?? null,
      details: event.details ?? {},
    };
  }

  /**
   * When `action` was first logged at exactly `orgPath` with this value of one detail (e.g.
   * an imported file's sha256), if ever: for services that refuse to do a thing twice.
   */
  async firstAt(
    action: string,
    orgPath: string,
    detail: { key: string; value: string },
    db: DbOrTx = this.#deps.db,
  ): Promise<Date | undefined> {
    return this.#deps.repository.firstAt(db, action, orgPath, detail);
  }

  /** 工作台: how often `action` was logged within the caller's subtree since `from`. */
  countSince(actor: Actor, action: string, from: Date): Promise<number> {
    return this.#deps.repository.countSince(this.#deps.db, auditLogScope(actor), action, from);
  }

  /**
   * 工作台: how often `action` was logged within the caller's subtree on each of the last
   * `days` days (China Standard Time, today included), oldest first, zeros too.
   */
  async countPerDay(
    actor: Actor,
    action: string,
    days: number,
  ): Promise<{ day: string; count: number }[]> {
    const today = chinaDay(this.#deps.clock.now());
    const first = new Date(`${today}T00:00:00+08:00`);
    first.setTime(first.getTime() - (days - 1) * 86_400_000);
    const rows = await this.#deps.repository.countPerDay(
      this.#deps.db,
      auditLogScope(actor),
      action,
      first,
    );
    const counts = new Map(rows.map((r) => [r.day, r.count]));
    return Array.from({ length: days }, (_, i) => {
      const day = chinaDay(first, i);
      return { day, count: counts.get(day) ?? 0 };
    });
  }

  /**
   * Newest first within the caller's subtree. `from` and `to` are days in China Standard
   * Time (UTC+8, no daylight saving), both inclusive.
   */
  async list(
    actor: Actor,
    limit: number,
    beforeId?: number,
    query: Pick<AuditLogQuery, 'action' | 'actor' | 'targetId' | 'from' | 'to'> = {},
  ): Promise<AuditRow[]> {
    const { from, to, ...exact } = query;
    const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
    return this.#deps.repository.list(this.#deps.db, auditLogScope(actor), limit, beforeId, {
      ...exact,
      ...(from === undefined ? {} : { from: dayStart(from) }),
      ...(to === undefined ? {} : { until: new Date(dayStart(to).getTime() + 86_400_000) }),
    });
  }
}
