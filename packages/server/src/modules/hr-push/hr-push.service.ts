import type {
  HrPushDelivery,
  HrPushDeliveryList,
  HrPushKind,
  HrPushSettings,
  HrPushSettingsUpdate,
  HrPushStatus,
} from '@jijiao/contracts';
import { toDelivery } from './hr-push-delivery';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import type { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { OrgsService } from '../orgs/orgs.service';
import { canManageHrPush, outboxHealthScope } from './hr-push.policy';
import type { HrPushRepository } from './hr-push.repository';

export interface HrPushDeps {
  db: Db;
  clock: Clock;
  repository: HrPushRepository;
  /** Encrypts the receivers' HMAC secrets at rest (the ID-number key). */
  cipher: IdNumberCipher;
  orgs: OrgsService;
  auditLog: AuditLogService;
}

export interface HrPushMessage {
  provinceId: string;
  kind: HrPushKind;
  payload: Record<string, unknown>;
}

/** Pushes to the HR training platform: the outbox, the receiver settings, the delivery log. */
export class HrPushService {
  readonly #deps: HrPushDeps;

  constructor(deps: HrPushDeps) {
    this.#deps = deps;
  }

  /** The HR push outbox's deliveries not yet done, instance-wide: for `/metrics` (ADR 0040). */
  backlog(): Promise<{ waiting: number; leased: number }> {
    return this.#deps.repository.backlog(this.#deps.db, this.#deps.clock.now());
  }

  /**
   * Queues a push inside the caller's transaction: it is sent (by the worker) if and only
   * if that transaction commits. Answers the delivery id.
   */
  async enqueueHrPush(tx: DbOrTx, message: HrPushMessage): Promise<string> {
    const now = this.#deps.clock.now();
    const row = await this.#deps.repository.insert(tx, {
      provinceId: message.provinceId,
      kind: message.kind,
      payload: message.payload,
      nextAttemptAt: now,
      createdAt: now,
    });
    await this.#deps.auditLog.record(
      {
        action: 'hr_push.enqueued',
        targetType: 'hr_push_delivery',
        targetId: row.id,
        orgPath: `/${message.provinceId}/`,
        details: { kind: message.kind },
      },
      tx,
    );
    return row.id;
  }

  /** The province, when the actor administers its HR push; else 404. */
  private async province(actor: Actor, provinceId: string) {
    return visibleOr404(
      await this.#deps.orgs.findInScope(actor, provinceId).catch(() => undefined),
      canManageHrPush,
      actor,
      { what: 'province', details: { provinceId } },
    );
  }

  /** 工作台: deliveries pending and failed in the caller's provinces, the longest-due pending. */
  async health(
    actor: Actor,
  ): Promise<{ pending: number; failed: number; oldestDueAt: string | null }> {
    const row = await this.#deps.repository.health(this.#deps.db, outboxHealthScope(actor));
    return {
      pending: row.pending,
      failed: row.failed,
      oldestDueAt: row.oldestDueAt === null ? null : new Date(row.oldestDueAt).toISOString(),
    };
  }

  /**
   * Whether a province's deliveries have somewhere to go (for the fraud workflow's preview);
   * no actor: the caller has authorised the person it acts on.
   */
  async receiverOf(provinceId: string): Promise<{ configured: boolean; enabled: boolean }> {
    const row = await this.#deps.repository.settings(this.#deps.db, provinceId);
    return { configured: row !== undefined, enabled: row?.enabled ?? false };
  }

  async getSettings(actor: Actor, provinceId: string): Promise<HrPushSettings> {
    await this.province(actor, provinceId);
    const row = await this.#deps.repository.settings(this.#deps.db, provinceId);
    return {
      provinceId,
      receiverUrl: row?.receiverUrl ?? null,
      enabled: row?.enabled ?? false,
      hasSecret: row !== undefined,
      updatedAt: row?.updatedAt.toISOString() ?? null,
    };
  }

  async updateSettings(
    actor: Actor,
    provinceId: string,
    input: HrPushSettingsUpdate,
    ip: string,
  ): Promise<HrPushSettings> {
    const province = await this.province(actor, provinceId);
    const current = await this.#deps.repository.settings(this.#deps.db, provinceId);
    if (!current && input.secret === undefined) {
      throw new AppError('validation_failed', 'secret: required the first time', undefined, [
        { path: 'secret', message: 'required the first time' },
      ]);
    }
    const secretCipher =
      input.secret === undefined ? current?.secretCipher : this.#deps.cipher.encrypt(input.secret);
    if (!secretCipher) throw new Error('unreachable');
    await this.#deps.db.transaction(async (tx) => {
      await this.#deps.repository.saveSettings(tx, {
        provinceId,
        receiverUrl: input.receiverUrl,
        secretCipher,
        enabled: input.enabled,
        updatedAt: this.#deps.clock.now(),
        updatedBy: actor.userId,
      });
      await this.#deps.auditLog.record(
        actorEvent(actor, 'hr_push.settings_updated', ip, {
          targetType: 'org',
          targetId: provinceId,
          orgPath: province.path,
          details: {
            receiverUrl: input.receiverUrl,
            enabled: input.enabled,
            secretChanged: input.secret !== undefined,
          },
        }),
        tx,
      );
    });
    return this.getSettings(actor, provinceId);
  }

  async listDeliveries(
    actor: Actor,
    provinceId: string,
    query: { status?: HrPushStatus | undefined; limit: number; after?: string | undefined },
  ): Promise<HrPushDeliveryList> {
    await this.province(actor, provinceId);
    const after = query.after ? decodeCursor(query.after, 2) : undefined;
    const rows = await this.#deps.repository.page(this.#deps.db, provinceId, {
      status: query.status,
      before: after ? { at: String(after[0]), id: String(after[1]) } : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toDelivery),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.createdAt.toISOString(), last.id])
          : null,
      total: after
        ? null
        : await this.#deps.repository.count(this.#deps.db, provinceId, query.status),
    };
  }

  /** Sends a delivery again (same delivery id: a receiver that has it ignores it). */
  async resend(actor: Actor, provinceId: string, id: string, ip: string): Promise<HrPushDelivery> {
    const province = await this.province(actor, provinceId);
    return this.#deps.db.transaction(async (tx) => {
      const row = await this.#deps.repository.resend(tx, id, provinceId, this.#deps.clock.now());
      if (!row) throw notFound({ what: 'delivery', details: { id } });
      await this.#deps.auditLog.record(
        actorEvent(actor, 'hr_push.resend', ip, {
          targetType: 'hr_push_delivery',
          targetId: id,
          orgPath: province.path,
        }),
        tx,
      );
      return toDelivery(row);
    });
  }
}
