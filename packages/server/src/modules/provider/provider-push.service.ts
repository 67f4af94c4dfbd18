import { createHash } from 'node:crypto';
import {
  idempotencyKeySchema,
  providerCreditSchema,
  type ProviderBatchItemResult,
  type ProviderBatchResult,
  type ProviderCredit,
  type ProviderCreditResult,
} from '@jijiao/contracts';
import { canonicalJson, maskResidentId, parseResidentId, type JsonValue } from '@jijiao/domain';
import type { PlatformCaller } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { CreditIntake } from '../credits/credit-intake.service';
import type { PeopleService } from '../people/people.service';
import { residentIdMessages } from '../people/person-identity';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { fieldError, providerAnswer, validationError } from './provider-answers';
import type { IdempotencyRow, ProviderRepository } from './provider.repository';

export interface ProviderPushDeps {
  db: Db;
  clock: Clock;
  repository: ProviderRepository;
  people: Pick<PeopleService, 'findByIdNumbers' | 'idNumberHash'>;
  intake: Pick<CreditIntake, 'record'>;
}

export interface PushAnswer {
  status: number;
  body: ProviderCreditResult;
  /** Answered from the idempotency record: nothing new was stored. */
  replayed: boolean;
}

/** The hash a request is recognised by: SHA-256 of its canonical JSON (RFC 8785). */
export function requestHashOf(body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(body as JsonValue))
    .digest('hex');
}

/** The day (China time, UTC+8) of a date or an offset date-time. */
function chinaDay(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Date(Date.parse(value) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The open API of online platforms: one pushed credit (or a batch of them), recognised by
 * its Idempotency-Key. The answer is stored with the claim in one transaction; the same key
 * and body replay it, the same key with another body is a conflict.
 */
export class ProviderPushService {
  constructor(private readonly deps: ProviderPushDeps) {}

  private replay(record: IdempotencyRow, requestHash: string): PushAnswer {
    if (record.requestHash !== requestHash) {
      throw new AppError(
        'idempotency_conflict',
        'This Idempotency-Key was used with another body; use a new key for a new credit',
      );
    }
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
    const { db, repository } = this.deps;
    const requestHash = requestHashOf(input);
    const stored = await repository.findIdempotency(db, platform.orgId, idempotencyKey);
    if (stored) return this.replay(stored, requestHash);

    const parsed = providerCreditSchema.safeParse(input);
    if (!parsed.success) throw validationError(parsed.error);
    const body = parsed.data;
    const { person, idNumberMasked } = await this.findPerson(platform, body);
    const activity = this.activityOf(body);
    try {
      return await db.transaction(async (tx) => {
        const recorded = await this.deps.intake.record(tx, {
          personId: person.id,
          channel: 'platform_push',
          activity,
          initialStatus: (await repository.isTrusted(tx, platform.orgId))
            ? 'effective'
            : 'submitted',
          actor: { userId: null, username: `platform:${platform.name}`, ip, orgId: platform.orgId },
          sourceRef: `platform:${platform.orgId}:${idempotencyKey}`,
        });
        const answer: ProviderCreditResult = {
          id: recorded.claimId,
          status: recorded.status as ProviderCreditResult['status'],
          matched: recorded.matched,
          credits: recorded.credits,
          class: recorded.class,
          year: recorded.year,
          packVersions: recorded.packVersions,
          idNumberMasked,
        };
        await repository.insertIdempotency(tx, {
          platformOrgId: platform.orgId,
          key: idempotencyKey,
          requestHash,
          statusCode: 201,
          response: answer,
          createdAt: this.deps.clock.now(),
        });
        return { status: 201, body: answer, replayed: false };
      });
    } catch (error) {
      // A concurrent request with the same key committed first: its claim stands, ours was
      // rolled back with the failed insert; answer as a replay (or a conflict).
      if (!isUniqueViolation(error)) throw error;
      const winner = await repository.findIdempotency(db, platform.orgId, idempotencyKey);
      if (!winner) throw error;
      return this.replay(winner, requestHash);
    }
  }

  /**
   * Up to 1 000 credits, each with its own `idempotencyKey`, each in its own transaction:
   * one bad item is answered with its error and the others go on.
   */
  async pushBatch(
    platform: PlatformCaller,
    items: readonly Record<string, unknown>[],
    ip: string | null,
  ): Promise<ProviderBatchResult> {
    const results: ProviderBatchItemResult[] = [];
    const counts = { created: 0, replayed: 0, failed: 0 };
    for (const [index, item] of items.entries()) {
      const { idempotencyKey: rawKey, ...body } = item;
      const key = idempotencyKeySchema.safeParse(rawKey);
      const keyText = typeof rawKey === 'string' ? rawKey : null;
      try {
        if (!key.success) throw validationError(key.error, 'idempotencyKey');
        const answer = await this.push(platform, key.data, body, ip);
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

  /** The person by ID number (keyed hash), inside the platform's province; the name must match. */
  private async findPerson(platform: PlatformCaller, body: ProviderCredit) {
    const today = chinaDay(this.deps.clock.now().toISOString());
    const parsed = parseResidentId(body.idNumber, today);
    if (!parsed.ok) throw fieldError('idNumber', residentIdMessages[parsed.problem]);
    const number = parsed.value.number;
    const found = await this.deps.people.findByIdNumbers([number]);
    const person = found.get(this.deps.people.idNumberHash(number));
    const province = `/${platform.orgPath.split('/').filter(Boolean)[0] ?? ''}/`;
    if (!person || !person.unitPath.startsWith(province))
      throw fieldError('idNumber', '未找到该身份证号登记的人员');
    if (person.name.trim() !== body.name.trim())
      throw fieldError('name', '姓名与身份证号登记的不一致');
    if (chinaDay(body.completedAt) > today) throw fieldError('completedAt', '完成时间不能晚于今天');
    return { person, idNumberMasked: maskResidentId(number) };
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
