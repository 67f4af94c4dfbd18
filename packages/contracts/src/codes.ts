/**
 * The codes the API sends, as plain lists: no zod here. A page that only labels codes
 * (a status tag, a reason) imports these without the schemas of the module that uses them,
 * so it loads one small module instead of a dozen (ADR 0022). Each schema module builds its
 * `z.enum` from the list here; the package's index exports both.
 */

// orgs
export const orgKinds = [
  'province',
  'city',
  'district',
  'unit',
  'association',
  'cme_office',
  'host',
  'platform',
  'hr_platform',
] as const;

/** What kind of health unit a `unit` is. */
export const unitTypes = [
  'hospital',
  'tcm_hospital',
  'community_health_centre',
  'township_health_centre',
  'maternal_child_health',
  'cdc',
  'clinic',
  'other',
] as const;

// people
export const professions = ['physician', 'nurse', 'pharmacist', 'technician', 'other'] as const;

export const titleGrades = ['junior', 'intermediate', 'associate_senior', 'senior'] as const;

export const transferStatuses = ['pending', 'accepted', 'rejected', 'cancelled'] as const;

// projects
export const projectLevels = ['national', 'provincial', 'municipal', 'unit'] as const;

export const projectStatuses = ['draft', 'filed', 'finished', 'cancelled'] as const;

// credits
/** How a credit arrived; the order is the authority used when duplicates merge. Mirrors the domain. */
export const creditChannels = [
  'host_award',
  'platform_push',
  'card_check_in',
  'spreadsheet_import',
  'unit_bulk_entry',
  'self_report',
] as const;

export const claimStatuses = [
  'draft',
  'submitted',
  'returned',
  'rejected',
  'effective',
  'voided',
] as const;

/** Mirrors the domain's activity types (the scenario README). */
export const activityTypes = [
  'project',
  'paper',
  'research',
  'book',
  'translation',
  'survey_report',
  'written_review',
  'unit_lecture',
  'case_discussion',
  'further_study',
  'degree_study',
  'aid_post',
  'online_course',
  'self_study',
  'residency',
] as const;

export const reviewActions = ['submit', 'resubmit', 'approve', 'return', 'reject', 'void'] as const;

/** The documents an evidence file may be (mirrors domain `evidenceDocumentKinds`). */
export const evidenceDocumentKinds = [
  'credit_certificate',
  'article_or_retrieval',
  'completion_certificate',
  'dispatch_document',
  'receiving_unit_evaluation',
  'platform_credit_screenshot',
  'residency_assessment',
  'supporting_document',
] as const;

// evidence
/** Evidence file types accepted, by what their bytes are (never by name or declared type). */
export const evidenceContentTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;

// awards
export const awardBatchStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;

export const awardRoles = ['attendee', 'speaker'] as const;

export const awardLineSources = ['hand', 'roster', 'attendance'] as const;

// cards
export const cardStatuses = ['blank', 'active', 'lost'] as const;

export const cardChannels = ['order', 'purchase', 'reissue'] as const;

export const cardOrderStatuses = ['pending', 'fulfilled', 'cancelled'] as const;

// checkins
export const swipeResultCodes = [
  'accepted',
  'already_checked_in',
  'unknown_card',
  'lost_card',
  'not_registered',
  'invalid_qr',
  'unknown_session',
] as const;

// audit
/** The annual audit (学分审验): open → filed. */
export const auditStatuses = ['open', 'filed'] as const;

/** A unit's report: pending → confirmed → reported (walking the chain) → approved → filed. */
export const unitReportStatuses = [
  'pending',
  'confirmed',
  'reported',
  'returned',
  'approved',
  'filed',
] as const;

export const earlyAuditStatuses = ['reported', 'returned', 'approved'] as const;

export const auditRunStatuses = ['running', 'succeeded', 'failed'] as const;

// jobs
/** What a background job does. Each kind has one handler in the server. */
export const jobKinds = [
  'people_import',
  'projects_import',
  'credits_import',
  'certificate_pdfs',
] as const;

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;

// hr-push
export const hrPushKinds = ['audit_filed', 'certificate_revoked', 'credits_voided'] as const;

export const hrPushStatuses = ['pending', 'delivered', 'failed'] as const;

/** Why the last attempt failed, in words a screen can label (the raw text is `lastError`). */
export const hrPushProblems = ['no_receiver', 'receiver_status', 'unreachable'] as const;

// certificates
export const certificateStatuses = ['valid', 'revoked'] as const;

// dashboards
export const databaseEngines = ['pglite', 'postgres'] as const;

// notifications (ADR 0038)
/** What a notification is about; each has a zh-CN and en-US template (in-app and outbound). */
export const notificationKinds = [
  'claim_returned',
  'claim_approved',
  'award_batch_returned',
  'audit_returned',
  'transfer_waiting',
  'certificate_issued',
  'certificate_revoked',
  'deadline_approaching',
  'reminder_learner_behind',
  'reminder_unit_staff_behind',
  'reminder_unit_audit_due',
  'reminder_reviews_waiting',
  'reminder_host_unreported',
] as const;

/** The ways a notification leaves the app (the in-app one always exists). */
export const notificationChannels = ['email', 'sms', 'wechat'] as const;

export const notificationDeliveryStatuses = ['pending', 'delivered', 'failed', 'skipped'] as const;
