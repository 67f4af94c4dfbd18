import type { Claim } from '@jijiao/contracts';
import type { Translate } from '../../../../i18n/use-t';

type HistoryEntry = Claim['history'][number];

/**
 * Who acted on a history entry: the step's org and the reviewer, or for 代审 (ADR 0023)
 * "由 X（上级机构）代 Y 审核", so a decision never reads as the step's own org's.
 */
export function historyActorText(t: Translate, h: HistoryEntry): string {
  if (h.actedFor)
    return t('reviews.actedFor', {
      actor: h.actorName ?? t('reviews.someone'),
      actorOrg: h.actorOrgName ?? '—',
      org: h.reviewerOrgName ?? '—',
    });
  return [h.reviewerOrgName, h.actorName].filter((s) => s !== null && s !== '').join(' ');
}

/** The distinct orgs a selection of claims waits at, in the order first seen, joined for a sentence. */
export function waitingOrgsText(
  t: Translate,
  claims: readonly { currentReviewerOrgName: string | null }[],
): string {
  const names = [...new Set(claims.map((c) => c.currentReviewerOrgName ?? '—'))];
  return names.join(t('reviews.orgSeparator'));
}
