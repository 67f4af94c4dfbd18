import { createHash, randomBytes } from 'node:crypto';
import type {
  AttendanceRuleInput,
  AuditAction,
  CheckinDevice,
  CheckinDeviceCreated,
  ProjectSession,
  ProjectSessionCreate,
  ProjectSessionUpdate,
} from '@jijiao/contracts';
import { checkSession, normaliseCardNumber } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import {
  actorEvent,
  type AuditDetails,
  type AuditLogService,
} from '../audit-log/audit-log.service';
import type { ProjectsService } from '../projects/projects.service';
import type { ProjectView } from '../projects/projects.service';
import { canManageDeviceOf } from './checkins.policy';
import type { CheckinsRepository, DeviceRow, SessionRow } from './checkins.repository';

type SessionAuditAction = Extract<
  AuditAction,
  `${'session' | 'device' | 'attendance_rule'}.${string}`
>;

export interface CheckinDeps {
  db: Db;
  clock: Clock;
  repository: CheckinsRepository;
  projects: ProjectsService;
  auditLog: AuditLogService;
}

const sessionMessages = {
  outside_project: 'the date must lie within the project’s dates',
  not_after_start: 'the end must come after the start',
  longer_than_session: 'more hours than the session lasts',
} as const;

export function hashDeviceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newDeviceToken(): string {
  return `jjd_${randomBytes(24).toString('base64url')}`;
}

export function toSession(row: SessionRow & { checkInCount?: number }): ProjectSession {
  return {
    id: row.id,
    projectId: row.projectId,
    date: row.date,
    startTime: row.startTime,
    endTime: row.endTime,
    hours: row.hours,
    place: row.place,
    registrationRequired: row.registrationRequired,
    checkInCount: row.checkInCount ?? 0,
  };
}

