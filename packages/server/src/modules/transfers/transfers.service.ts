import type { Transfer } from '@jijiao/contracts';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import { canDecideTransfer, canRequestTransferOf, transferListScope } from './transfers.policy';
import type { TransfersRepository } from './transfers.repository';

type View = NonNullable<Awaited<ReturnType<TransfersRepository['findView']>>>;

function toTransfer(v: View): Transfer {
  const t = v.transfer;
  return {
    id: t.id,
    personId: t.personId,
    personName: v.personName,
    idNumberMasked: v.idNumberMasked,
    fromUnitId: t.fromUnitId,
    fromUnitName: v.fromUnitName,
    toUnitId: t.toUnitId,
    toUnitName: v.toUnitName,
    status: t.status as Transfer['status'],
    note: t.note,
    requestedAt: t.requestedAt.toISOString(),
    decidedAt: t.decidedAt?.toISOString() ?? null,
    decisionReason: t.decisionReason,
  };
}

interface Deps {
  db: Db;
  clock: Clock;
  repository: TransfersRepository;
  people: PeopleService;
  orgs: OrgsService;
  auditLog: AuditLogService;
  /** Tells the receiving unit's officers a transfer waits for them (ADR 0038). */
  notifications?: Pick<NotificationsService, 'notifyOrgHolders'>;
}

/** 调入审核: a person moves to another unit when the receiving unit's admin accepts. */
export class TransfersService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** Requested by the person's unit admin, or by the learner for themselves. */
  async request(
    actor: Actor,
    input: { personId: string; toUnitId: string; note?: string | undefined },
    ip: string,
  ): Promise<Transfer> {
    const { db, clock, repository, people, auditLog } = this.#deps;
    const person = visibleOr404(await people.findAny(input.personId), canRequestTransferOf, actor, {
      what: 'person',
      details: { personId: input.personId },
    });
    // Any unit of the person's province may receive them, in scope or not: no actor check.
    const target = await this.#deps.orgs.findAnyUnitInProvinceOf(person.unitPath, input.toUnitId);
    if (!target)
      throw notFound({
        what: 'unit',
        details: { toUnitId: input.toUnitId },
        issues: [{ path: 'toUnitId', message: 'no such unit' }],
      });
    if (target.id === person.unitId) {
      throw new AppError(
        'validation_failed',
        'toUnitId: the person already belongs to this unit',
        undefined,
        [{ path: 'toUnitId', message: 'same unit' }],
      );
    }
    if (await repository.pendingFor(db, person.id))
      throw new AppError('conflict', 'A transfer of this person is already pending');
    return db.transaction(async (tx) => {
      const row = await repository.insert(tx, {
        personId: person.id,
        fromUnitId: person.unitId,
        toUnitId: target.id,
        note: input.note ?? null,
        requestedBy: actor.userId,
        requestedAt: clock.now(),
      });
      await auditLog.record(
        actorEvent(actor, 'transfer.requested', ip, {
          targetType: 'transfer',
          targetId: row.id,
          orgPath: person.unitPath,
        }),
        tx,
      );
      const view = await repository.findView(tx, row.id);
      if (!view) throw new Error('transfer vanished');
      await this.#deps.notifications?.notifyOrgHolders(tx, [
        {
          orgId: target.id,
          permission: 'person:manage',
          kind: 'transfer_waiting',
          dedupeKey: `transfer:${row.id}`,
          params: { person: view.personName, fromUnit: view.fromUnitName },
          link: '/people?tab=incoming',
        },
      ]);
      return toTransfer(view);
    });
  }

  async list(
    actor: Actor,
    direction: 'incoming' | 'outgoing',
    status?: string,
  ): Promise<{ items: Transfer[] }> {
    const rows = await this.#deps.repository.list(
      this.#deps.db,
      transferListScope(actor),
      direction,
      status,
    );
    return { items: rows.map(toTransfer) };
  }

  /** Accepting moves the person (and their learner role) and closes their unit history row. */
  async decide(
    actor: Actor,
    id: string,
    input: { decision: 'accept' | 'reject'; reason?: string | undefined },
    ip: string,
  ): Promise<Transfer> {
    const { db, clock, repository, people, auditLog } = this.#deps;
    const view = visibleOr404(await repository.findView(db, id), canDecideTransfer, actor, {
      what: 'transfer',
      details: { id },
    });
    const now = clock.now();
    return db.transaction(async (tx) => {
      const status = input.decision === 'accept' ? 'accepted' : 'rejected';
      const decided = await repository.decide(tx, id, {
        status,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionReason: input.reason ?? null,
      });
      if (!decided) throw new AppError('invalid_state', 'This transfer has already been decided');
      if (status === 'accepted') {
        const t = view.transfer;
        await people.moveToUnit(tx, t.personId, t.fromUnitId, t.toUnitId, now);
      }
      await auditLog.record(
        actorEvent(actor, `transfer.${status}`, ip, {
          targetType: 'transfer',
          targetId: id,
          orgPath: view.toUnitPath,
        }),
        tx,
      );
      const after = await repository.findView(tx, id);
      if (!after) throw new Error('transfer vanished');
      return toTransfer(after);
    });
  }
}
