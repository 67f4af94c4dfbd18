import type {
  NotificationChannel,
  NotificationDelivery,
  NotificationDeliveryList,
  NotificationDeliveryListQuery,
  NotificationDeliveryStatus,
  NotificationKind,
} from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/auth/policy';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import { deliveryLogScope } from './notifications.policy';
import type { LoggedDelivery, NotificationsRepository } from './notifications.repository';
import { maskEmail, maskPhone } from './unsubscribe-token';

export interface DeliveryLogDeps {
  db: Db;
  clock: Clock;
  repository: NotificationsRepository;
  auditLog: Pick<AuditLogService, 'record'>;
}

function toDelivery(row: LoggedDelivery): NotificationDelivery {
  return {
    id: row.id,
    channel: row.channel as NotificationChannel,
    address: row.channel === 'email' ? maskEmail(row.address) : maskPhone(row.address),
    recipient: row.recipient,
    kind: row.kind as NotificationKind,
    status: row.status as NotificationDeliveryStatus,
    quiet: row.quiet,
    attempts: row.attempts,
    lastError: row.lastError,
    lastStatusCode: row.lastStatusCode,
    createdAt: new Date(row.createdAt).toISOString(),
    nextAttemptAt: new Date(row.nextAttemptAt).toISOString(),
    deliveredAt: row.deliveredAt ? new Date(row.deliveredAt).toISOString() : null,
  };
}

/** 通知投递记录: the outbox of the caller's subtrees, newest first, by status and channel. */
export async function listDeliveries(
  deps: DeliveryLogDeps,
  actor: Actor,
  query: NotificationDeliveryListQuery,
): Promise<NotificationDeliveryList> {
  const after = query.after ? decodeCursor(query.after, 2) : undefined;
  const rows = await deps.repository.deliveryPage(deps.db, deliveryLogScope(actor), {
    status: query.status,
    channel: query.channel,
    before: after ? { at: String(after[0]), id: String(after[1]) } : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toDelivery),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([new Date(last.createdAt).toISOString(), last.id])
        : null,
  };
}

/**
 * Sends a failed delivery again (same delivery id), recorded in the audit log. Only a failed
 * one: a delivered message is not sent twice, a skipped one was unsubscribed.
 */
export async function resendDelivery(
  deps: DeliveryLogDeps,
  actor: Actor,
  id: string,
  ip: string,
): Promise<NotificationDelivery> {
  const scope = deliveryLogScope(actor);
  return deps.db.transaction(async (tx) => {
    const resent = await deps.repository.resend(tx, scope, id, deps.clock.now());
    if (!resent) {
      const status = await deps.repository.deliveryStatus(tx, scope, id);
      if (status === undefined) throw notFound({ what: 'delivery', details: { id } });
      throw new AppError(
        'invalid_state',
        `Only a failed delivery is sent again (this one is ${status})`,
        {
          status,
        },
      );
    }
    await deps.auditLog.record(
      actorEvent(actor, 'notification.resend', ip, {
        targetType: 'notification_delivery',
        targetId: id,
      }),
      tx,
    );
    const [row] = await deps.repository.deliveryPage(tx, scope, { id, limit: 1 });
    if (!row) throw notFound({ what: 'delivery', details: { id } });
    return toDelivery(row);
  });
}
