import { randomUUID } from 'node:crypto';
import type {
  AwardBatch,
  AwardBatchList,
  AwardBatchListQuery,
  AwardBatchVersion,
  AwardLineCreate,
  AwardPerson,
  AwardReturn,
  AwardRole,
} from '@jijiao/contracts';
import { parseResidentId } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { ClaimReview } from '../credits/claim-review.service';
import type { ClaimActor } from '../credits/claim-lifecycle';
import type { CreditIntake } from '../credits/credit-intake.service';
import type { CreditsRepository } from '../credits/credits.repository';
import type { OrgsRepository } from '../orgs/orgs.repository';
import type { OrgsService } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import type { ProjectView } from '../projects/projects.repository';
import type { ProjectsService } from '../projects/projects.service';
import { toBatch, toBatchSummary } from './award-view';
import { lineValuer, type LineInput, type ValuedLine } from './award-line-value';
import type { AwardsRepository, BatchView, LineView, NewLine } from './awards.repository';

export interface AwardsDeps {
  db: Db;
  clock: Clock;
  repository: AwardsRepository;
  credits: CreditsRepository;
  projects: ProjectsService;
  people: PeopleService;
  orgs: OrgsService;
  /** For finding the province's CME office (no scope: the system routes the batch). */
  orgsRepository: OrgsRepository;
  intake: CreditIntake;
  claimReview: ClaimReview;
  auditLog: AuditLogService;
  /** The check-in feature's attendance, judged by the project's rule (absent: no check-in). */
  attendance?: AttendanceSource;
}

/** Who qualifies for a project's credits by attendance (the check-in feature). */
export interface AttendanceSource {
  attendanceForAward(projectId: string): Promise<readonly AttendanceLine[]>;
}

/** One line the check-in feature hands over when a project ends. */
export interface AttendanceLine {
  personId: string;
  role: AwardRole;
  hours: number | null;
  sessionsAttended: number | null;
}

const awardableProjectStatuses = ['filed', 'finished'];
const pendingClaimStatuses = ['draft', 'submitted', 'returned'];

function claimActorOf(actor: Actor, ip: string): ClaimActor {
  return { userId: actor.userId, username: actor.username, ip };
}

function stale(id: string): AppError {
  return new AppError('stale_state', 'The award batch was changed meanwhile; reload it', { id });
}

/** The first segment of a materialised path: the province's subtree. */
export function provincePathOf(path: string): string {
  const root = path.split('/').filter(Boolean)[0] ?? '';
  return `/${root}/`;
}

/**
 * 学分授予: a host's award batches for its filed or finished projects, and their review by
 * the province's CME office (approve all, or return single lines). Lines become credit
 * claims (channel `host_award`) through the CreditIntake when the batch is submitted.
 */
export class AwardsService {
  readonly valuer: ReturnType<typeof lineValuer>;

  constructor(readonly deps: AwardsDeps) {
    this.valuer = lineValuer(deps);
  }

  // ---- access ------------------------------------------------------------------------

  private async projectOf(db: DbOrTx, id: string): Promise<ProjectView | undefined> {
    return this.deps.projects.findAny(id, db);
  }

  /** A project of the caller's own host org (award:manage), else 404. */
  async hostProject(actor: Actor, projectId: string): Promise<ProjectView> {
    const project = await this.projectOf(this.deps.db, projectId);
    if (!project || !isWithinScope(scopeOf(actor, 'award:manage'), project.hostPath)) {
      throw new AppError('not_found', 'No such project', { id: projectId });
    }
    return project;
  }

  private requireAwardable(project: ProjectView): void {
    if (!awardableProjectStatuses.includes(project.status)) {
      throw new AppError(
        'invalid_state',
        'Credits can be awarded only for a filed or finished project',
        { projectId: project.id, status: project.status },
      );
    }
  }

  private isHost(actor: Actor, batch: BatchView): boolean {
    return isWithinScope(scopeOf(actor, 'award:manage'), batch.hostPath);
  }

