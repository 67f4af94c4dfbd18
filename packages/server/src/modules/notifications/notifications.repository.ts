import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { queryRows } from '../../platform/db/database';
import {
  notificationOutbox,
  notificationPreferences,
  notificationUnsubscribes,
  notifications,
} from '../../platform/db/tables/notifications';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof notificationOutbox.$inferSelect;
export type PreferencesRow = typeof notificationPreferences.$inferSelect;

/** An outbox row as the worker sends it: the notification and the recipient's name with it. */
export interface DueDelivery {
  id: string;
  notificationId: string;
  channel: string;
  address: string;
  attempts: number;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  userId: string;
  displayName: string;
}

/** When the fan-out runs: now, and when SMS and WeChat of people keeping quiet hours may go. */
export interface FanOutTimes {
  now: Date;
  quietDueAt: Date;
}

export class NotificationsRepository {
  /**
   * Deliveries not yet done, instance-wide: waiting (due or later) and leased by a worker
   * now. Only pending rows are read (the partial index of due rows covers them).
   */
  async backlog(db: DbOrTx, now: Date): Promise<{ waiting: number; leased: number }> {
    const [row] = await queryRows<{ waiting: number; leased: number }>(
      db,
      sql`select count(*) filter (where locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)::int as waiting,
                 count(*) filter (where locked_until > ${now.toISOString()}::timestamptz)::int as leased
            from notification_outbox where status = 'pending'`,
    );
    return { waiting: row?.waiting ?? 0, leased: row?.leased ?? 0 };
  }

  /**
   * One statement: the notifications `select` yields (user_id, kind, dedupe_key, params,
   * link) are inserted unless already there, and each new one gets an outbox row per
   * external channel its recipient has on and an address for. Answers how many are new.
   */
  async insertFromSelect(db: DbOrTx, select: SQL, times: FanOutTimes): Promise<number> {
    const now = times.now.toISOString();
    const quietDue = times.quietDueAt.toISOString();
    const rows = await queryRows<{ created: number }>(
      db,
      sql`with src as (${select}),
        ins as (
          insert into notifications (user_id, kind, dedupe_key, params, link, created_at)
          select src.user_id, src.kind, src.dedupe_key, src.params, src.link, ${now}::timestamptz
            from src
          on conflict (user_id, kind, dedupe_key) do nothing
          returning id, user_id),
        target as (
          select ins.id, coalesce(p.email, u.email) as email, coalesce(p.phone, u.phone) as phone,
                 coalesce(pr.email, true) as want_email, coalesce(pr.sms, true) as want_sms,
                 coalesce(pr.wechat, false) as want_wechat,
                 coalesce(pr.quiet_hours, true) as quiet
            from ins
            join users u on u.id = ins.user_id
            left join lateral (
              select pe.email, pe.phone from people pe where pe.user_id = ins.user_id
               order by pe.created_at limit 1) p on true
            left join notification_preferences pr on pr.user_id = ins.user_id),
        outbox as (
          insert into notification_outbox
            (notification_id, channel, address, quiet, next_attempt_at, created_at)
          select t.id, 'email', lower(t.email), false, ${now}::timestamptz, ${now}::timestamptz
            from target t
           where t.want_email and t.email is not null and t.email <> ''
             and not exists (select 1 from notification_unsubscribes x
                              where x.address = lower(t.email))
          union all
          select t.id, c.channel, t.phone, t.quiet,
                 case when t.quiet then ${quietDue}::timestamptz else ${now}::timestamptz end,
                 ${now}::timestamptz
            from target t
            cross join (values ('sms'), ('wechat')) as c(channel)
           where t.phone is not null and t.phone <> ''
             and ((c.channel = 'sms' and t.want_sms) or (c.channel = 'wechat' and t.want_wechat))
          returning 1)
      select (select count(*) from ins)::int as created`,
    );
    return rows[0]?.created ?? 0;
  }

