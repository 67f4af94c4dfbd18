import type {
  Project,
  ProjectCreate,
  ProjectDashboard,
  ProjectLevel,
  ProjectList,
  ProjectListQuery,
  ProjectStatus,
  ProjectUpdate,
} from '@jijiao/contracts';
import {
  checkProjectAction,
  nextStatus,
  type FiledProject,
  type FiledProjectQuery,
  type ProjectAction,
  type ProjectStatusCode,
} from '@jijiao/domain';
import { chinaDay, type Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { anyOf, visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { OrgsService } from '../orgs/orgs.service';
import { checkProjectInput } from './project-input';
import { projectDashboard } from './projects-dashboard';
import { canRegisterProjectsFor, projectListScope, projectPolicy } from './projects.policy';
import { importProjects, type ProjectImportCounts } from './projects-import.service';
import type { NewProject, ProjectsRepository, ProjectView } from './projects.repository';

/** The row other modules see (they never import this module's repository). */
export type { ProjectView } from './projects.repository';

export function toProject(v: ProjectView): Project {
  return {
    id: v.id,
    number: v.number,
    name: v.name,
    level: v.level as ProjectLevel,
    year: v.year,
    hostId: v.hostId,
    hostName: v.hostName,
    discipline: v.discipline,
    startDate: v.startDate,
    endDate: v.endDate,
    place: v.place,
    hours: v.hours,
    attendeeCredits: v.attendeeCredits,
    speakerCredits: v.speakerCredits,
    tcm: v.tcm,
    remote: v.remote,
    status: v.status as ProjectStatus,
    filedAt: v.filedAt?.toISOString() ?? null,
    finishedAt: v.finishedAt?.toISOString() ?? null,
    attendeeCount: v.attendeeCount,
    cancelReason: v.cancelReason,
  };
}

const actionMessages = {
  wrong_status: 'not allowed in the project’s current status',
  starts_too_soon: 'filing must happen before the start date',
  not_ended_yet: 'the execution report comes after the end date',
} as const;

interface Deps {
  db: Db;
  clock: Clock;
  repository: ProjectsRepository;
  orgs: OrgsService;
  auditLog: AuditLogService;
}

/** CME projects: registration by hosts, filing by the province, execution reports, public search. */
export class ProjectsService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** Today in China (UTC+8), as a calendar date. */
  today(): string {
    return chinaDay(this.#deps.clock.now());
  }

  async findInScope(
    actor: Actor,
    id: string,
    permissions: readonly ('project:read' | 'project:manage' | 'project:file')[],
  ): Promise<ProjectView> {
    return visibleOr404(
      await this.#deps.repository.findView(this.#deps.db, id),
      anyOf(...permissions.map((p) => projectPolicy[p])),
      actor,
      { what: 'project', details: { id } },
    );
  }

  /** Without a scope check: for callers that decide access themselves (check-in kiosks). */
  async findAny(id: string, db: DbOrTx = this.#deps.db): Promise<ProjectView | undefined> {
    return this.#deps.repository.findView(db, id);
  }

  /**
   * The registry of filed projects, asked by a claim (credit intake's filed-project check):
   * filed or finished projects by number, or by name and a day within their dates.
   */
  async findFiled(db: DbOrTx, query: FiledProjectQuery): Promise<FiledProject[]> {
    const rows = await this.#deps.repository.filedMatching(db, query);
    return rows.map((p) => ({
      number: p.number,
      name: p.name,
      level: p.level as ProjectLevel,
      startDate: p.startDate,
      endDate: p.endDate,
      hours: p.hours,
      attendeeCredits: p.attendeeCredits,
      speakerCredits: p.speakerCredits,
    }));
  }

  async get(actor: Actor, id: string): Promise<Project> {
    return toProject(await this.findInScope(actor, id, ['project:read', 'project:file']));
  }

  async list(actor: Actor, query: ProjectListQuery): Promise<ProjectList> {
    const scope = projectListScope(actor);
    return this.page({ ...query, scope, statuses: query.status ? [query.status] : undefined });
  }

  /** 工作台: projects of the caller's subtree starting in the next 30 days. */
  dashboard(actor: Actor): Promise<ProjectDashboard> {
    return projectDashboard(this.#deps, actor);
  }

  /** Filed and finished projects, for anyone (项目查询). */
  async publicSearch(query: ProjectListQuery): Promise<ProjectList> {
    const statuses =
      query.status && ['filed', 'finished'].includes(query.status)
        ? [query.status]
        : ['filed', 'finished'];
    return this.page({ ...query, statuses });
  }

  private async page(
    query: ProjectListQuery & { scope?: string[]; statuses: string[] | undefined },
  ): Promise<ProjectList> {
    const after = query.after ? decodeCursor(query.after, 2) : undefined;
    const filter = {
      ...(query.scope ? { scope: query.scope } : {}),
      ...(query.number ? { number: query.number } : {}),
      ...(query.name ? { name: query.name } : {}),
      ...(query.host ? { host: query.host } : {}),
      ...(query.year ? { year: query.year } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.statuses ? { statuses: query.statuses } : {}),
    };
    const rows = await this.#deps.repository.page(this.#deps.db, {
      ...filter,
      ...(after ? { after: { startDate: String(after[0]), id: String(after[1]) } } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const more = rows.length > query.limit;
    return {
      items: page.map(toProject),
      nextCursor: more && last ? encodeCursor([last.startDate, last.id]) : null,
      // The first page counts the rest only when there is more than it holds.
      total: after
        ? null
        : more
          ? await this.#deps.repository.countMatching(this.#deps.db, filter)
          : page.length,
    };
  }

  async *iterateProjects(
    actor: Actor,
    query: Omit<ProjectListQuery, 'after' | 'limit'>,
  ): AsyncGenerator<Project> {
    let after: string | undefined;
    do {
      const page = await this.list(actor, { ...query, limit: 500, ...(after ? { after } : {}) });
      yield* page.items;
      after = page.nextCursor ?? undefined;
    } while (after);
  }

  /** A host the actor may register projects for (project:manage over it), else 404. */
  async hostForRegistration(actor: Actor, hostId: string): Promise<{ id: string; path: string }> {
    return visibleOr404(
      await this.#deps.orgs.findInScope(actor, hostId, 'org:read').catch(() => undefined),
      canRegisterProjectsFor,
      actor,
      {
        what: 'host',
        details: { hostId },
        issues: [{ path: 'hostId', message: 'no such host in your scope' }],
      },
    );
  }

  async create(actor: Actor, input: ProjectCreate, ip: string): Promise<Project> {
    const host = await this.hostForRegistration(actor, input.hostId);
    const derived = checkProjectInput(input);
    if ((await this.#deps.repository.findByNumbers(this.#deps.db, [derived.number])).length > 0) {
      throw new AppError(
        'conflict',
        `number: project ${derived.number} is already registered`,
        undefined,
        [{ path: 'number', message: '项目编号已存在' }],
      );
    }
    const now = this.#deps.clock.now();
    return this.#deps.db.transaction(async (tx) => {
      const [row] = await this.#deps.repository.insert(tx, [
        { ...input, ...derived, hostId: host.id, status: 'draft', createdAt: now, updatedAt: now },
      ]);
      if (!row) throw new Error('no project created');
      await this.#deps.auditLog.record(
        actorEvent(actor, 'project.created', ip, {
          targetType: 'project',
          targetId: row.id,
          orgPath: host.path,
        }),
        tx,
      );
      return this.view(tx, row.id);
    });
  }

  async update(actor: Actor, id: string, patch: ProjectUpdate, ip: string): Promise<Project> {
    const current = await this.findInScope(actor, id, ['project:manage']);
    const merged = {
      number: patch.number ?? current.number,
      level: patch.level ?? (current.level as ProjectLevel),
      startDate: patch.startDate ?? current.startDate,
      endDate: patch.endDate ?? current.endDate,
    };
    const derived = checkProjectInput(merged);
    return this.transition(actor, current, 'edit', { ...patch, ...derived }, ip);
  }

  file(actor: Actor, id: string, ip: string): Promise<Project> {
    return this.findInScope(actor, id, ['project:file']).then((p) =>
      this.transition(
        actor,
        p,
        'file',
        { filedAt: this.#deps.clock.now(), filedBy: actor.userId },
        ip,
      ),
    );
  }

  finish(
    actor: Actor,
    id: string,
    report: { attendeeCount: number; note?: string | undefined },
    ip: string,
  ): Promise<Project> {
    return this.findInScope(actor, id, ['project:manage']).then((p) =>
      this.transition(
        actor,
        p,
        'finish',
        {
          finishedAt: this.#deps.clock.now(),
          attendeeCount: report.attendeeCount,
          executionNote: report.note ?? null,
        },
        ip,
      ),
    );
  }

  cancel(actor: Actor, id: string, reason: string, ip: string): Promise<Project> {
    return this.findInScope(actor, id, ['project:manage', 'project:file']).then((p) =>
      this.transition(
        actor,
        p,
        'cancel',
        { cancelledAt: this.#deps.clock.now(), cancelReason: reason },
        ip,
      ),
    );
  }

  /** One guarded state change: the domain decides, the UPDATE re-checks the status (no lost race). */
  private async transition(
    actor: Actor,
    project: ProjectView,
    action: ProjectAction,
    patch: Partial<NewProject>,
    ip: string,
  ): Promise<Project> {
    const status = project.status as ProjectStatusCode;
    const problem = checkProjectAction(status, action, project, this.today());
    if (problem)
      throw new AppError('invalid_state', `${action}: ${actionMessages[problem]}`, {
        status,
        problem,
      });
    return this.#deps.db.transaction(async (tx) => {
      const changed = await this.#deps.repository.updateIfStatus(tx, project.id, status, {
        ...patch,
        status: nextStatus[action],
        updatedAt: this.#deps.clock.now(),
      });
      if (!changed)
        throw new AppError('invalid_state', `${action}: the project changed meanwhile; reload`, {
          status,
        });
      await this.#deps.auditLog.record(
        actorEvent(actor, `project.${action}`, ip, {
          targetType: 'project',
          targetId: project.id,
          orgPath: project.hostPath,
          details: { from: status, to: nextStatus[action] },
        }),
        tx,
      );
      return this.view(tx, project.id);
    });
  }

  /** All-or-nothing import, upserting by number; see projects-import.service.ts. */
  importProjects(
    actor: Actor,
    rows: readonly ProjectCreate[],
    options: { dryRun: boolean; rowNumbers?: readonly number[]; ip?: string },
  ): Promise<ProjectImportCounts> {
    return importProjects(
      { ...this.#deps, hostForRegistration: (a, hostId) => this.hostForRegistration(a, hostId) },
      actor,
      rows,
      options,
    );
  }

  private async view(
    db: Parameters<ProjectsRepository['findView']>[0],
    id: string,
  ): Promise<Project> {
    const row = await this.#deps.repository.findView(db, id);
    if (!row) throw new Error('project vanished');
    return toProject(row);
  }
}
