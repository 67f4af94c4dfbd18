import type {
  BulkEntry,
  BulkEntryResult,
  Claim,
  ClaimCreate,
  ClaimList,
  ClaimListQuery,
  ClaimUpdate,
  CreditPreview,
  CreditPreviewRequest,
  EvidenceDocumentKind,
  EvidenceDocuments,
  EvidenceDocumentsQuery,
  EvidenceRef,
  EvidenceUploaded,
} from '@jijiao/contracts';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { EvidenceService, EvidenceUpload } from '../evidence/evidence.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import type { ClaimActor, ClaimLifecycle } from './claim-lifecycle';
import { toClaim, toClaimSummary } from './claim-view';
import type { CreditIntake } from './credit-intake.service';
import { refuseFutureSelfReport } from './self-report-date';
import { enterForStaff } from './unit-bulk-entry';
import {
  evidenceChecklistOf,
  evidenceDocumentsOf,
  requireEvidenceOfActivity,
  requireEvidenceOfClaim,
  unsavedClaimId,
} from './self-report-evidence';
import {
  canEditClaim,
  canEnterCreditsFor,
  canActForClaim,
  canSeeClaimDirectly,
  isClaimAtCallersLevel,
  isOwnClaim,
  reviewsAStepOf,
} from './credits.policy';
import type { ClaimView, CreditsRepository } from './credits.repository';

interface Deps {
  db: Db;
  clock: Clock;
  repository: CreditsRepository;
  intake: CreditIntake;
  evidence: EvidenceService;
  people: PeopleService;
  orgs: OrgsService;
  auditLog: AuditLogService;
  lifecycle: ClaimLifecycle;
}

/** Whose claim it is, and whether the caller reports it for themselves. */
type Subject = { personId: string; own: boolean };

export function claimActorOf(actor: Actor, ip: string): ClaimActor {
  return { userId: actor.userId, username: actor.username, ip };
}

/**
 * Claims as people and units see them: self-report (draft, preview, correct), unit bulk
 * entry, evidence, and who may see or change a claim. Reviews: claim-review.service.ts.
 */
