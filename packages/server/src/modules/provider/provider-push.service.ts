import { randomUUID } from 'node:crypto';
import {
  providerCreditSchema,
  type ProviderBatchItemResult,
  type ProviderBatchResult,
  type ProviderCredit,
  type ProviderCreditResult,
} from '@jijiao/contracts';
import { maskResidentId, parseResidentId } from '@jijiao/domain';
import type { PlatformCaller } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { CreditIntake, PersonAndPlace } from '../credits/credit-intake.service';
import type { PersonView } from '../people/people.service';
import type { PeopleService } from '../people/people.service';
import { residentIdMessages } from '../people/person-identity';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { fieldError, providerAnswer, validationError } from './provider-answers';
import {
  answersOf,
  creditResultOf,
  chinaDay,
  requestHashOf,
  idempotencyConflict,
  parseBatch,
  parsedPushes,
  writeBatch,
  type BatchPlan,
  type FreshPush,
  type ParsedItem,
  type PlannedAnswer,
} from './provider-batch';
import type { IdempotencyRow, ProviderRepository } from './provider.repository';

export interface ProviderPushDeps {
  db: Db;
  clock: Clock;
  repository: ProviderRepository;
  people: Pick<PeopleService, 'findByIdNumbers' | 'idNumberHash'>;
  intake: Pick<
    CreditIntake,
    | 'record'
    | 'personAndPlace'
    | 'chainFor'
    | 'valueChecked'
    | 'recordManySubmitted'
    | 'recordManyEffective'
  >;
}

/**
 * What pushes need before their transactions, read once for a whole batch: the answers
 * stored under their keys (and those given since), the people of their ID numbers,
 * whether the platform is trusted, and each unit's place and review chain as needed.
 */
interface PushContext {
  stored: Map<string, IdempotencyRow>;
  people: ReadonlyMap<string, PersonView>;
  trusted: boolean;
  places: Map<string, PersonAndPlace>;
  chains: Map<string, string[]>;
}

export interface PushAnswer {
  status: number;
  body: ProviderCreditResult;
  /** Answered from the idempotency record: nothing new was stored. */
  replayed: boolean;
}

export { requestHashOf } from './provider-batch';

export class ProviderPushService {
  readonly #deps: ProviderPushDeps;

  constructor(deps: ProviderPushDeps) {
    this.#deps = deps;
  }

  private replay(record: IdempotencyRow, requestHash: string): PushAnswer {
    if (record.requestHash !== requestHash) throw idempotencyConflict();
    return {
      status: record.statusCode,
      body: record.response as ProviderCreditResult,
      replayed: true,
    };
  }

  async push(
    platform: PlatformCaller,
    idempotencyKey: string,
    input: unknown,
    ip: string | null,
  ): Promise<PushAnswer> {
    const context = await this.readAhead(platform, [{ key: idempotencyKey, body: input }]);
    return this.pushIn(context, platform, idempotencyKey, input, ip);
  }

  /**
   * Up to 1 000 credits, each with its own `idempotencyKey`, written in one transaction
   * (ADR 0035): every item is checked first (its stored answer, schema, person, value) and
   * a bad one is answered with its error; the others are recorded set-based through the
   * bulk intake — duplicates matched against stored claims and earlier items, submitted
   * into their units' chains or effective on arrival for a trusted platform, pending claims
   * an arrival matches confirmed — with their answers stored under their keys. The answers
   * are exactly those of `pushEach`, which serves when the set-based path cannot: a unit
   * without reviewers (its items fail one by one) or a key a concurrent request took.
   */
  async pushBatch(
    platform: PlatformCaller,
    items: readonly Record<string, unknown>[],
    ip: string | null,
  ): Promise<ProviderBatchResult> {
    const parsed = parseBatch(items);
    const context = await this.readAhead(platform, parsedPushes(parsed));
    const plan = await this.planBatch(context, platform, parsed);
    if (!plan) return this.pushEachIn(context, platform, parsed, ip);
    let written: Map<string, IdempotencyRow>;
    try {
      written = await this.writePlan(context, platform, plan, ip);
    } catch (error) {
      // A concurrent request stored one of these keys first: one by one, from a fresh read.
      if (!isUniqueViolation(error)) throw error;
      return this.pushEach(platform, items, ip);
    }
    return answersOf(plan, written);
  }

  /**
   * The reference batch: each item in its own transaction, one after another (the answers
   * the set-based `pushBatch` must give). One bad item is answered with its error and the
   * others go on.
   */
  async pushEach(
    platform: PlatformCaller,
    items: readonly Record<string, unknown>[],
    ip: string | null,
  ): Promise<ProviderBatchResult> {
    const parsed = parseBatch(items);
    const context = await this.readAhead(platform, parsedPushes(parsed));
    return this.pushEachIn(context, platform, parsed, ip);
  }

