import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { claimActorOf, stale } from './award-access';
import type { AwardsDeps } from './award-deps';
import type { LineView } from './awards.repository';

/**
 * The two claim changes an award batch makes besides review, both through the credits
 * module's lifecycle (ClaimReview): kept together as the one place awards changes a claim.
 */
type ClaimChangeDeps = Pick<AwardsDeps, 'claims' | 'claimReview'>;

export const pendingClaimStatuses = ['draft', 'submitted', 'returned'];

async function claimOf(deps: ClaimChangeDeps, tx: DbOrTx, line: LineView) {
  const [claim] = await deps.claims.viewsOf([line.claimId ?? ''], tx);
  return claim;
}

/** A returned claim the host takes back: withdrawn (voided, never counted), history kept. */
export async function withdrawClaim(
  deps: ClaimChangeDeps,
  tx: DbOrTx,
  line: LineView,
  actor: Actor,
  ip: string,
): Promise<void> {
  const claim = await claimOf(deps, tx, line);
  if (!claim || claim.status !== 'returned') throw stale(line.batchId);
  await deps.claimReview.transitionInTx(tx, claim.id, 'withdraw', claimActorOf(actor, ip), {
    reason: 'withdrawn from the award batch by the host',
    expectedVersion: claim.version,
  });
}

/** The claim a matched line was kept on, still pending elsewhere: the approval confirms it. */
export async function confirmMatched(
  deps: ClaimChangeDeps,
  tx: DbOrTx,
  line: LineView,
  actor: Actor,
  ip: string,
): Promise<void> {
  const claim = await claimOf(deps, tx, line);
  if (!claim || !pendingClaimStatuses.includes(claim.status)) return;
  await deps.claimReview.transitionInTx(tx, claim.id, 'confirm', claimActorOf(actor, ip), {
    reason: 'confirmed by host_award',
    expectedVersion: claim.version,
  });
}
