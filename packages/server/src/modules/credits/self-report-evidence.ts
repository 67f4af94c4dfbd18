import type { ActivityType } from '@jijiao/contracts';
import { checkSelfReportEvidence } from '@jijiao/domain';
import { AppError } from '../../platform/errors/app-error';

/**
 * Refuses to submit a self-report without the evidence its activity needs (the domain's
 * `selfReportEvidenceRequired`), with `evidence_required` and an issue on `evidence`.
 * Drafts may be saved without files; the check is at submission.
 */
export function requireSelfReportEvidence(activityType: ActivityType, attachedFiles: number) {
  const check = checkSelfReportEvidence(activityType, attachedFiles);
  if (check.ok) return;
  throw new AppError(
    'evidence_required',
    `evidence: a self-reported ${activityType} needs at least ${String(check.required)} evidence file(s)`,
    { activityType, required: check.required, attached: check.attached },
    [{ path: 'evidence', message: 'required' }],
  );
}
