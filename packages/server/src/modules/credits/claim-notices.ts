import type { ActivityType } from '@jijiao/contracts';
import type { ClaimAction, ClaimStatusCode } from '@jijiao/domain';
import type { DbOrTx } from '../../platform/db/database';
import type { NotificationsService } from '../notifications/notifications.service';
import { activityTypeLabels } from './credits-columns';
import type { ClaimRow } from './credits.repository';

export type ClaimNotifier = Pick<NotificationsService, 'notifyPeople'>;

/** `单位学术讲座 2026-03-01` or, when the activity has one, its title: what a message names. */
function activityLabel(claim: ClaimRow): string {
  const title = claim.activity.title;
  const type = activityTypeLabels[claim.activityType as ActivityType];
  return typeof title === 'string' && title.trim() !== ''
    ? title.trim().slice(0, 100)
    : `${type} ${claim.activityDate}`;
}

/**
 * What the person is told of a decision on their claim (ADR 0038), written with the
 * transition: returned (with the reason; a host's award line goes back to the host, who is
 * told of the batch instead) and approved. The claim's version after the transition keys
 * the notification, so each decision is told once.
 */
export async function noticeOfTransition(
  notifier: ClaimNotifier | undefined,
  tx: DbOrTx,
  claim: ClaimRow,
  action: ClaimAction,
  to: ClaimStatusCode,
  reason: string | null,
): Promise<void> {
  if (!notifier) return;
  const common = {
    personId: claim.personId,
    dedupeKey: `claim:${claim.id}:v${String(claim.version + 1)}`,
  };
  const activity = {
    activity: activityLabel(claim),
    activityType: claim.activityType,
    date: claim.activityDate,
  };
  if (action === 'return' && claim.channel !== 'host_award') {
    await notifier.notifyPeople(tx, [
      {
        ...common,
        kind: 'claim_returned',
        params: { ...activity, reason: reason ?? '—' },
        link: `/credits/${claim.id}/edit`,
      },
    ]);
  } else if (to === 'effective' && (action === 'approve' || action === 'confirm')) {
    await notifier.notifyPeople(tx, [
      {
        ...common,
        kind: 'claim_approved',
        params: { ...activity, credits: claim.credits },
        link: '/credits',
      },
    ]);
  }
}
