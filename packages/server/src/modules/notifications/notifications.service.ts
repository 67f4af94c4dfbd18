import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
  rolePermissions,
  type Permission,
  type Role,
  notificationKindSchema,
  notificationParamsSchema,
  type Notification,
  type NotificationDelivery,
  type NotificationDeliveryList,
  type NotificationDeliveryListQuery,
  type NotificationKind,
  type NotificationList,
  type NotificationListQuery,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  type UnsubscribeResult,
} from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import { jsonRowsChunk } from '../../platform/db/json-rows';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import type { AuditLogService } from '../audit-log/audit-log.service';
import { listDeliveries, resendDelivery } from './delivery-log';
import { canReadNotification, canSetPreferences } from './notifications.policy';
import type { NotificationRow, NotificationsRepository } from './notifications.repository';
import { quietHoursEnd } from './quiet-hours';
import { addressOfToken, maskEmail, maskPhone, unsubscribeToken } from './unsubscribe-token';

/** One notification to one account. */
export interface NotificationInput {
  /** The recipient account (users.id). */
  userId: string;
  kind: NotificationKind;
  /** `(userId, kind, dedupeKey)` is unique: the same event twice is created once. */
  dedupeKey: string;
  /** The template's parameters. */
  params: Record<string, string | number>;
  /** The in-app path the notification opens. */
  link?: string;
}

/** One notification to the account of a person (none is written if the person has none). */
export type PersonNotificationInput = Omit<NotificationInput, 'userId'> & { personId: string };

/**
 * One notification to each active account holding, at exactly this org, a role that grants
 * `permission` (a unit's officers for its audit, its transfers).
 */
export type OrgNotificationInput = Omit<NotificationInput, 'userId'> & {
  orgId: string;
  permission: Permission;
};

export interface NotificationsDeps {
  db: Db;
  clock: Clock;
  repository: NotificationsRepository;
  /** Signs the unsubscribe links of emails. */
  unsubscribeKey: Buffer;
  auditLog: Pick<AuditLogService, 'record'>;
}

const inputSchema = z.object({
  kind: notificationKindSchema,
  dedupeKey: z.string().min(1).max(300),
  params: notificationParamsSchema,
  link: z
    .string()
    .regex(/^\/[^/]/, 'an in-app path starting with /')
    .max(500)
    .optional(),
});

