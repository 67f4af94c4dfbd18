import { and, asc, count, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { queryRows } from '../../platform/db/database';
import { hrPushOutbox, hrPushSettings } from '../../platform/db/tables/hr-push';

export type OutboxRow = typeof hrPushOutbox.$inferSelect;
export type NewOutboxRow = typeof hrPushOutbox.$inferInsert;
export type SettingsRow = typeof hrPushSettings.$inferSelect;

export class HrPushRepository {
  /**
   * Deliveries not yet done, instance-wide: waiting (due or later) and leased by a worker
   * now. Only pending rows are read (the partial index of due rows covers them).
   */
  async backlog(db: DbOrTx, now: Date): Promise<{ waiting: number; leased: number }> {
    const [row] = await queryRows<{ waiting: number; leased: number }>(
      db,
      sql`select count(*) filter (where locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)::int as waiting,
                 count(*) filter (where locked_until > ${now.toISOString()}::timestamptz)::int as leased
            from hr_push_outbox where status = 'pending'`,
    );
    return { waiting: row?.waiting ?? 0, leased: row?.leased ?? 0 };
  }

  async insert(db: DbOrTx, row: NewOutboxRow): Promise<OutboxRow> {
    const [inserted] = await db.insert(hrPushOutbox).values(row).returning();
    if (!inserted) throw new Error('no outbox row');
    return inserted;
  }

  async settings(db: DbOrTx, provinceId: string): Promise<SettingsRow | undefined> {
    const rows = await db
      .select()
      .from(hrPushSettings)
      .where(eq(hrPushSettings.provinceId, provinceId));
    return rows[0];
  }

  async saveSettings(db: DbOrTx, row: typeof hrPushSettings.$inferInsert): Promise<void> {
    await db
      .insert(hrPushSettings)
      .values(row)
      .onConflictDoUpdate({
        target: hrPushSettings.provinceId,
        set: {
          receiverUrl: row.receiverUrl,
          secretCipher: row.secretCipher,
          enabled: row.enabled ?? true,
          updatedAt: row.updatedAt,
          updatedBy: row.updatedBy ?? null,
        },
      });
  }

  /**
   * Takes the lease on the next due delivery, or answers nothing. `FOR UPDATE SKIP LOCKED`
   * lets several workers share the queue; the lease (`locked_until`) lets a row whose
   * worker died be taken again once it runs out.
   */
  async claimDue(db: DbOrTx, now: Date, leaseUntil: Date): Promise<OutboxRow | undefined> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update hr_push_outbox set locked_until = ${leaseUntil.toISOString()}::timestamptz,
            attempts = attempts + 1
          where id = (
            select id from hr_push_outbox
            where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
              and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
            order by next_attempt_at, id
            limit 1
            for update skip locked)
          returning id`,
    );
    const id = rows[0]?.id;
    if (!id) return undefined;
    return this.find(db, id);
  }

  async find(db: DbOrTx, id: string): Promise<OutboxRow | undefined> {
    const rows = await db.select().from(hrPushOutbox).where(eq(hrPushOutbox.id, id));
    return rows[0];
  }

  /** Marks a delivery done, only while this worker still holds its lease. */
  async markDelivered(
    db: DbOrTx,
    id: string,
    lease: Date,
    at: Date,
    statusCode: number,
  ): Promise<boolean> {
    const rows = await db
      .update(hrPushOutbox)
      .set({
        status: 'delivered',
        deliveredAt: at,
        lockedUntil: null,
        lastError: null,
        lastStatusCode: statusCode,
      })
      .where(
        and(
          eq(hrPushOutbox.id, id),
          eq(hrPushOutbox.status, 'pending'),
          eq(hrPushOutbox.lockedUntil, lease),
        ),
      )
      .returning({ id: hrPushOutbox.id });
    return rows.length > 0;
  }

  async markFailed(
    db: DbOrTx,
    id: string,
    lease: Date,
    patch: {
      status: 'pending' | 'failed';
      nextAttemptAt: Date;
      lastError: string;
      lastStatusCode: number | null;
    },
  ): Promise<void> {
    await db
      .update(hrPushOutbox)
      .set({ ...patch, lockedUntil: null })
      .where(and(eq(hrPushOutbox.id, id), eq(hrPushOutbox.lockedUntil, lease)));
  }

  async resend(
    db: DbOrTx,
    id: string,
    provinceId: string,
    now: Date,
  ): Promise<OutboxRow | undefined> {
    const rows = await db
      .update(hrPushOutbox)
      .set({
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lockedUntil: null,
        deliveredAt: null,
      })
      .where(and(eq(hrPushOutbox.id, id), eq(hrPushOutbox.provinceId, provinceId)))
      .returning();
    return rows[0];
  }

  /** How many deliveries of a province (of a status) the log holds. */
  async count(db: DbOrTx, provinceId: string, status?: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(hrPushOutbox)
      .where(
        and(
          eq(hrPushOutbox.provinceId, provinceId),
          status ? eq(hrPushOutbox.status, status) : undefined,
        ),
      );
    return row?.n ?? 0;
  }

  /** Newest first, keyset on (created_at, id). */
  async page(
    db: DbOrTx,
    provinceId: string,
    options: {
      status?: string | undefined;
      before?: { at: string; id: string } | undefined;
      limit: number;
    },
  ): Promise<OutboxRow[]> {
    return db
      .select()
      .from(hrPushOutbox)
      .where(
        and(
          eq(hrPushOutbox.provinceId, provinceId),
          options.status ? eq(hrPushOutbox.status, options.status) : undefined,
          options.before
            ? or(
                lt(hrPushOutbox.createdAt, new Date(options.before.at)),
                and(
                  eq(hrPushOutbox.createdAt, new Date(options.before.at)),
                  lt(hrPushOutbox.id, options.before.id),
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(hrPushOutbox.createdAt), desc(hrPushOutbox.id))
      .limit(options.limit);
  }

  async nextDueAt(db: DbOrTx): Promise<Date | undefined> {
    const rows = await db
      .select({ at: hrPushOutbox.nextAttemptAt })
      .from(hrPushOutbox)
      .where(eq(hrPushOutbox.status, 'pending'))
      .orderBy(asc(hrPushOutbox.nextAttemptAt))
      .limit(1);
    return rows[0]?.at;
  }

  /** Pending and failed deliveries of provinces within `scope`, and the longest-due pending. */
  async health(
    db: DbOrTx,
    scope: readonly string[],
  ): Promise<{ pending: number; failed: number; oldestDueAt: Date | string | null }> {
    if (scope.length === 0) return { pending: 0, failed: 0, oldestDueAt: null };
    const inScope = sql.join(
      scope.map((root) => sql`o.path like ${`${root}%`}`),
      sql` or `,
    );
    const [row] = await queryRows<{
      pending: number;
      failed: number;
      oldestDueAt: Date | string | null;
    }>(
      db,
      sql`select count(*) filter (where h.status = 'pending')::int as pending,
                 count(*) filter (where h.status = 'failed')::int as failed,
                 min(h.next_attempt_at) filter (where h.status = 'pending') as "oldestDueAt"
            from hr_push_outbox h join orgs o on o.id = h.province_id
           where h.status in ('pending', 'failed') and (${inScope})`,
    );
    return row ?? { pending: 0, failed: 0, oldestDueAt: null };
  }
}
