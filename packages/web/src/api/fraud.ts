import {
  voidPreviewSchema,
  voidYearResultSchema,
  type VoidPreview,
  type VoidYearResult,
} from '@jijiao/contracts';
import { request } from './client';

/** 作弊处理: the void target, the whole year or one credit of it. */
export interface VoidTarget {
  personId: string;
  year: number;
  claimId?: string | undefined;
}

const yearPath = (target: VoidTarget) =>
  `/api/v1/people/${encodeURIComponent(target.personId)}/years/${String(target.year)}`;

/** What the void would do; changes nothing. */
export function fetchVoidPreview(target: VoidTarget): Promise<VoidPreview> {
  return request('GET', `${yearPath(target)}/void-preview`, voidPreviewSchema, {
    query: { claimId: target.claimId },
  });
}

export function confirmVoid(target: VoidTarget, reason: string): Promise<VoidYearResult> {
  const path =
    target.claimId === undefined
      ? `${yearPath(target)}/void`
      : `/api/v1/credits/${encodeURIComponent(target.claimId)}/void`;
  return request('POST', path, voidYearResultSchema, { body: { reason } });
}