  private async pushEachIn(
    context: PushContext,
    platform: PlatformCaller,
    parsed: readonly ParsedItem[],
    ip: string | null,
  ): Promise<ProviderBatchResult> {
    const results: ProviderBatchItemResult[] = [];
    const counts = { created: 0, replayed: 0, failed: 0 };
    for (const [index, { rawKey, key, body }] of parsed.entries()) {
      const keyText = typeof rawKey === 'string' ? rawKey : null;
      try {
        if (!key.success) throw validationError(key.error, 'idempotencyKey');
        const answer = await this.pushIn(context, platform, key.data, body, ip);
        counts[answer.replayed ? 'replayed' : 'created'] += 1;
        results.push({ index, idempotencyKey: key.data, status: answer.status, body: answer.body });
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        const { status, body: errorBody } = providerAnswer(error);
        counts.failed += 1;
        results.push({ index, idempotencyKey: keyText, status, error: errorBody.error });
      }
    }
    return { results, counts };
  }

  /**
   * Every item of a batch checked in order, as `pushIn` checks it, without writing: its
   * stored answer (or that of an earlier item with the same key), else its body, person,
   * place, chain and value. Undefined when the batch must go one by one (a new claim of an
   * untrusted platform for a unit without reviewers fails inside its own transaction).
   */
  private async planBatch(
    context: PushContext,
    platform: PlatformCaller,
    parsed: readonly ParsedItem[],
  ): Promise<BatchPlan | undefined> {
    const answers: PlannedAnswer[] = [];
    const fresh = new Map<string, FreshPush>();
    for (const { rawKey, key, body } of parsed) {
      const keyText = typeof rawKey === 'string' ? rawKey : null;
      try {
        if (!key.success) throw validationError(key.error, 'idempotencyKey');
        const requestHash = requestHashOf(body);
        const stored = context.stored.get(key.data);
        if (stored) {
          this.replay(stored, requestHash);
          answers.push({ kind: 'stored', key: key.data, record: stored });
          continue;
        }
        const earlier = fresh.get(key.data);
        if (earlier) {
          if (earlier.requestHash !== requestHash) throw idempotencyConflict();
          answers.push({ kind: 'replay', key: key.data });
          continue;
        }
        const checked = await this.checkPush(context, platform, body);
        if (checked.chainSteps?.length === 0) return undefined;
        fresh.set(key.data, { key: key.data, requestHash, ...checked });
        answers.push({ kind: 'fresh', key: key.data });
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        const { status, body: errorBody } = providerAnswer(error);
        answers.push({ kind: 'error', key: keyText, status, error: errorBody.error });
      }
    }
    return { answers, fresh: [...fresh.values()] };
  }