export class ClaimsService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** canSeeClaim (credits.policy.ts), looking the chain's orgs up only if it can matter. */
  async isVisible(actor: Actor, v: ClaimView, db: DbOrTx = this.#deps.db): Promise<boolean> {
    if (canSeeClaimDirectly(actor, v)) return true;
    // Without credit:review no chain step can be the caller's: spare the lookup.
    if (v.chainSteps.length === 0 || !actor.permissions.has('credit:review')) return false;
    return reviewsAStepOf(actor, await this.#deps.orgs.findAnyOf(v.chainSteps, db));
  }

  async findVisible(actor: Actor, id: string, db: DbOrTx = this.#deps.db): Promise<ClaimView> {
    const v = await this.#deps.repository.findView(db, id);
    // The rule may need the chain's orgs (I/O), so it cannot be a plain visibleOr404 policy.
    if (!v || !(await this.isVisible(actor, v, db)))
      throw notFound({ what: 'claim', details: { id } });
    return v;
  }

  /** Without a scope check: the claims' views, for services that decide scope themselves. */
  async viewsOf(ids: readonly string[], db: DbOrTx = this.#deps.db): Promise<ClaimView[]> {
    return this.#deps.repository.findViews(db, ids);
  }

  async canSeeAny(actor: Actor, claimIds: readonly string[]): Promise<boolean> {
    for (const v of await this.#deps.repository.findViews(this.#deps.db, claimIds)) {
      if (await this.isVisible(actor, v)) return true;
    }
    return false;
  }

  async get(actor: Actor, id: string, db: DbOrTx = this.#deps.db): Promise<Claim> {
    return this.detail(actor, await this.findVisible(actor, id, db), db);
  }

  async detail(actor: Actor, v: ClaimView, db: DbOrTx = this.#deps.db): Promise<Claim> {
    const { repository, evidence, orgs } = this.#deps;
    const stepOrgs = new Map((await orgs.findAnyOf(v.chainSteps, db)).map((o) => [o.id, o.name]));
    const files = await evidence.ofClaim(db, v.id);
    return toClaim(v, {
      chain: v.chainSteps.map((id) => ({ orgId: id, orgName: stepOrgs.get(id) ?? '' })),
      evidence: files,
      evidenceChecklist: await evidenceChecklistOf(this.#deps, v, files, db),
      provenances: await repository.provenances(db, v.id),
      history: await repository.history(db, v.id),
      canAct: isClaimAtCallersLevel(actor, v) && !isOwnClaim(actor, v),
      canActFor: canActForClaim(actor, v) && !isOwnClaim(actor, v),
      canEdit: canEditClaim(actor, v),
    });
  }

  /**
   * Refuses to submit the claim without the documents its activity type needs under the
   * packs of the person's place and the claim's year (422 `evidence_required`).
   */
  requireEvidenceOf(v: ClaimView): Promise<void> {
    return requireEvidenceOfClaim(this.#deps, v);
  }

  /** The same refusal before anything is stored: an activity to submit with these files. */
  private requireEvidenceFor(personId: string, activity: unknown, files: readonly EvidenceRef[]) {
    return requireEvidenceOfActivity(this.#deps, { personId, activity, files });
  }

  /** The caller's own person record (learners), else 404. */
  async ownPersonId(actor: Actor): Promise<string> {
    const id = await this.#deps.repository.personIdOfUser(this.#deps.db, actor.userId);
    if (!id) throw new AppError('not_found', 'Your account has no person record');
    return id;
  }

  /** A person the caller may enter credits for (credit:enter over their unit), else 404. */
  async enterablePerson(actor: Actor, personId: string, path = 'personId') {
    return visibleOr404(await this.#deps.people.findAny(personId), canEnterCreditsFor, actor, {
      what: 'person',
      details: { personId },
      issues: [{ path, message: 'no such person in your scope' }],
    });
  }

  private async subjectOf(actor: Actor, personId: string | undefined): Promise<Subject> {
    if (personId === undefined) {
      if (!actor.permissions.has('credit:submit_own')) {
        throw new AppError('validation_failed', 'personId: whose credit is it?', undefined, [
          { path: 'personId', message: 'required' },
        ]);
      }
      return { personId: await this.ownPersonId(actor), own: true };
    }
    const mine = await this.#deps.repository.personIdOfUser(this.#deps.db, actor.userId);
    if (mine === personId && actor.permissions.has('credit:submit_own'))
      return { personId, own: true };
    await this.enterablePerson(actor, personId);
    return { personId, own: false };
  }

  /**
   * The documents each activity type asks for under the packs of a person's place (the
   * caller's own, or one they may enter credits for) in a year (this year by default).
   */
  async evidenceDocuments(actor: Actor, query: EvidenceDocumentsQuery): Promise<EvidenceDocuments> {
    const personId = query.personId
      ? (await this.enterablePerson(actor, query.personId)).id
      : await this.ownPersonId(actor);
    return evidenceDocumentsOf(this.#deps, personId, query.year);
  }

  async preview(actor: Actor, body: CreditPreviewRequest): Promise<CreditPreview> {
    const subject = body.personId
      ? (await this.#deps.people.findInScope(actor, body.personId, 'person:read')).id
      : await this.ownPersonId(actor);
    const valued = await this.#deps.intake.value(
      this.#deps.db,
      subject,
      unsavedClaimId,
      body.activity,
    );
    return {
      year: valued.year,
      credits: valued.credits,
      class: valued.class,
      reasons: valued.reasons,
      packs: valued.packs,
    };
  }

  /**
   * What the API's clients call: `create`, after refusing a claim submitted at once without
   * the documents its activity needs (before anything is stored). `create` alone is the
   * intake the seeds and the standings model drive.
   */
  async report(actor: Actor, body: ClaimCreate, ip: string): Promise<Claim> {
    const subject = await this.subjectOf(actor, body.personId);
    if (body.submit) await this.requireEvidenceFor(subject.personId, body.activity, body.evidence);
    return this.create(actor, body, ip, subject);
  }

  /** A self-report (or a unit admin's entry for staff); `known`: whose, if just worked out. */
  async create(actor: Actor, body: ClaimCreate, ip: string, known?: Subject): Promise<Claim> {
    const subject = known ?? (await this.subjectOf(actor, body.personId));
    if (subject.own) refuseFutureSelfReport(body.activity.date, this.#deps.clock);
    const id = await this.#deps.db.transaction(async (tx) => {
      const recorded = await this.#deps.intake.record(tx, {
        personId: subject.personId,
        channel: subject.own ? 'self_report' : 'unit_bulk_entry',
        activity: body.activity,
        initialStatus: body.submit ? 'submitted' : 'draft',
        actor: { ...claimActorOf(actor, ip), orgId: actor.grants[0]?.orgId ?? null },
        sourceRef: subject.own ? 'self-report' : 'unit entry',
      });
      await this.#deps.evidence.attach(
        tx,
        { id: recorded.claimId, personId: subject.personId, year: recorded.year },
        body.evidence,
        actor.userId,
      );
      return recorded.claimId;
    });
    return this.get(actor, id);
  }

  /** Corrects a draft or returned claim: the activity is valued again. */
  async update(actor: Actor, id: string, body: ClaimUpdate, ip: string): Promise<Claim> {
    const v = await this.findVisible(actor, id);
    if (!canEditClaim(actor, v)) {
      throw new AppError(
        'forbidden',
        'Only a draft or returned claim can be corrected, by its owner',
      );
    }
    if (body.version !== v.version) {
      throw new AppError('stale_state', 'The claim was changed meanwhile; reload it and try again');
    }
    if (v.channel === 'self_report') refuseFutureSelfReport(body.activity.date, this.#deps.clock);
    const { where } = await this.#deps.intake.personAndPlace(this.#deps.db, v.personId);
    const valued = await this.#deps.intake.valueChecked(this.#deps.db, where, v.id, body.activity);
    const { activity } = valued;
    await this.#deps.db.transaction(async (tx) => {
      const changed = await this.#deps.lifecycle.correct(tx, v, {
        activity,
        activityType: activity.type,
        activityDate: activity.date,
        endDate: 'endDate' in activity ? (activity.endDate ?? null) : null,
        year: valued.year,
        projectNumber: activity.type === 'project' ? (activity.projectNumber ?? null) : null,
        role: 'role' in activity ? activity.role : null,
        credits: valued.credits,
        creditClass: valued.class,
        packVersions: valued.packs,
        valuationReasons: valued.reasons,
        updatedAt: this.#deps.clock.now(),
      });
      if (!changed) throw new AppError('stale_state', 'The claim was changed meanwhile; reload it');
      await this.#deps.auditLog.record(
        actorEvent(actor, 'credit.edited', ip, {
          targetType: 'credit_claim',
          targetId: v.id,
          orgPath: v.unitPath,
          details: { credits: { from: v.credits, to: valued.credits } },
        }),
        tx,
      );
    });
    return this.get(actor, id);
  }

  /** Uploads one evidence file and attaches it to a claim the caller may still change. */
  async attachUpload(
    actor: Actor,
    id: string,
    upload: EvidenceUpload,
    ip: string,
    kind?: EvidenceDocumentKind,
  ): Promise<EvidenceUploaded> {
    const v = await this.findVisible(actor, id);
    if (!canEditClaim(actor, v)) {
      throw new AppError(
        'forbidden',
        'Evidence can be added to a draft or returned claim, by its owner',
      );
    }
    return this.#deps.db.transaction(async (tx) => {
      const stored = await this.#deps.evidence.store(tx, upload);
      await this.#deps.evidence.attach(
        tx,
        { id: v.id, personId: v.personId, year: v.year },
        [{ sha256: stored.sha256, fileName: stored.fileName, ...(kind ? { kind } : {}) }],
        actor.userId,
      );
      await this.#deps.auditLog.record(
        actorEvent(actor, 'credit.evidence_added', ip, {
          targetType: 'credit_claim',
          targetId: v.id,
          orgPath: v.unitPath,
          details: { sha256: stored.sha256, contentType: stored.contentType, kind: kind ?? null },
        }),
        tx,
      );
      return stored;
    });
  }

  /** Stores a file for later reference (shared evidence of a bulk entry). */
  async upload(actor: Actor, upload: EvidenceUpload): Promise<EvidenceUploaded> {
    return this.#deps.evidence.store(this.#deps.db, upload);
  }

  async listOwn(actor: Actor, query: ClaimListQuery): Promise<ClaimList> {
    const personId = await this.ownPersonId(actor);
    const after = query.after ? decodeCursor(query.after, 2) : undefined;
    const rows = await this.#deps.repository.ofPerson(this.#deps.db, {
      personId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.year ? { year: query.year } : {}),
      ...(after ? { after: { createdAt: String(after[0]), id: String(after[1]) } } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toClaimSummary),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.createdAt.toISOString(), last.id])
          : null,
    };
  }

  /** 单位批量录入 (unit-bulk-entry.ts). */
  bulkEntry(actor: Actor, unitId: string, body: BulkEntry, ip: string): Promise<BulkEntryResult> {
    return enterForStaff(this.#deps, actor, unitId, body, ip);
  }

  /** Claims of some people in a year (for the year views); no scope check. */
  claimsOfPeople(personIds: readonly string[], year?: number): Promise<ClaimView[]> {
    return this.#deps.repository.ofPeopleInYear(this.#deps.db, personIds, year);
  }

  channelsOf(claimIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.#deps.repository.channelsOf(this.#deps.db, claimIds);
  }
}