  private isReviewer(actor: Actor, batch: BatchView): boolean {
    return (
      batch.status !== 'draft' &&
      isWithinScope(scopeOf(actor, 'award:review'), provincePathOf(batch.hostPath))
    );
  }

  private async visibleBatch(actor: Actor, id: string, db: DbOrTx = this.deps.db) {
    const batch = await this.deps.repository.findBatch(db, id);
    if (!batch || !(this.isHost(actor, batch) || this.isReviewer(actor, batch))) {
      throw new AppError('not_found', 'No such award batch', { id });
    }
    return batch;
  }

  private canEdit(actor: Actor, batch: BatchView): boolean {
    return this.isHost(actor, batch) && (batch.status === 'draft' || batch.status === 'returned');
  }

  private async editableBatch(actor: Actor, id: string, db: DbOrTx): Promise<BatchView> {
    const batch = await this.visibleBatch(actor, id, db);
    if (!this.isHost(actor, batch)) throw new AppError('not_found', 'No such award batch', { id });
    if (!this.canEdit(actor, batch)) {
      throw new AppError('invalid_state', `The batch is ${batch.status}: it cannot be changed`, {
        id,
        status: batch.status,
      });
    }
    return batch;
  }

  private async reviewableBatch(actor: Actor, id: string, db: DbOrTx): Promise<BatchView> {
    const batch = await this.visibleBatch(actor, id, db);
    if (!this.isReviewer(actor, batch))
      throw new AppError('not_found', 'No such award batch', { id });
    if (batch.submittedBy === actor.userId) {
      throw new AppError('forbidden', 'You cannot review a batch you submitted', { id });
    }
    return batch;
  }

  // ---- reading -----------------------------------------------------------------------

  async get(actor: Actor, id: string, db: DbOrTx = this.deps.db): Promise<AwardBatch> {
    const batch = await this.visibleBatch(actor, id, db);
    const lines = await this.deps.repository.lines(db, id);
    return toBatch(batch, lines, {
      edit: this.canEdit(actor, batch),
      review:
        this.isReviewer(actor, batch) &&
        batch.submittedBy !== actor.userId &&
        lines.some((l) => l.claimStatus === 'submitted' && !l.matched),
    });
  }

