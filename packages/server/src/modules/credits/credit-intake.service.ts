import { randomUUID } from 'node:crypto';
import type { CreditChannel } from '@jijiao/contracts';
import {
  checkFiledProject,
  filedProjectQueryOf,
  findClosedEntryYear,
  isSameActivity,
  requiresFiledProject,
  valueClaim,
  type ClaimValuation,
  type EvidenceRules,
  type FiledProject,
  type FiledProjectQuery,
  type PolicyRegistry,
} from '@jijiao/domain';
import { chinaDay, type Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import { notFound } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { OrgRow } from '../orgs/orgs.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import type { PersonView } from '../people/people.service';
import {
  endDateOf,
  matchRecordOf,
  matchRecordOfClaim,
  projectNumberOf,
  roleOf,
} from './claim-match';
import { placeOfUnit, type PersonAndPlace, type UnitPlace } from './claim-place';
import {
  recordManyEffective,
  recordManySubmitted,
  type BulkEffectiveInput,
  type BulkIntakeInput,
  type BulkIntakeResult,
} from './credit-bulk-intake';
import type { ClaimActor, ClaimLifecycle } from './claim-lifecycle';
import type { ClaimRow, CreditsRepository } from './credits.repository';

export interface IntakeInput {
  personId: string;
  channel: CreditChannel;
  /** One activity in the scenario format; its `id`, if any, is replaced by the claim id. */
  activity: unknown;
  /**
   * What the channel makes of a new claim: a draft (self-report, entry before submitting),
   * submitted into the chain, or effective at once (trusted platform, approved batch).
   */
  initialStatus: 'draft' | 'submitted' | 'effective';
  actor: ClaimActor & { orgId?: string | null };
  /** Where it came from: platform + idempotency key, batch line, file name + row… */
  sourceRef?: string | null;
  projectId?: string | null;
  batchId?: string | null;
  /** Reviewing org ids for a submitted claim; the unit's chain in force by default. */
  chainSteps?: string[];
  /**
   * The person with their unit and place, when the channel has just read them (an import
   * reads them once per unit): two queries less per claim. Ignored for another person.
   */
  known?: PersonAndPlace;
}

export type { PersonAndPlace } from './claim-place';

export interface IntakeResult {
  claimId: string;
  status: ClaimRow['status'];
  /** An existing claim was the same activity: a provenance was added to it instead. */
  matched: boolean;
  credits: number;
  class: 'I' | 'II' | null;
  year: number;
  reasons: string[];
  packVersions: { id: string; version: string }[];
  version: number;
}

export interface IntakeDeps {
  db: Db;
  clock: Clock;
  repository: CreditsRepository;
  people: PeopleService;
  orgs: OrgsService;
  auditLog: AuditLogService;
  policies: PolicyRegistry;
  lifecycle: ClaimLifecycle;
  /** The registry of filed projects (the projects module's service). */
  projects: { findFiled(db: DbOrTx, query: FiledProjectQuery): Promise<FiledProject[]> };
}

/** Refuses a project the registry of filed projects does not know, saying what was sought. */
function projectNotFiled(level: string, query: FiledProjectQuery | null): AppError {
  if (query === null) {
    return new AppError(
      'project_not_filed',
      `activity.projectNumber: a ${level} project must name its number or its name to be found among the filed projects`,
      { level, query: null },
      [
        {
          path: 'activity.projectNumber',
          message: '该级别项目须在备案项目中查到：请填写项目编号或项目名称',
        },
      ],
    );
  }
  const path = query.by === 'number' ? 'activity.projectNumber' : 'activity.projectName';
  const message =
    query.by === 'number'
      ? `备案项目中没有编号为 ${query.number} 的项目`
      : `备案项目中没有 ${query.date} 举办的「${query.name}」`;
  return new AppError(
    'project_not_filed',
    `${path}: no filed project answers ${query.by === 'number' ? query.number : `${query.name} on ${query.date}`}`,
    { level, query },
    [{ path, message }],
  );
}

/**
 * The single entry of credits, whatever the channel (CreditIntake.record): validates and
 * values the activity with the rules engine under the packs in force for the person's
 * place and year, and either stores a new claim or, when the same activity is already
 * there (domain `isSameActivity`), adds a provenance to it. Runs in the caller's transaction.
 */
export class CreditIntake {
  readonly #deps: IntakeDeps;

  constructor(deps: IntakeDeps) {
    this.#deps = deps;
  }

  async personAndPlace(
    db: DbOrTx,
    personId: string,
    /** The person, when the caller has just read them: one query less. */
    known?: PersonView,
  ): Promise<PersonAndPlace> {
    const person = known?.id === personId ? known : await this.#deps.people.findAny(personId, db);
    if (!person) {
      throw notFound({
        what: 'person',
        details: { personId },
        issues: [{ path: 'personId', message: 'no such person' }],
      });
    }
    const found = await this.#deps.orgs.findWithAncestors(person.unitId, db);
    if (!found) throw new Error(`person ${person.id} has no unit`);
    return { person, unit: found.org, where: placeOfUnit(found.org, found.ancestors) };
  }

  /** The rules' answer for one activity of a person, or a validation error naming the field. */
  async value(
    db: DbOrTx,
    personId: string,
    claimId: string,
    activity: unknown,
  ): Promise<ClaimValuation> {
    const { where } = await this.personAndPlace(db, personId);
    return this.valueChecked(db, where, claimId, activity);
  }

  /**
   * `valueAt`, then the filed-project check where the packs ask for it: a project of a
   * level they name must be found in the registry (else 422 `project_not_filed`), and is
   * valued again from the registry's hours and credits, whatever was typed.
   */
  async valueChecked(
    db: DbOrTx,
    where: UnitPlace,
    claimId: string,
    activity: unknown,
  ): Promise<ClaimValuation> {
    const valued = this.valueForEntry(where, claimId, activity);
    const typed = valued.activity;
    if (typed.type !== 'project' || !requiresFiledProject(valued.rules, typed)) return valued;
    const query = filedProjectQueryOf(typed);
    const candidates = query ? await this.#deps.projects.findFiled(db, query) : [];
    const check = checkFiledProject(valued.rules, typed, candidates);
    if (check.status === 'not_required') return valued;
    if (check.status === 'unmatched') throw projectNotFiled(typed.level, check.query);
    return this.valueAt(where, claimId, check.activity);
  }

  /**
   * The documents each activity type needs (pack `evidence`) under the rules of the
   * person's place in `year`; null when no pack covers that year.
   */
  async evidenceRules(db: DbOrTx, personId: string, year: number): Promise<EvidenceRules | null> {
    const { where } = await this.personAndPlace(db, personId);
    const resolved = this.#deps.policies.resolve(where.place, year);
    return resolved.ok ? resolved.policy.rules.evidence : null;
  }

  valueAt(where: UnitPlace, claimId: string, activity: unknown): ClaimValuation {
    const valued = valueClaim(this.#deps.policies, where.place, claimId, activity);
    if (!valued.ok) {
      const path = `activity.${valued.field}`;
      throw new AppError('validation_failed', `${path}: ${valued.message}`, undefined, [
        { path, message: valued.message },
      ]);
    }
    return valued.value;
  }

  /**
   * `valueAt` for an activity being entered (created or corrected): where the packs of its
   * year say credits count only in the year they are entered (Hunan), an activity of a year
   * already ended is refused with `year_closed`, naming the day the year closed.
   */
  valueForEntry(where: UnitPlace, claimId: string, activity: unknown): ClaimValuation {
    const valued = this.valueAt(where, claimId, activity);
    const closed = findClosedEntryYear(valued, chinaDay(this.#deps.clock.now()));
    if (!closed) return valued;
    const year = String(closed.year);
    const message = `credits of ${year} count only when entered in ${year}: entry closed on ${closed.closedOn}`;
    throw new AppError(
      'year_closed',
      `activity.date: ${message}`,
      { year: closed.year, closedOn: closed.closedOn, packs: valued.packs.map((p) => p.id) },
      [{ path: 'activity.date', message }],
    );
  }

  /**
   * The reviewing orgs a claim of this unit walks: the unit itself first for what a
   * person reports (their unit reviews first), then the unit's chain in force (ADR 0006).
   */
  async chainFor(db: DbOrTx, unit: OrgRow, includeUnit: boolean): Promise<string[]> {
    const chain = await this.#deps.orgs.chainInForce(db, unit);
    const steps = chain.steps.map((s) => s.orgId);
    return includeUnit ? [unit.id, ...steps.filter((id) => id !== unit.id)] : steps;
  }

  /**
   * The intake locks of many people in one statement (buckets in ascending order), for a
   * caller that then records them in chunks (`locked: true`).
   */
  async lockIntake(tx: DbOrTx, personIds: readonly string[] | 'everyone'): Promise<void> {
    if (personIds === 'everyone') await this.#deps.repository.lockEveryone(tx);
    else await this.#deps.repository.lockPeople(tx, personIds);
  }

  /** `record` for many submitted claims at once, valued beforehand (see credit-bulk-intake). */
  async recordManySubmitted(tx: DbOrTx, input: BulkIntakeInput): Promise<BulkIntakeResult> {
    return recordManySubmitted(this.#deps, tx, input);
  }

  /** `record` for many claims effective on arrival, valued beforehand (see credit-bulk-intake). */
  async recordManyEffective(tx: DbOrTx, input: BulkEffectiveInput): Promise<BulkIntakeResult> {
    return recordManyEffective(this.#deps, tx, input);
  }

  async record(tx: DbOrTx, input: IntakeInput): Promise<IntakeResult> {
    const { repository, clock } = this.#deps;
    const { person, unit, where } =
      input.known?.person.id === input.personId
        ? input.known
        : await this.personAndPlace(tx, input.personId);
    const claimId = randomUUID();
    // A claim linked to a registry project (host awards) was valued from that project.
    const valued = input.projectId
      ? this.valueForEntry(where, claimId, input.activity)
      : await this.valueChecked(tx, where, claimId, input.activity);
    const { activity } = valued;
    const now = clock.now();
    const provenance = {
      channel: input.channel,
      sourceRef: input.sourceRef ?? null,
      receivedAt: now,
      actorUserId: input.actor.userId,
      actorOrgId: input.actor.orgId ?? null,
    };
    await repository.lockPerson(tx, person.id);

    const projectNumber = projectNumberOf(activity);
    const role = roleOf(activity);
    if (projectNumber) {
      const record = matchRecordOf(claimId, person.id, input.channel, activity);
      const candidates = await repository.findMatchCandidates(tx, person.id, projectNumber, role);
      const existing = candidates.find((c) => isSameActivity(matchRecordOfClaim(c), record));
      if (existing) return this.matchOnto(tx, existing, unit.path, input, provenance);
    }

    const initial = input.initialStatus === 'effective' ? 'effective' : 'draft';
    const created = await this.#deps.lifecycle.enter(
      tx,
      {
        id: claimId,
        personId: person.id,
        unitId: unit.id,
        channel: input.channel,
        activity,
        activityType: activity.type,
        activityDate: activity.date,
        endDate: endDateOf(activity),
        year: valued.year,
        projectId: input.projectId ?? null,
        projectNumber,
        role,
        credits: valued.credits,
        creditClass: valued.class,
        packVersions: valued.packs,
        valuationReasons: valued.reasons,
        status: initial,
        batchId: input.batchId ?? null,
        createdBy: input.actor.userId,
        createdAt: now,
        updatedAt: now,
      },
      unit.path,
      input.actor,
      input.channel,
    );
    await repository.insertProvenance(tx, { claimId, claimYear: created.year, ...provenance });
    let status = created.status;
    let version = created.version;
    if (input.initialStatus === 'submitted') {
      const steps =
        input.chainSteps ?? (await this.chainFor(tx, unit, input.channel === 'self_report'));
      const moved = await this.#deps.lifecycle.change(
        tx,
        { ...created, unitPath: unit.path },
        'submit',
        input.actor,
        { chain: { steps, reviewChainId: null } },
      );
      status = moved.status;
      version = moved.version;
    }
    return {
      claimId,
      status,
      matched: false,
      credits: valued.credits,
      class: valued.class,
      year: valued.year,
      reasons: valued.reasons,
      packVersions: valued.packs,
      version,
    };
  }

  /**
   * A duplicate arrival: the existing claim keeps its value and gains a provenance. An
   * arrival that is effective by itself (trusted platform, approved batch) confirms a
   * claim still in review.
   */
  private async matchOnto(
    tx: DbOrTx,
    existing: ClaimRow,
    unitPath: string,
    input: IntakeInput,
    provenance: Omit<Parameters<CreditsRepository['insertProvenance']>[1], 'claimId' | 'claimYear'>,
  ): Promise<IntakeResult> {
    const { repository } = this.#deps;
    await repository.insertProvenance(tx, {
      claimId: existing.id,
      claimYear: existing.year,
      ...provenance,
    });
    await this.#deps.lifecycle.arrivedAgain(tx, [existing]);
    let status = existing.status;
    let version = existing.version;
    const pending = ['draft', 'submitted', 'returned'].includes(existing.status);
    if (input.initialStatus === 'effective' && pending) {
      const confirmed = await this.#deps.lifecycle.change(
        tx,
        { ...existing, unitPath },
        'confirm',
        input.actor,
        { reason: `confirmed by ${input.channel}` },
      );
      status = confirmed.status;
      version = confirmed.version;
    }
    await this.#deps.auditLog.record(
      {
        action: 'credit.matched',
        actorUserId: input.actor.userId,
        actorUsername: input.actor.username,
        ip: input.actor.ip,
        targetType: 'credit_claim',
        targetId: existing.id,
        orgPath: unitPath,
        details: { channel: input.channel, from: existing.status, to: status },
      },
      tx,
    );
    return {
      claimId: existing.id,
      status,
      matched: true,
      credits: existing.credits,
      class: existing.creditClass as 'I' | 'II' | null,
      year: existing.year,
      reasons: existing.valuationReasons,
      packVersions: existing.packVersions,
      version,
    };
  }
}