  /** The user's notifications, newest first, keyset on (created_at, id). */
  async page(
    db: DbOrTx,
    userId: string,
    options: { unread: boolean; before?: { at: string; id: string } | undefined; limit: number },
  ): Promise<NotificationRow[]> {
    return db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          options.unread ? isNull(notifications.readAt) : undefined,
          options.before
            ? or(
                lt(notifications.createdAt, new Date(options.before.at)),
                and(
                  eq(notifications.createdAt, new Date(options.before.at)),
                  lt(notifications.id, options.before.id),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.limit);
  }

  async unreadCount(db: DbOrTx, userId: string): Promise<number> {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`,
    );
    return rows[0]?.n ?? 0;
  }

  /** Marks one (or, without an id, every) unread notification of the user read. */
  async markRead(db: DbOrTx, userId: string, at: Date, id?: string): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: at })
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          id === undefined ? undefined : eq(notifications.id, id),
        ),
      )
      .returning({ id: notifications.id });
    return rows.length;
  }

  async find(db: DbOrTx, userId: string, id: string): Promise<NotificationRow | undefined> {
    const rows = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
    return rows[0];
  }

  async preferences(db: DbOrTx, userId: string): Promise<PreferencesRow | undefined> {
    const rows = await db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    return rows[0];
  }

  async savePreferences(db: DbOrTx, row: PreferencesRow): Promise<void> {
    const { userId: _userId, ...set } = row;
    await db
      .insert(notificationPreferences)
      .values(row)
      .onConflictDoUpdate({ target: notificationPreferences.userId, set });
  }

  /** The addresses the user is reached at: the person record's, else the account's. */
  async addressesOf(
    db: DbOrTx,
    userId: string,
  ): Promise<{ email: string | null; phone: string | null }> {
    const rows = await queryRows<{ email: string | null; phone: string | null }>(
      db,
      sql`select coalesce(p.email, u.email) as email, coalesce(p.phone, u.phone) as phone
            from users u
            left join lateral (select pe.email, pe.phone from people pe where pe.user_id = u.id
                                order by pe.created_at limit 1) p on true
           where u.id = ${userId}`,
    );
    return rows[0] ?? { email: null, phone: null };
  }

  async isUnsubscribed(db: DbOrTx, address: string): Promise<boolean> {
    const rows = await db
      .select({ address: notificationUnsubscribes.address })
      .from(notificationUnsubscribes)
      .where(eq(notificationUnsubscribes.address, address.toLowerCase()));
    return rows.length > 0;
  }

  /** Records the unsubscribe and skips the address's mail still waiting. */
  async unsubscribe(db: DbOrTx, address: string, at: Date): Promise<void> {
    const lower = address.toLowerCase();
    await db
      .insert(notificationUnsubscribes)
      .values({ address: lower, unsubscribedAt: at })
      .onConflictDoNothing();
    await db
      .update(notificationOutbox)
      .set({ status: 'skipped', lastError: 'unsubscribed', lockedUntil: null })
      .where(
        and(
          eq(notificationOutbox.channel, 'email'),
          eq(notificationOutbox.address, lower),
          eq(notificationOutbox.status, 'pending'),
        ),
      );
  }

  /**
   * Leases up to `limit` due deliveries (`FOR UPDATE SKIP LOCKED`: several workers share
   * the queue; a lease that runs out brings a dead worker's rows back). In quiet hours
   * (`quietNow`) the rows held for them are left waiting, and so are those of a channel not
   * configured (they wait for it, as the HR push waits for a receiver).
   */
  async claimDue(
    db: DbOrTx,
    now: Date,
    leaseUntil: Date,
    quietNow: boolean,
    limit: number,
    channels: readonly string[],
  ): Promise<DueDelivery[]> {
    const at = now.toISOString();
    const channelList = sql.join(
      channels.map((c) => sql`${c}`),
      sql`, `,
    );
    return queryRows<DueDelivery>(
      db,
      sql`with due as (
            select id from notification_outbox
             where status = 'pending' and next_attempt_at <= ${at}::timestamptz
               and (locked_until is null or locked_until <= ${at}::timestamptz)
               and (not quiet or not ${quietNow})
               and channel in (${channelList})
             order by next_attempt_at, id
             limit ${limit}
             for update skip locked),
          leased as (
            update notification_outbox o
               set locked_until = ${leaseUntil.toISOString()}::timestamptz,
                   attempts = o.attempts + 1
              from due where o.id = due.id
            returning o.id, o.notification_id, o.channel, o.address, o.attempts, o.next_attempt_at)
          select l.id, l.notification_id as "notificationId", l.channel, l.address, l.attempts,
                 n.kind, n.params, n.link, n.user_id as "userId", u.display_name as "displayName"
            from leased l
            join notifications n on n.id = l.notification_id
            join users u on u.id = n.user_id
           order by l.next_attempt_at, l.id`,
    );
  }

  /**
   * Gives back leased deliveries never attempted (a worker stopping mid-batch, ADR 0040):
   * due again at once for another worker, their attempt not counted. Only while this
   * worker still holds their lease.
   */
  async release(db: DbOrTx, ids: readonly string[], lease: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update notification_outbox
             set locked_until = null, attempts = attempts - 1
           where id in (${sql.join(
             ids.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
             and status = 'pending' and locked_until = ${lease.toISOString()}::timestamptz
          returning id`,
    );
    return rows.length;
  }

