import type { DbOrTx } from '../../platform/db/database';
import type { ClaimActor, ClaimLifecycle } from './claim-lifecycle';
import type { CreditsRepository } from './credits.repository';

export interface VoidClaimsInput {
  personId: string;
  year: number;
  /** Only this claim of the person's year (one fraudulent credit); all of them when absent. */
  claimId?: string;
  reason: string;
  actor: ClaimActor;
}

/**
 * Fraud (弄虚作假): every claim of the person's year (or the one named) that is not already
 * voided or rejected is locked, then voided through the claim lifecycle (history row and
 * `credit.void` audit entry each). Answers the ids.
 */
export async function voidClaimsOfYear(
  deps: { repository: CreditsRepository; lifecycle: ClaimLifecycle },
  tx: DbOrTx,
  input: VoidClaimsInput,
): Promise<string[]> {
  const locked = await deps.repository.lockOpenOfYear(
    tx,
    input.personId,
    input.year,
    input.claimId,
  );
  const claims = await deps.repository.findViews(
    tx,
    locked.map((r) => r.id),
  );
  const byId = new Map(claims.map((c) => [c.id, c]));
  const voided: string[] = [];
  for (const { id } of locked) {
    const claim = byId.get(id);
    if (!claim) continue;
    await deps.lifecycle.change(tx, claim, 'void', input.actor, { reason: input.reason });
    voided.push(id);
  }
  return voided;
}
