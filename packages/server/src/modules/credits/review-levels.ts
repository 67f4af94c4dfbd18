import type { OrgKind, ReviewLevels } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/database';
import type { CreditsRepository } from './credits.repository';
import { reviewLevelsScope } from './credits.policy';

/** The order of a review chain: the unit's own review first, the province office last. */
const chainOrder: readonly OrgKind[] = [
  'unit',
  'association',
  'district',
  'city',
  'cme_office',
  'province',
];
const rank = (kind: OrgKind) => {
  const i = chainOrder.indexOf(kind);
  return i === -1 ? chainOrder.length : i;
};

/**
 * 工作台 of a province, a bureau or a unit: where the claims of its people wait, per level
 * of the chain, and since when (canCountClaimInReview, in SQL).
 */
export async function reviewLevels(
  deps: { db: Db; repository: CreditsRepository },
  actor: Actor,
): Promise<ReviewLevels> {
  const rows = await deps.repository.pendingByReviewerKind(deps.db, reviewLevelsScope(actor));
  const byLevel = rows
    .map((r) => ({
      kind: r.kind as OrgKind,
      count: r.count,
      oldestSubmittedAt: r.oldest.toISOString(),
    }))
    .sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind));
  return { waiting: byLevel.reduce((sum, l) => sum + l.count, 0), byLevel };
}