/** A bad input is the caller's bug: named by row and field, never stored half. */
function checkInputs(inputs: readonly Omit<NotificationInput, 'userId'>[]): void {
  inputs.forEach((input, row) => {
    const parsed = inputSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: `${String(row)}.${i.path.join('.')}`,
        message: i.message,
      }));
      throw new AppError(
        'validation_failed',
        `notification ${String(row)}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        undefined,
        issues,
      );
    }
  });
}

/** The roles whose holders have `permission`. */
function rolesGranting(permission: Permission): Role[] {
  return (Object.keys(rolePermissions) as Role[]).filter((role) =>
    rolePermissions[role].includes(permission),
  );
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    params: row.params,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/**
 * Notifications (ADR 0038): what the app tells each person, in the bell and by the channels
 * they keep on. Writers call `notifyMany` / `notifyPeople` / `notifyFromSelect` inside their
 * own transaction: the in-app rows and the outbox rows of the external channels commit with
 * the event, or not at all.
 */
export class NotificationsService {
  readonly #deps: NotificationsDeps;

  constructor(deps: NotificationsDeps) {
    this.#deps = deps;
  }

  /** The notification outbox's deliveries not yet done, instance-wide: for `/metrics` (ADR 0040). */
  backlog(): Promise<{ waiting: number; leased: number }> {
    return this.#deps.repository.backlog(this.#deps.db, this.#deps.clock.now());
  }

  private fanOutTimes() {
    const now = this.#deps.clock.now();
    return { now, quietDueAt: quietHoursEnd(now) };
  }

  /**
   * Writes the notifications a `select` yields — columns `user_id uuid, kind text,
   * dedupe_key text, params jsonb, link text` — and their outbox rows, in one statement;
   * those already there are skipped. Answers how many are new.
   */
  notifyFromSelect(tx: DbOrTx, select: SQL): Promise<number> {
    return this.#deps.repository.insertFromSelect(tx, select, this.fanOutTimes());
  }

  /** Writes the notifications given (checked first), set-based. Answers how many are new. */
  async notifyMany(tx: DbOrTx, inputs: readonly NotificationInput[]): Promise<number> {
    checkInputs(inputs);
    return this.insertJson(tx, inputs, 'user');
  }

  /** As `notifyMany`, addressed to people: those without an account are told nothing. */
  async notifyPeople(tx: DbOrTx, inputs: readonly PersonNotificationInput[]): Promise<number> {
    checkInputs(inputs);
    return this.insertJson(tx, inputs, 'person');
  }

  /** As `notifyMany`, to the officers of an org (see `OrgNotificationInput`). */
  async notifyOrgHolders(tx: DbOrTx, inputs: readonly OrgNotificationInput[]): Promise<number> {
    checkInputs(inputs);
    return this.insertJson(tx, inputs, 'org');
  }

  private async insertJson(
    tx: DbOrTx,
    inputs: readonly (Omit<NotificationInput, 'userId'> & {
      userId?: string;
      personId?: string;
      orgId?: string;
      permission?: Permission;
    })[],
    by: 'user' | 'person' | 'org',
  ): Promise<number> {
    let created = 0;
    for (let start = 0; start < inputs.length; start += jsonRowsChunk) {
      const chunk = inputs.slice(start, start + jsonRowsChunk).map((i) => ({
        recipient: by === 'user' ? i.userId : by === 'person' ? i.personId : i.orgId,
        roles: i.permission ? rolesGranting(i.permission) : [],
        kind: i.kind,
        dedupe_key: i.dedupeKey,
        params: i.params,
        link: i.link ?? null,
      }));
      const rows = sql`jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as r(recipient uuid, roles jsonb, kind text, dedupe_key text, params jsonb, link text)`;
      const select =
        by === 'user'
          ? sql`select r.recipient as user_id, r.kind, r.dedupe_key, r.params, r.link from ${rows}`
          : by === 'person'
            ? sql`select p.user_id, r.kind, r.dedupe_key, r.params, r.link
                    from ${rows} join people p on p.id = r.recipient
                   where p.user_id is not null`
            : sql`select distinct ur.user_id, r.kind, r.dedupe_key, r.params, r.link
                    from ${rows}
                    join user_roles ur on ur.org_id = r.recipient and r.roles @> to_jsonb(ur.role)
                    join users u on u.id = ur.user_id and u.disabled_at is null`;
      created += await this.notifyFromSelect(tx, select);
    }
    return created;
  }

  async list(actor: Actor, query: NotificationListQuery): Promise<NotificationList> {
    const after = query.after ? decodeCursor(query.after, 2) : undefined;
    const rows = await this.#deps.repository.page(this.#deps.db, actor.userId, {
      unread: query.unread === true,
      before: after ? { at: String(after[0]), id: String(after[1]) } : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toNotification),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.createdAt.toISOString(), last.id])
          : null,
    };
  }

  async unreadCount(actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.#deps.repository.unreadCount(this.#deps.db, actor.userId) };
  }

  /** Marks one of the actor's notifications read (again: nothing changes); else 404. */
  async markRead(actor: Actor, id: string): Promise<Notification> {
    const { db, repository, clock } = this.#deps;
    const row = visibleOr404(
      await repository.find(db, actor.userId, id),
      canReadNotification,
      actor,
      {
        what: 'notification',
        details: { id },
      },
    );
    if (row.readAt) return toNotification(row);
    await repository.markRead(db, actor.userId, clock.now(), id);
    const marked = await repository.find(db, actor.userId, id);
    return toNotification(marked ?? row);
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    const { db, repository, clock } = this.#deps;
    return { marked: await repository.markRead(db, actor.userId, clock.now()) };
  }

  async getPreferences(actor: Actor): Promise<NotificationPreferences> {
    const { db, repository } = this.#deps;
    visibleOr404({ userId: actor.userId }, canSetPreferences, actor, { what: 'account' });
    const row = await repository.preferences(db, actor.userId);
    const { email, phone } = await repository.addressesOf(db, actor.userId);
    return {
      email: row?.email ?? true,
      sms: row?.sms ?? true,
      wechat: row?.wechat ?? false,
      quietHours: row?.quietHours ?? true,
      emailAddress: email,
      phone: phone ? maskPhone(phone) : null,
      emailUnsubscribed: email ? await repository.isUnsubscribed(db, email) : false,
    };
  }

  async updatePreferences(
    actor: Actor,
    input: NotificationPreferencesUpdate,
  ): Promise<NotificationPreferences> {
    visibleOr404({ userId: actor.userId }, canSetPreferences, actor, { what: 'account' });
    await this.#deps.repository.savePreferences(this.#deps.db, {
      userId: actor.userId,
      ...input,
      updatedAt: this.#deps.clock.now(),
    });
    return this.getPreferences(actor);
  }

  /** 通知投递记录: the delivery log of the caller's subtrees (system administrators). */
  listDeliveries(
    actor: Actor,
    query: NotificationDeliveryListQuery,
  ): Promise<NotificationDeliveryList> {
    return listDeliveries(this.#deps, actor, query);
  }

  /** Sends a failed delivery again (same delivery id). */
  resendDelivery(actor: Actor, id: string, ip: string): Promise<NotificationDelivery> {
    return resendDelivery(this.#deps, actor, id, ip);
  }

  /** The token of an address's unsubscribe link (what every email to it carries). */
  unsubscribeTokenOf(address: string): string {
    return unsubscribeToken(this.#deps.unsubscribeKey, address);
  }

  /** The one-click unsubscribe of an email link (no sign-in: the token is the proof). */
  async unsubscribe(token: string): Promise<UnsubscribeResult> {
    const address = addressOfToken(this.#deps.unsubscribeKey, token);
    if (!address)
      throw new AppError('validation_failed', 'token: not a valid unsubscribe link', undefined, [
        { path: 'token', message: 'not a valid unsubscribe link' },
      ]);
    await this.#deps.db.transaction((tx) =>
      this.#deps.repository.unsubscribe(tx, address, this.#deps.clock.now()),
    );
    return { address: maskEmail(address) };
  }
}
