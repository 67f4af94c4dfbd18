import {
  bulkEntryResultSchema,
  creditPreviewSchema,
  staffLookupResultSchema,
  type ActivityInput,
  type BulkEntry,
  type BulkEntryResult,
  type CreditPreview,
  type StaffLookupResult,
} from '@jijiao/contracts';
import { request } from './client';

/** 单位批量录入: one activity for many staff of a unit, all or nothing. */
export function bulkEnterCredits(unitId: string, body: BulkEntry): Promise<BulkEntryResult> {
  return request(
    'POST',
    `/api/v1/units/${encodeURIComponent(unitId)}/credits:bulk`,
    bulkEntryResultSchema,
    { body },
  );
}

/** What the rules give one activity of a person; stores nothing. */
export function previewCredits(activity: ActivityInput, personId: string): Promise<CreditPreview> {
  return request('POST', '/api/v1/credits/preview', creditPreviewSchema, {
    body: { activity, personId },
  });
}

/** Which staff of the unit the ID numbers name (sent in the body; answered masked). */
export function lookupStaff(unitId: string, idNumbers: string[]): Promise<StaffLookupResult> {
  return request(
    'POST',
    `/api/v1/units/${encodeURIComponent(unitId)}/staff:lookup`,
    staffLookupResultSchema,
    { body: { idNumbers } },
  );
}