  /** One item's checks before its write: body, person, activity, place, chain and value. */
  private async checkPush(context: PushContext, platform: PlatformCaller, input: unknown) {
    const parsed = providerCreditSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const body = parsed.data;
    const { person, idNumberMasked } = this.findPerson(context, platform, body);
    const activity = this.activityOf(body);
    const known = await this.placeOf(context, person);
    const chainSteps = context.trusted ? undefined : await this.chainOf(context, known);
    const claimId = randomUUID();
    const valued = await this.#deps.intake.valueChecked(
      this.#deps.db,
      known.where,
      claimId,
      activity,
    );
    return { claimId, known, valued, chainSteps, idNumberMasked };
  }

  /** The checked items of a batch, recorded set-based with their answers, in one transaction. */
  private async writePlan(
    context: PushContext,
    platform: PlatformCaller,
    plan: BatchPlan,
    ip: string | null,
  ): Promise<Map<string, IdempotencyRow>> {
    const written = await writeBatch(this.#deps, context.trusted, platform, plan, ip);
    for (const [key, record] of written) context.stored.set(key, record);
    return written;
  }

  /**
   * What pushes read before their transactions, in at most three queries whatever their
   * number: the answers already stored under their keys, then, for the others, the people
   * of their ID numbers and whether the platform is trusted.
   */
  private async readAhead(
    platform: PlatformCaller,
    pushes: readonly { key: string; body: unknown }[],
  ): Promise<PushContext> {
    const { db, repository, people } = this.#deps;
    const stored = await repository.findIdempotencies(
      db,
      platform.orgId,
      pushes.map((p) => p.key),
    );
    const fresh = pushes.filter((p) => !stored.has(p.key));
    const today = chinaDay(this.#deps.clock.now().toISOString());
    const numbers = fresh.flatMap(({ body }) => {
      const parsed = providerCreditSchema.safeParse(body);
      if (!parsed.success) return [];
      const id = parseResidentId(parsed.data.idNumber, today);
      return id.ok ? [id.value.number] : [];
    });
    return {
      stored,
      people: numbers.length > 0 ? await people.findByIdNumbers(numbers) : new Map(),
      trusted: fresh.length > 0 && (await repository.isTrusted(db, platform.orgId)),
      places: new Map(),
      chains: new Map(),
    };
  }

  /** One push, with what was read ahead; the answer is stored with the claim. */
  private async pushIn(
    context: PushContext,
    platform: PlatformCaller,
    idempotencyKey: string,
    input: unknown,
    ip: string | null,
  ): Promise<PushAnswer> {
    const { db, repository } = this.#deps;
    const requestHash = requestHashOf(input);
    const stored = context.stored.get(idempotencyKey);
    if (stored) return this.replay(stored, requestHash);

    const parsed = providerCreditSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const body = parsed.data;
    const { person, idNumberMasked } = this.findPerson(context, platform, body);
    const activity = this.activityOf(body);
    const known = await this.placeOf(context, person);
    const chainSteps = context.trusted ? undefined : await this.chainOf(context, known);
    try {
      const answered = await db.transaction(async (tx) => {
        const recorded = await this.#deps.intake.record(tx, {
          personId: person.id,
          channel: 'platform_push',
          activity,
          initialStatus: context.trusted ? 'effective' : 'submitted',
          actor: { userId: null, username: `platform:${platform.name}`, ip, orgId: platform.orgId },
          sourceRef: `platform:${platform.orgId}:${idempotencyKey}`,
          known,
          chainSteps,
        });
        const answer = creditResultOf(recorded, idNumberMasked);
        const record: IdempotencyRow = {
          platformOrgId: platform.orgId,
          key: idempotencyKey,
          requestHash,
          statusCode: 201,
          response: answer,
          createdAt: this.#deps.clock.now(),
        };
        await repository.insertIdempotency(tx, record);
        return { record, answer };
      });
      context.stored.set(idempotencyKey, answered.record);
      return { status: 201, body: answered.answer, replayed: false };
    } catch (error) {
      // A concurrent request with the same key committed first: its claim stands, ours was
      // rolled back with the failed insert; answer as a replay (or a conflict).
      if (!isUniqueViolation(error)) throw error;
      const winner = await repository.findIdempotency(db, platform.orgId, idempotencyKey);
      if (!winner) throw error;
      context.stored.set(idempotencyKey, winner);
      return this.replay(winner, requestHash);
    }
  }

  /** The person by ID number (keyed hash), inside the platform's province; the name must match. */
  private findPerson(context: PushContext, platform: PlatformCaller, body: ProviderCredit) {
    const today = chinaDay(this.#deps.clock.now().toISOString());
    const parsed = parseResidentId(body.idNumber, today);
    if (!parsed.ok) throw fieldError('idNumber', residentIdMessages[parsed.problem]);
    const number = parsed.value.number;
    const person = context.people.get(this.#deps.people.idNumberHash(number));
    const province = `/${platform.orgPath.split('/').filter(Boolean)[0] ?? ''}/`;
    if (!person || !person.unitPath.startsWith(province))
      throw fieldError('idNumber', '未找到该身份证号登记的人员');
    if (person.name.trim() !== body.name.trim())
      throw fieldError('name', '姓名与身份证号登记的不一致');
    if (chinaDay(body.completedAt) > today) throw fieldError('completedAt', '完成时间不能晚于今天');
    return { person, idNumberMasked: maskResidentId(number) };
  }

  /** The person's unit and its place, read once per unit of a batch. */
  private async placeOf(context: PushContext, person: PersonView): Promise<PersonAndPlace> {
    let place = context.places.get(person.unitId);
    if (!place) {
      place = await this.#deps.intake.personAndPlace(this.#deps.db, person.id, person);
      context.places.set(person.unitId, place);
    }
    return { ...place, person };
  }

  /** The review chain a pushed claim of the unit is submitted into, read once per unit. */
  private async chainOf(context: PushContext, known: PersonAndPlace): Promise<string[]> {
    let steps = context.chains.get(known.unit.id);
    if (!steps) {
      steps = await this.#deps.intake.chainFor(this.#deps.db, known.unit, false);
      context.chains.set(known.unit.id, steps);
    }
    return steps;
  }

  /** The activity to value: its date defaults to the completion day; the project number joins it. */
  private activityOf(body: ProviderCredit): Record<string, unknown> {
    const activity: Record<string, unknown> = { ...body.activity };
    activity.date ??= chinaDay(body.completedAt);
    if (body.projectNumber !== undefined) {
      if (activity.type !== 'project')
        throw fieldError('projectNumber', 'only for activity.type = project');
      if (activity.projectNumber !== undefined && activity.projectNumber !== body.projectNumber)
        throw fieldError('projectNumber', 'differs from activity.projectNumber');
      activity.projectNumber = body.projectNumber;
    }
    return activity;
  }
}