  /** The host's batches (any status) and, for reviewers, the submitted ones of their province. */
  async list(actor: Actor, query: AwardBatchListQuery): Promise<AwardBatchList> {
    const { repository, db } = this.deps;
    const statuses = query.status ? [query.status] : undefined;
    const filter = {
      ...(statuses ? { statuses } : {}),
      ...(query.projectId ? { projectId: query.projectId } : {}),
    };
    const hostScope = scopeOf(actor, 'award:manage');
    const reviewScope = scopeOf(actor, 'award:review').map(provincePathOf);
    const found = new Map<string, BatchView>();
    if (hostScope.length > 0)
      for (const b of await repository.listBatches(db, { scope: hostScope, ...filter }))
        found.set(b.id, b);
    if (reviewScope.length > 0)
      for (const b of await repository.listBatches(db, {
        scope: reviewScope,
        excludeDrafts: true,
        ...filter,
      }))
        found.set(b.id, b);
    const batches = [...found.values()].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id),
    );
    const stats = await repository.lineStats(
      db,
      batches.map((b) => b.id),
    );
    return { items: batches.map((b) => toBatchSummary(b, stats.get(b.id))) };
  }

  /** People of the project's province by part of the name or a full ID number (20 at most). */
  async searchPeople(actor: Actor, projectId: string, q: string): Promise<AwardPerson[]> {
    const project = await this.hostProject(actor, projectId);
    const scope = [provincePathOf(project.hostPath)];
    const { people } = this.deps;
    const id = parseResidentId(q.toUpperCase(), this.deps.clock.now().toISOString().slice(0, 10));
    const found = id.ok
      ? [...(await people.findByIdNumbers([id.value.number])).values()].filter((p) =>
          isWithinScope(scope, p.unitPath),
        )
      : await people.searchByName(scope, q, 20);
    return found.map((p) => ({
      id: p.id,
      name: p.name,
      idNumberMasked: p.idNumberMasked,
      unitName: p.unitName,
    }));
  }

  // ---- the host's side ---------------------------------------------------------------

  async create(actor: Actor, projectId: string, ip: string): Promise<AwardBatch> {
    const project = await this.hostProject(actor, projectId);
    this.requireAwardable(project);
    const id = await this.deps.db.transaction(async (tx) => {
      const batch = await this.deps.repository.insertBatch(tx, {
        projectId,
        hostOrgId: project.hostId,
        status: 'draft',
        source: 'manual',
        createdBy: actor.userId,
        createdAt: this.deps.clock.now(),
        updatedAt: this.deps.clock.now(),
      });
      await this.deps.auditLog.record(
        actorEvent(actor, 'award.batch_created', ip, {
          targetType: 'award_batch',
          targetId: batch.id,
          orgPath: project.hostPath,
          details: { projectNumber: project.number },
        }),
        tx,
      );
      return batch.id;
    });
    return this.get(actor, id);
  }

  /**
   * `POST /projects/:id/award-batches:from-attendance`: the host turns the project's
   * check-ins into a draft batch (source `attendance`) of everyone who qualifies under the
   * project's attendance rule, with the hours attended, to review and submit like any batch.
   * One open attendance batch per project: while a draft one exists, the answer is 409.
   */
  async createFromProjectAttendance(
    actor: Actor,
    projectId: string,
    ip: string,
  ): Promise<AwardBatch> {
    const project = await this.hostProject(actor, projectId);
    this.requireAwardable(project);
    const source = this.deps.attendance;
    if (!source) throw new AppError('invalid_state', 'Check-in is not available', { projectId });
    const lines = await source.attendanceForAward(projectId);
    if (lines.length === 0) {
      throw new AppError(
        'invalid_state',
        'Nobody qualifies yet under the project’s attendance rule (no check-ins, or too few hours attended)',
        { projectId },
      );
    }
    const { batchId } = await this.deps.db.transaction(async (tx) => {
      await this.deps.repository.lockProject(tx, projectId);
      const open = (
        await this.deps.repository.listBatches(tx, {
          scope: [project.hostPath],
          projectId,
          statuses: ['draft'],
        })
      ).find((b) => b.source === 'attendance');
      if (open) {
        throw new AppError(
          'conflict',
          'The project already has a draft batch made from its check-ins: review and submit that one',
          { projectId, batchId: open.id },
        );
      }
      return this.createBatchFromAttendance(tx, {
        projectId,
        lines,
        actor: claimActorOf(actor, ip),
      });
    });
    return this.get(actor, batchId);
  }

  /**
   * For the check-in feature when a project ends: its attendance becomes a draft batch
   * (source `attendance`) the host reviews and submits. No scope checks (the caller is the
   * system); runs in the caller's transaction; lines are valued like any other line.
   */
  async createBatchFromAttendance(
    tx: DbOrTx,
    input: { projectId: string; lines: readonly AttendanceLine[]; actor: ClaimActor },
  ): Promise<{ batchId: string; lines: number; credits: number }> {
    const project = await this.projectOf(tx, input.projectId);
    if (!project) throw new AppError('not_found', 'No such project', { id: input.projectId });
    this.requireAwardable(project);
    const now = this.deps.clock.now();
    const batch = await this.deps.repository.insertBatch(tx, {
      projectId: project.id,
      hostOrgId: project.hostId,
      status: 'draft',
      source: 'attendance',
      createdBy: input.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const seen = new Set<string>();
    const rows: NewLine[] = [];
    for (const [i, line] of input.lines.entries()) {
      const key = `${line.personId}|${line.role}`;
      if (seen.has(key)) {
        throw new AppError('validation_failed', `lines.${i}: listed twice`, undefined, [
          { path: `lines.${i}.personId`, message: 'listed twice with this role' },
        ]);
      }
      seen.add(key);
      const valued = await this.valuer
        .value(tx, project, {
          personId: line.personId,
          role: line.role,
          ...(line.hours !== null ? { hours: line.hours } : {}),
        })
        .catch((error: unknown) => {
          throw prefixIssues(error, `lines.${i}`);
        });
      rows.push(
        this.lineRow(batch.id, i + 1, valued, 'attendance', null, line.sessionsAttended, now),
      );
    }
    await this.deps.repository.insertLines(tx, rows);
    await this.deps.auditLog.record(
      {
        action: 'award.batch_from_attendance',
        actorUserId: input.actor.userId,
        actorUsername: input.actor.username,
        ip: input.actor.ip,
        targetType: 'award_batch',
        targetId: batch.id,
        orgPath: project.hostPath,
        details: { projectNumber: project.number, lines: rows.length },
      },
      tx,
    );
    const credits = rows.reduce((s, r) => s + r.credits, 0);
    return { batchId: batch.id, lines: rows.length, credits: Math.round(credits * 10) / 10 };
  }

  lineRow(
    batchId: string,
    lineNo: number,
    valued: ValuedLine,
    source: 'hand' | 'roster' | 'attendance',
    sourceRef: string | null,
    sessionsAttended: number | null,
    now: Date,
  ): NewLine {
    return {
      id: randomUUID(),
      batchId,
      lineNo,
      personId: valued.personId,
      role: valued.role,
      hours: valued.hours,
      awardedCredits: valued.awardedCredits,
      sessionsAttended,
      credits: valued.credits,
      creditClass: valued.class,
      packVersions: valued.packs,
      valuationReasons: valued.reasons,
      source,
      sourceRef,
      createdAt: now,
    };
  }

  async addLine(
    actor: Actor,
    batchId: string,
    body: AwardLineCreate,
    ip: string,
  ): Promise<AwardBatch> {
    await this.addLines(actor, batchId, [body], { source: 'hand', ip });
    return this.get(actor, batchId);
  }

  /**
   * Adds valued lines to an editable batch in one transaction (by hand: one; a roster: all
   * of the file). Each person must be in the project's province and not yet on the batch
   * with that role.
   */
  async addLines(
    actor: Actor,
    batchId: string,
    inputs: readonly (LineInput & { sourceRef?: string })[],
    options: { source: 'hand' | 'roster'; ip: string; dryRun?: boolean },
  ): Promise<number> {
    const { db, repository } = this.deps;
    const batch = await this.editableBatch(actor, batchId, db);
    const project = await this.projectOf(db, batch.projectId);
    if (!project) throw new Error(`batch ${batchId} lost its project`);
    this.requireAwardable(project);
    const onBatch = await repository.personRoles(db, batchId);
    const valued: (ValuedLine & { sourceRef?: string })[] = [];
    for (const [i, input] of inputs.entries()) {
      const path = inputs.length === 1 ? '' : `lines.${i}.`;
      if (onBatch.has(`${input.personId}|${input.role}`)) {
        throw new AppError(
          'validation_failed',
          `${path}personId: already on this batch`,
          undefined,
          [{ path: `${path}personId`, message: 'already on this batch with this role' }],
        );
      }
      onBatch.add(`${input.personId}|${input.role}`);
      const line = await this.valuer.value(db, project, input).catch((error: unknown) => {
        throw path ? prefixIssues(error, path.slice(0, -1)) : error;
      });
      valued.push({ ...line, ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}) });
    }
    if (options.dryRun) return valued.length;
    await db.transaction(async (tx) => {
      const at = this.deps.clock.now();
      if (!(await repository.bumpIfVersion(tx, batchId, batch.version, { updatedAt: at })))
        throw stale(batchId);
      const first = await repository.nextLineNo(tx, batchId);
      await repository.insertLines(
        tx,
        valued.map((v, i) =>
          this.lineRow(batchId, first + i, v, options.source, v.sourceRef ?? null, null, at),
        ),
      );
      await this.deps.auditLog.record(
        actorEvent(actor, 'award.lines_added', options.ip, {
          targetType: 'award_batch',
          targetId: batchId,
          orgPath: batch.hostPath,
          details: { lines: valued.length, source: options.source },
        }),
        tx,
      );
    });
    return valued.length;
  }

  /**
   * Removes a line not yet submitted, or one the province returned (its claim is withdrawn:
   * voided with the reason, its history kept). Submitted or decided lines stay.
   */
  async removeLine(actor: Actor, batchId: string, lineId: string, ip: string): Promise<AwardBatch> {
    const { db, repository, clock } = this.deps;
    const batch = await this.editableBatch(actor, batchId, db);
    const line = (await repository.lines(db, batchId)).find((l) => l.id === lineId);
    if (!line) throw new AppError('not_found', 'No such line on this batch', { lineId });
    const withdrawable = line.claimId === null || line.matched || line.claimStatus === 'returned';
    if (!withdrawable) {
      throw new AppError('invalid_state', `The line is ${line.claimStatus}: it cannot be removed`, {
        lineId,
        status: line.claimStatus,
      });
    }
    await db.transaction(async (tx) => {
      if (!(await repository.bumpIfVersion(tx, batchId, batch.version, { updatedAt: clock.now() })))
        throw stale(batchId);
      if (line.claimId && !line.matched) await this.withdrawClaim(tx, line, actor, ip);
      await repository.deleteLine(tx, lineId);
      await this.deps.auditLog.record(
        actorEvent(actor, 'award.line_removed', ip, {
          targetType: 'award_batch',
          targetId: batchId,
          orgPath: batch.hostPath,
          details: { lineNo: line.lineNo, claimId: line.claimId },
        }),
        tx,
      );
    });
    return this.get(actor, batchId);
  }

  /** A returned claim the host takes back: withdrawn (voided, never counted), history kept. */
  private async withdrawClaim(tx: DbOrTx, line: LineView, actor: Actor, ip: string) {
    const claim = await this.deps.credits.findView(tx, line.claimId ?? '');
    if (!claim || claim.status !== 'returned') throw stale(line.batchId);
    await this.deps.claimReview.transitionInTx(tx, claim.id, 'withdraw', claimActorOf(actor, ip), {
      reason: 'withdrawn from the award batch by the host',
      expectedVersion: claim.version,
    });
  }

  /**
   * Submits the batch to the province's CME office: new lines become claims through the
   * intake (submitted, one-step chain: the office), returned lines are resubmitted.
   */
  async submit(
    actor: Actor,
    batchId: string,
    body: AwardBatchVersion,
    ip: string,
  ): Promise<AwardBatch> {
    const batch = await this.editableBatch(actor, batchId, this.deps.db);
    if (body.version !== batch.version) throw stale(batchId);
    await this.deps.db.transaction((tx) =>
      this.submitInTx(tx, batchId, claimActorOf(actor, ip), body.version),
    );
    return this.get(actor, batchId);
  }

  /**
   * The submission itself, in the caller's transaction and without scope checks (the
   * service above checks them; the demo seed submits as the host). New lines go through
   * the intake, returned ones are resubmitted; the batch version guards it all.
   */
  async submitInTx(
    tx: DbOrTx,
    batchId: string,
    actor: ClaimActor,
    version?: number,
  ): Promise<void> {
    const { repository, clock, intake } = this.deps;
    const batch = await repository.findBatch(tx, batchId);
    if (!batch) throw new AppError('not_found', 'No such award batch', { id: batchId });
    if (batch.status !== 'draft' && batch.status !== 'returned') {
      throw new AppError('invalid_state', `The batch is ${batch.status}: it cannot be submitted`, {
        id: batchId,
        status: batch.status,
      });
    }
    const project = await this.projectOf(tx, batch.projectId);
    if (!project) throw new Error(`batch ${batchId} lost its project`);
    this.requireAwardable(project);
    const lines = await repository.lines(tx, batchId);
    const fresh = lines.filter((l) => l.claimId === null);
    const returned = lines.filter((l) => !l.matched && l.claimStatus === 'returned');
    if (fresh.length + returned.length === 0) {
      throw new AppError('invalid_state', 'Nothing to submit: add lines first', { id: batchId });
    }
    const office = await this.cmeOfficeOf(tx, project);
    const at = clock.now();
    const guarded = await repository.bumpIfVersion(tx, batchId, version ?? batch.version, {
      status: 'submitted',
      submittedAt: at,
      submittedBy: actor.userId,
      decidedAt: null,
      updatedAt: at,
    });
    if (!guarded) throw stale(batchId);
    for (const line of fresh) {
      const recorded = await intake.record(tx, {
        personId: line.personId,
        channel: 'host_award',
        activity: await this.valuer.activityFor(tx, project, line),
        initialStatus: 'submitted',
        chainSteps: [office],
        actor: { ...actor, orgId: batch.hostOrgId },
        sourceRef: `batch:${batchId}:line ${line.lineNo}`,
        projectId: project.id,
        batchId,
      });
      await repository.updateLine(tx, line.id, {
        claimId: recorded.claimId,
        matched: recorded.matched,
        credits: recorded.credits,
        creditClass: recorded.class,
        packVersions: recorded.packVersions,
        valuationReasons: recorded.reasons,
      });
    }
    for (const line of returned) {
      await this.deps.claimReview.transitionInTx(tx, line.claimId ?? '', 'resubmit', actor, {
        ...(line.claimVersion !== null ? { expectedVersion: line.claimVersion } : {}),
      });
      await repository.updateLine(tx, line.id, { returnReason: null });
    }
    await this.deps.auditLog.record(
      {
        action: 'award.batch_submitted',
        actorUserId: actor.userId,
        actorUsername: actor.username,
        ip: actor.ip,
        targetType: 'award_batch',
        targetId: batchId,
        orgPath: batch.hostPath,
        details: {
          from: batch.status,
          to: 'submitted',
          newLines: fresh.length,
          resubmitted: returned.length,
        },
      },
      tx,
    );
  }

  private async cmeOfficeOf(db: DbOrTx, project: ProjectView): Promise<string> {
    const [office] = await this.deps.orgsRepository.page(db, [provincePathOf(project.hostPath)], {
      kind: 'cme_office',
      limit: 1,
    });
    if (!office) {
      throw new AppError('invalid_state', 'The province has no CME office to review awards', {
        projectId: project.id,
      });
    }
    return office.id;
  }

  // ---- the province's side -----------------------------------------------------------

  /**
   * Approves every line waiting in the batch: each claim becomes effective (claim review,
   * in one transaction with the batch's version guard). A matched line confirms the claim
   * it was kept on. Lines returned and not yet resubmitted keep the batch `returned`.
   */
  async approve(
    actor: Actor,
    batchId: string,
    body: AwardBatchVersion,
    ip: string,
  ): Promise<AwardBatch> {
    const { db, repository, clock } = this.deps;
    const batch = await this.reviewableBatch(actor, batchId, db);
    if (body.version !== batch.version) throw stale(batchId);
    const lines = await repository.lines(db, batchId);
    const waiting = lines.filter((l) => !l.matched && l.claimStatus === 'submitted');
    if (waiting.length === 0) {
      throw new AppError('invalid_state', 'No line of the batch is waiting for review', {
        id: batchId,
        status: batch.status,
      });
    }
    const matched = lines.filter(
      (l) => l.matched && l.claimStatus !== null && pendingClaimStatuses.includes(l.claimStatus),
    );
    const stillOpen = lines.some(
      (l) => l.claimId === null || (!l.matched && l.claimStatus === 'returned'),
    );
    const claimActor = claimActorOf(actor, ip);
    await db.transaction(async (tx) => {
      const at = clock.now();
      const status = stillOpen ? 'returned' : 'approved';
      const guarded = await repository.bumpIfVersion(tx, batchId, body.version, {
        status,
        decidedAt: at,
        decidedBy: actor.userId,
        updatedAt: at,
      });
      if (!guarded) throw stale(batchId);
      for (const line of waiting) {
        await this.deps.claimReview.transitionInTx(tx, line.claimId ?? '', 'approve', claimActor, {
          reason: 'award batch approved',
          ...(line.claimVersion !== null ? { expectedVersion: line.claimVersion } : {}),
        });
      }
      for (const line of matched) await this.confirmMatched(tx, line, actor, ip);
      await this.deps.auditLog.record(
        actorEvent(actor, 'award.batch_approved', ip, {
          targetType: 'award_batch',
          targetId: batchId,
          orgPath: batch.hostPath,
          details: { from: batch.status, to: status, approved: waiting.length },
        }),
        tx,
      );
    });
    return this.get(actor, batchId);
  }

  /** The claim a matched line was kept on, still pending elsewhere: the approval confirms it. */
  private async confirmMatched(tx: DbOrTx, line: LineView, actor: Actor, ip: string) {
    const claim = await this.deps.credits.findView(tx, line.claimId ?? '');
    if (!claim || !pendingClaimStatuses.includes(claim.status)) return;
    await this.deps.claimReview.transitionInTx(tx, claim.id, 'confirm', claimActorOf(actor, ip), {
      reason: 'confirmed by host_award',
      expectedVersion: claim.version,
    });
  }

  /** Returns single lines to the host with a reason each; the others can still be approved. */
  async returnLines(
    actor: Actor,
    batchId: string,
    body: AwardReturn,
    ip: string,
  ): Promise<AwardBatch> {
    const { db, repository, clock } = this.deps;
    const batch = await this.reviewableBatch(actor, batchId, db);
    if (body.version !== batch.version) throw stale(batchId);
    const lines = new Map((await repository.lines(db, batchId)).map((l) => [l.id, l]));
    const issues: { path: string; message: string }[] = [];
    const seen = new Set<string>();
    body.lines.forEach((item, i) => {
      const line = lines.get(item.id);
      if (seen.has(item.id)) issues.push({ path: `lines.${i}.id`, message: 'listed twice' });
      seen.add(item.id);
      if (!line) issues.push({ path: `lines.${i}.id`, message: 'no such line on this batch' });
      else if (line.matched)
        issues.push({
          path: `lines.${i}.id`,
          message: 'matched onto a claim of another channel: review it there',
        });
      else if (line.claimStatus !== 'submitted')
        issues.push({ path: `lines.${i}.id`, message: `is ${line.claimStatus ?? 'draft'}` });
    });
    if (issues.length > 0) {
      throw new AppError(
        'validation_failed',
        issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        undefined,
        issues,
      );
    }
    const claimActor = claimActorOf(actor, ip);
    await db.transaction(async (tx) => {
      const at = clock.now();
      const guarded = await repository.bumpIfVersion(tx, batchId, body.version, {
        status: 'returned',
        decidedAt: at,
        decidedBy: actor.userId,
        updatedAt: at,
      });
      if (!guarded) throw stale(batchId);
      for (const item of body.lines) {
        const line = lines.get(item.id);
        if (!line?.claimId) continue;
        await this.deps.claimReview.transitionInTx(tx, line.claimId, 'return', claimActor, {
          reason: item.reason,
          ...(line.claimVersion !== null ? { expectedVersion: line.claimVersion } : {}),
        });
        await repository.updateLine(tx, line.id, { returnReason: item.reason });
      }
      await this.deps.auditLog.record(
        actorEvent(actor, 'award.lines_returned', ip, {
          targetType: 'award_batch',
          targetId: batchId,
          orgPath: batch.hostPath,
          details: { from: batch.status, to: 'returned', lines: body.lines.length },
        }),
        tx,
      );
    });
    return this.get(actor, batchId);
  }
}

/** Re-roots the issue paths of a validation error under `prefix` (e.g. `lines.3`). */
function prefixIssues(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError) || !error.issues) return error;
  const issues = error.issues.map((i) => ({ ...i, path: `${prefix}.${i.path}` }));
  return new AppError(
    error.code,
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    error.details,
    issues,
  );
}
