import type { CreditChannel } from '@jijiao/contracts';
import type { ClaimValuation, CreditRecord } from '@jijiao/domain';
import type { ClaimRow } from './credits.repository';

type Activity = ClaimValuation['activity'];

export const roleOf = (activity: Activity): string | null =>
  'role' in activity ? activity.role : null;
export const projectNumberOf = (activity: Activity): string | null =>
  activity.type === 'project' ? (activity.projectNumber ?? null) : null;
export const endDateOf = (activity: Activity): string | null =>
  'endDate' in activity && activity.endDate !== undefined ? activity.endDate : null;

/** A valued activity as the domain's duplicate rule (`isSameActivity`) sees it. */
export function matchRecordOf(
  claimId: string,
  personId: string,
  channel: CreditChannel,
  activity: Activity,
): CreditRecord {
  return {
    id: claimId,
    personId,
    channel,
    projectNumber: projectNumberOf(activity) ?? undefined,
    role: roleOf(activity) ?? '',
    startDate: activity.date,
    endDate: endDateOf(activity) ?? undefined,
  };
}

/** A stored claim as the duplicate rule sees it. */
export function matchRecordOfClaim(c: ClaimRow): CreditRecord {
  return {
    id: c.id,
    personId: c.personId,
    channel: c.channel as CreditChannel,
    projectNumber: c.projectNumber ?? undefined,
    role: c.role ?? '',
    startDate: c.activityDate,
    endDate: c.endDate ?? undefined,
  };
}
