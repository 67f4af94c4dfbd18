// The set-based platform batch (ADR 0035): what its items are answered and how the checked
// ones are written in one transaction. The checks themselves are ProviderPushService's.
import { createHash } from 'node:crypto';
import type {
  ErrorResponse,
  ProviderBatchItemResult,
  ProviderBatchResult,
  ProviderCreditResult,
} from '@jijiao/contracts';
import { idempotencyKeySchema } from '@jijiao/contracts';
import { canonicalJson, type ClaimValuation, type JsonValue } from '@jijiao/domain';
import type { PlatformCaller } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import type { PersonAndPlace } from '../credits/credit-intake.service';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { CreditIntake } from '../credits/credit-intake.service';
import type { ProviderRepository } from './provider.repository';
import type { IdempotencyRow } from './provider.repository';

/** The hash a request is recognised by: SHA-256 of its canonical JSON (RFC 8785). */
export function requestHashOf(body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(body as JsonValue))
    .digest('hex');
}

/** The day (China time, UTC+8) of a date or an offset date-time. */
export function chinaDay(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Date(Date.parse(value) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The open API of online platforms: one pushed credit (or a batch of them), recognised by
 * its Idempotency-Key. The answer is stored with the claim in one transaction; the same key
 * and body replay it, the same key with another body is a conflict.
 */
export function idempotencyConflict(): AppError {
  return new AppError(
    'idempotency_conflict',
    'This Idempotency-Key was used with another body; use a new key for a new credit',
  );
}

/** A batch item: its key as sent, the key checked, and the rest of its body. */
export interface ParsedItem {
  rawKey: unknown;
  key: ReturnType<typeof idempotencyKeySchema.safeParse>;
  body: Record<string, unknown>;
}

export function parseBatch(items: readonly Record<string, unknown>[]): ParsedItem[] {
  return items.map((item) => {
    const { idempotencyKey: rawKey, ...body } = item;
    return { rawKey, key: idempotencyKeySchema.safeParse(rawKey), body };
  });
}

export function parsedPushes(parsed: readonly ParsedItem[]): { key: string; body: unknown }[] {
  return parsed.flatMap((p) => (p.key.success ? [{ key: p.key.data, body: p.body }] : []));
}

/** What a platform is answered for a credit recorded (or matched) under its key. */
export function creditResultOf(
  recorded: {
    claimId: string;
    status: string;
    matched: boolean;
    credits: number;
    class: ProviderCreditResult['class'];
    year: number;
    packVersions: ProviderCreditResult['packVersions'];
  },
  idNumberMasked: string,
): ProviderCreditResult {
  return {
    id: recorded.claimId,
    status: recorded.status as ProviderCreditResult['status'],
    matched: recorded.matched,
    credits: recorded.credits,
    class: recorded.class,
    year: recorded.year,
    packVersions: recorded.packVersions,
    idNumberMasked,
  };
}

/** An item checked and ready to be recorded in the batch's transaction. */
export interface FreshPush {
  key: string;
  requestHash: string;
  claimId: string;
  known: PersonAndPlace;
  valued: ClaimValuation;
  chainSteps: string[] | undefined;
  idNumberMasked: string;
}

/** What each item of a batch will be answered: its stored answer, its new one, or its error. */
export type PlannedAnswer =
  | { kind: 'stored'; key: string; record: IdempotencyRow }
  | { kind: 'fresh' | 'replay'; key: string }
  | { kind: 'error'; key: string | null; status: number; error: ErrorResponse['error'] };

export interface BatchPlan {
  answers: PlannedAnswer[];
  fresh: FreshPush[];
}

/** Each item's answer, in order, from the plan and the answers just stored. */
export function answersOf(
  plan: BatchPlan,
  written: ReadonlyMap<string, IdempotencyRow>,
): ProviderBatchResult {
  const results: ProviderBatchItemResult[] = [];
  const counts = { created: 0, replayed: 0, failed: 0 };
  for (const [index, planned] of plan.answers.entries()) {
    if (planned.kind === 'error') {
      counts.failed += 1;
      results.push({
        index,
        idempotencyKey: planned.key,
        status: planned.status,
        error: planned.error,
      });
      continue;
    }
    const record = planned.kind === 'stored' ? planned.record : written.get(planned.key);
    if (!record) throw new Error(`provider batch: no answer for ${planned.key}`);
    counts[planned.kind === 'fresh' ? 'created' : 'replayed'] += 1;
    results.push({
      index,
      idempotencyKey: planned.key,
      status: record.statusCode,
      body: record.response as ProviderCreditResult,
    });
  }
  return { results, counts };
}

/** The checked items of a batch, recorded set-based with their answers, in one transaction. */
export async function writeBatch(
  deps: {
    db: Db;
    clock: Clock;
    repository: ProviderRepository;
    intake: Pick<CreditIntake, 'recordManySubmitted' | 'recordManyEffective'>;
  },
  trusted: boolean,
  platform: PlatformCaller,
  plan: BatchPlan,
  ip: string | null,
): Promise<Map<string, IdempotencyRow>> {
  const { db, repository, intake, clock } = deps;
  const written = new Map<string, IdempotencyRow>();
  if (plan.fresh.length === 0) return written;
  await db.transaction(async (tx) => {
    const actor = {
      userId: null,
      username: `platform:${platform.name}`,
      ip,
      orgId: platform.orgId,
    };
    const items = plan.fresh.map((p) => ({
      claimId: p.claimId,
      known: p.known,
      valued: p.valued,
      chainSteps: p.chainSteps ?? [],
      sourceRef: `platform:${platform.orgId}:${p.key}`,
    }));
    const input = { channel: 'platform_push' as const, actor, items, logEach: true };
    const { outcomes } = trusted
      ? await intake.recordManyEffective(tx, input)
      : await intake.recordManySubmitted(tx, input);
    const now = clock.now();
    for (const [index, p] of plan.fresh.entries()) {
      const outcome = outcomes[index];
      if (!outcome) throw new Error('provider batch: an item without its outcome');
      const answer = creditResultOf(outcome, p.idNumberMasked);
      written.set(p.key, {
        platformOrgId: platform.orgId,
        key: p.key,
        requestHash: p.requestHash,
        statusCode: 201,
        response: answer,
        createdAt: now,
      });
    }
    await repository.insertIdempotencies(tx, [...written.values()]);
  });
  return written;
}