  /** Marks a delivery's outcome, only while this worker still holds its lease. */
  async finish(
    db: DbOrTx,
    id: string,
    lease: Date,
    patch: {
      status: 'pending' | 'delivered' | 'failed' | 'skipped';
      nextAttemptAt?: Date;
      lastError: string | null;
      lastStatusCode: number | null;
      deliveredAt?: Date;
    },
  ): Promise<boolean> {
    const rows = await db
      .update(notificationOutbox)
      .set({ ...patch, lockedUntil: null })
      .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.lockedUntil, lease)))
      .returning({ id: notificationOutbox.id });
    return rows.length > 0;
  }

  /** The deliveries of one notification (the delivery log of what it caused). */
  async deliveriesOf(db: DbOrTx, notificationId: string): Promise<OutboxRow[]> {
    return db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.notificationId, notificationId))
      .orderBy(notificationOutbox.channel);
  }

  /**
   * A keyset page of the delivery log, newest first, of the accounts holding a role at an org
   * under one of `scope` (the system administrator's subtrees), by status and channel.
   */
  async deliveryPage(
    db: DbOrTx,
    scope: readonly string[],
    filter: {
      id?: string;
      status?: string;
      channel?: string;
      before?: { at: string; id: string };
      limit: number;
    },
  ): Promise<LoggedDelivery[]> {
    if (scope.length === 0) return [];
    return queryRows<LoggedDelivery>(
      db,
      sql`select o.id, o.channel, o.address, o.status, o.quiet, o.attempts,
                 o.last_error as "lastError", o.last_status_code as "lastStatusCode",
                 o.created_at as "createdAt", o.next_attempt_at as "nextAttemptAt",
                 o.delivered_at as "deliveredAt", n.kind, u.display_name as "recipient"
            from notification_outbox o
            join notifications n on n.id = o.notification_id
            join users u on u.id = n.user_id
           where ${recipientWithin(scope)}
             ${filter.id ? sql`and o.id = ${filter.id}::uuid` : sql``}
             ${filter.status ? sql`and o.status = ${filter.status}` : sql``}
             ${filter.channel ? sql`and o.channel = ${filter.channel}` : sql``}
             ${
               filter.before
                 ? sql`and (o.created_at, o.id) < (${filter.before.at}::timestamptz, ${filter.before.id}::uuid)`
                 : sql``
             }
           order by o.created_at desc, o.id desc
           limit ${filter.limit}`,
    );
  }

  /**
   * Puts a failed delivery back in the queue, due now, with its attempts counted afresh (the
   * same delivery id, so a receiver that got it after all can drop the double). Answers the
   * row, or undefined when there is no failed delivery by that id within `scope`.
   */
  async resend(
    db: DbOrTx,
    scope: readonly string[],
    id: string,
    now: Date,
  ): Promise<{ id: string } | undefined> {
    if (scope.length === 0) return undefined;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update notification_outbox o
             set status = 'pending', attempts = 0, next_attempt_at = ${now.toISOString()}::timestamptz,
                 locked_until = null, last_error = null, last_status_code = null
            from notifications n
           where o.id = ${id}::uuid and o.status = 'failed' and n.id = o.notification_id
             and ${recipientWithin(scope)}
          returning o.id`,
    );
    return rows[0];
  }

  /** A delivery's status, when it is within `scope` (to say why a resend was refused). */
  async deliveryStatus(
    db: DbOrTx,
    scope: readonly string[],
    id: string,
  ): Promise<string | undefined> {
    if (scope.length === 0) return undefined;
    const rows = await queryRows<{ status: string }>(
      db,
      sql`select o.status from notification_outbox o
            join notifications n on n.id = o.notification_id
           where o.id = ${id}::uuid and ${recipientWithin(scope)}`,
    );
    return rows[0]?.status;
  }
}

/** One row of the delivery log, unmasked (the service masks the address). */
export interface LoggedDelivery {
  id: string;
  channel: string;
  address: string;
  status: string;
  quiet: boolean;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  createdAt: Date;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  kind: string;
  recipient: string;
}

/**
 * The notification's account holds a role at an org under one of `scope`: the accounts are
 * the users module's, read here as the fan-out reads them (ADR 0038), for the log's reach.
 */
function recipientWithin(scope: readonly string[]): SQL {
  return sql`exists (
    select 1 from user_roles ur join orgs g on g.id = ur.org_id
     where ur.user_id = n.user_id
       and (${sql.join(
         scope.map((root) => sql`g.path like ${`${root}%`}`),
         sql` or `,
       )}))`;
}
