import {
  bulkResultSchema,
  claimListSchema,
  claimSchema,
  type BulkResult,
  type Claim,
  type ClaimList,
  type CreditChannel,
  type ActivityType,
} from '@jijiao/contracts';
import { request } from './client';

const claimPath = (id: string) => `/api/v1/credits/${encodeURIComponent(id)}`;

/** The queue's filters and sort (as `GET /api/v1/reviews/queue` takes them). */
export interface ReviewQueueFilters {
  type?: ActivityType | undefined;
  channel?: CreditChannel | undefined;
  unitId?: string | undefined;
  year?: number | undefined;
  flagged?: boolean | undefined;
  /** 代审: the claims waiting at bodies below the caller's, instead of at their own. */
  actFor?: boolean | undefined;
  sort: 'submittedAt' | 'activityDate' | 'credits';
  order: 'asc' | 'desc';
}

export function listReviewQueue(
  filters: ReviewQueueFilters & { limit?: number; after?: string | undefined },
): Promise<ClaimList> {
  const { flagged, actFor, ...rest } = filters;
  return request('GET', '/api/v1/reviews/queue', claimListSchema, {
    query: {
      ...rest,
      flagged: flagged === undefined ? undefined : String(flagged),
      actFor: actFor ? 'true' : undefined,
    },
  });
}

export type ReviewDecisionAction = 'approve' | 'return' | 'reject';

/**
 * Approve, return or reject at the caller's level; `version` is the one the reviewer saw;
 * `actFor` when acting for a body below (代审, the server refuses it otherwise).
 */
export function decideClaim(
  id: string,
  action: ReviewDecisionAction,
  body: { version: number; reason?: string | undefined; actFor?: boolean | undefined },
): Promise<Claim> {
  return request('POST', `${claimPath(id)}/${action}`, claimSchema, { body });
}

export function bulkReview(
  action: 'approve' | 'return',
  body: {
    items: { id: string; version: number }[];
    reason?: string | undefined;
    actFor?: boolean | undefined;
  },
): Promise<BulkResult> {
  return request('POST', `/api/v1/reviews/${action}`, bulkResultSchema, { body });
}
