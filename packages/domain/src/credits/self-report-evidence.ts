import type { ActivityType } from '../rules/vocabulary';

/**
 * Which self-reported activities must carry evidence before they are submitted.
 *
 * The channel "self-report with evidence" covers projects attended elsewhere, paper
 * certificates, papers, research, writing, further study, degree study and counterpart
 * support: the person uploads a scan and the unit reviews it (domain.md, Hunan notice
 * §2(2)–(3), Jinjiang guide). The unit's own lectures and case discussions are decided from
 * the unit's records, online courses arrive from the platforms, and planned self-study is
 * checked against the unit's plan: those may be reported without a file.
 */
export const selfReportEvidenceRequired: Readonly<Record<ActivityType, boolean>> = {
  project: true,
  paper: true,
  research: true,
  book: true,
  translation: true,
  survey_report: true,
  written_review: true,
  further_study: true,
  degree_study: true,
  aid_post: true,
  residency: true,
  unit_lecture: false,
  case_discussion: false,
  online_course: false,
  self_study: false,
};

/** The least number of evidence files a self-report that needs evidence carries. */
export const selfReportEvidenceMinFiles = 1;

export type SelfReportEvidenceCheck =
  { ok: true } | { ok: false; activityType: ActivityType; required: number; attached: number };

/** Whether a self-report of this type with this many files may be submitted. */
export function checkSelfReportEvidence(
  activityType: ActivityType,
  attachedFiles: number,
): SelfReportEvidenceCheck {
  if (!selfReportEvidenceRequired[activityType] || attachedFiles >= selfReportEvidenceMinFiles)
    return { ok: true };
  return {
    ok: false,
    activityType,
    required: selfReportEvidenceMinFiles,
    attached: attachedFiles,
  };
}