export function toDevice(row: DeviceRow): CheckinDevice {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    tokenHint: row.tokenHint,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** What a host admin sets up for check-in: sessions, registrations, kiosks, the attendance rule. */
export class SessionsService {
  readonly #deps: CheckinDeps;

  constructor(deps: CheckinDeps) {
    this.#deps = deps;
  }

  /** A project the actor manages (host admin), open for check-in set-up (draft or filed). */
  private async managedProject(actor: Actor, projectId: string): Promise<ProjectView> {
    const project = await this.#deps.projects.findInScope(actor, projectId, ['project:manage']);
    if (project.status !== 'draft' && project.status !== 'filed')
      throw new AppError('invalid_state', `the project is ${project.status}`, {
        status: project.status,
        problem: 'wrong_status',
      });
    return project;
  }

  async list(actor: Actor, projectId: string): Promise<ProjectSession[]> {
    await this.#deps.projects.findInScope(actor, projectId, ['project:read', 'project:file']);
    return (await this.#deps.repository.sessionsOf(this.#deps.db, projectId)).map(toSession);
  }

  private check(input: ProjectSessionCreate, project: ProjectView): void {
    const problem = checkSession(input, project);
    if (problem)
      throw new AppError(
        'validation_failed',
        `${problem.field}: ${sessionMessages[problem.problem]}`,
        { problem: problem.problem },
        [{ path: problem.field, message: sessionMessages[problem.problem] }],
      );
  }

  async create(actor: Actor, projectId: string, input: ProjectSessionCreate, ip: string) {
    const project = await this.managedProject(actor, projectId);
    this.check(input, project);
    const id = await this.#deps.db.transaction(async (tx) => {
      const sessionId = await this.#deps.repository.insertSession(tx, { ...input, projectId });
      await this.audit(tx, actor, 'session.created', sessionId, project, ip);
      return sessionId;
    });
    return this.view(projectId, id);
  }

  async update(
    actor: Actor,
    projectId: string,
    sessionId: string,
    patch: ProjectSessionUpdate,
    ip: string,
  ): Promise<ProjectSession> {
    const project = await this.managedProject(actor, projectId);
    const current = await this.findSession(projectId, sessionId);
    this.check({ ...toSession(current), ...patch }, project);
    await this.#deps.db.transaction(async (tx) => {
      await this.#deps.repository.updateSession(tx, sessionId, patch);
      await this.audit(tx, actor, 'session.updated', sessionId, project, ip);
    });
    return this.view(projectId, sessionId);
  }

  async remove(actor: Actor, projectId: string, sessionId: string, ip: string): Promise<void> {
    const project = await this.managedProject(actor, projectId);
    await this.findSession(projectId, sessionId);
    await this.#deps.db.transaction(async (tx) => {
      if (!(await this.#deps.repository.deleteSessionIfUnused(tx, sessionId)))
        throw new AppError('invalid_state', 'the session has check-ins or registrations', {
          problem: 'in_use',
        });
      await this.audit(tx, actor, 'session.deleted', sessionId, project, ip);
    });
  }

  /** Registers people for a session by their card numbers; unknown numbers are reported back. */
  async register(
    actor: Actor,
    projectId: string,
    sessionId: string,
    cardNumbers: readonly string[],
    ip: string,
  ) {
    const project = await this.managedProject(actor, projectId);
    await this.findSession(projectId, sessionId);
    const numbers = [...new Set(cardNumbers.map(normaliseCardNumber))];
    const cards = await this.#deps.repository.cardsByNumber(this.#deps.db, numbers);
    const byNumber = new Map(cards.map((c) => [c.number, c]));
    const people = numbers.flatMap((n) => {
      const card = byNumber.get(n);
      return card?.status === 'active' && card.person_id ? [card.person_id] : [];
    });
    const unknownCardNumbers = numbers.filter((n) => byNumber.get(n)?.status !== 'active');
    const registered = await this.#deps.db.transaction(async (tx) => {
      const count = await this.#deps.repository.register(tx, sessionId, people);
      await this.audit(tx, actor, 'session.registered', sessionId, project, ip, { count });
      return count;
    });
    return { registered, unknownCardNumbers };
  }

  async devices(actor: Actor, projectId: string): Promise<CheckinDevice[]> {
    await this.#deps.projects.findInScope(actor, projectId, ['project:manage']);
    return (await this.#deps.repository.devicesOf(this.#deps.db, projectId)).map(toDevice);
  }

  /** A kiosk for the project; its token is answered once and stored only hashed. */
  async createDevice(
    actor: Actor,
    projectId: string,
    name: string,
    ip: string,
  ): Promise<CheckinDeviceCreated> {
    const project = await this.managedProject(actor, projectId);
    const token = newDeviceToken();
    const device = await this.#deps.db.transaction(async (tx) => {
      const row = await this.insertDevice(tx, projectId, name, token, actor.userId);
      await this.audit(tx, actor, 'device.created', row.id, project, ip);
      return row;
    });
    return { ...toDevice(device), token };
  }

  insertDevice(
    tx: DbOrTx,
    projectId: string,
    name: string,
    token: string,
    createdBy: string | null,
  ) {
    return this.#deps.repository.insertDevice(tx, {
      projectId,
      name,
      tokenHash: hashDeviceToken(token),
      tokenHint: token.slice(-4),
      createdBy,
      createdAt: this.#deps.clock.now(),
    });
  }

  /** Revocation takes effect on the kiosk's next request. */
  async revokeDevice(actor: Actor, deviceId: string, ip: string): Promise<CheckinDevice> {
    const device = await this.#deps.repository.findDevice(this.#deps.db, deviceId);
    const noSuchDevice = { what: 'device', details: { id: deviceId } };
    if (!device) throw notFound(noSuchDevice);
    const project = visibleOr404(
      await this.#deps.projects.findAny(device.projectId),
      canManageDeviceOf,
      actor,
      noSuchDevice,
    );
    await this.#deps.db.transaction(async (tx) => {
      await this.#deps.repository.revokeDevice(tx, deviceId, this.#deps.clock.now());
      await this.audit(tx, actor, 'device.revoked', deviceId, project, ip);
    });
    const after = await this.#deps.repository.findDevice(this.#deps.db, deviceId);
    if (!after) throw new Error('device vanished');
    return toDevice(after);
  }

  async setRule(actor: Actor, projectId: string, rule: AttendanceRuleInput, ip: string) {
    const project = await this.#deps.projects.findInScope(actor, projectId, ['project:manage']);
    if (project.status === 'cancelled')
      throw new AppError('invalid_state', 'the project is cancelled', { problem: 'wrong_status' });
    await this.#deps.db.transaction(async (tx) => {
      await this.#deps.repository.setRule(
        tx,
        projectId,
        { kind: rule.kind, minShare: rule.kind === 'share_of_hours' ? rule.minShare : null },
        this.#deps.clock.now(),
      );
      await this.audit(tx, actor, 'attendance_rule.set', projectId, project, ip, { ...rule });
    });
  }

  private async findSession(projectId: string, sessionId: string): Promise<SessionRow> {
    const row = await this.#deps.repository.findSession(this.#deps.db, projectId, sessionId);
    if (!row) throw notFound({ what: 'session', details: { id: sessionId } });
    return row;
  }

  private async view(projectId: string, sessionId: string): Promise<ProjectSession> {
    const all = await this.#deps.repository.sessionsOf(this.#deps.db, projectId);
    const row = all.find((s) => s.id === sessionId);
    if (!row) throw new Error('session vanished');
    return toSession(row);
  }

  private async audit(
    tx: DbOrTx,
    actor: Actor,
    action: SessionAuditAction,
    targetId: string,
    project: ProjectView,
    ip: string,
    details: AuditDetails = {},
  ) {
    await this.#deps.auditLog.record(
      actorEvent(actor, action, ip, {
        targetType: action.startsWith('device.')
          ? 'device'
          : action.startsWith('attendance_rule.')
            ? 'attendance_rule'
            : 'session',
        targetId,
        orgPath: project.hostPath,
        details: { projectId: project.id, ...details },
      }),
      tx,
    );
  }
}
