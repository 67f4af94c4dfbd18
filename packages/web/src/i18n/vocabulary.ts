import * as contracts from '@jijiao/contracts';
import type { MessageKey } from './message-key';
import type { Translate } from './use-t';

/** A list of codes the API sends, and where each one's words are. */
export interface Vocabulary<T extends string = string> {
  values: readonly T[];
  key: (value: T) => MessageKey;
}

/**
 * Every `key` is a template over the contract's own list, so a value added there without
 * words in the message tree fails to compile here.
 */
const vocabulary = <T extends string>(
  values: readonly T[],
  key: (value: T) => MessageKey,
): Vocabulary<T> => ({ values, key });

/** The level a unit reports at (ADR 0018); `none` for units outside every level. */
export const unitLevels = ['provincial', 'city', 'county', 'township', 'none'] as const;

/**
 * The one registry of the codes that reach the screen: roles, kinds, statuses, channels,
 * activity types and fields, the rules engine's reasons and requirements, the audit log's
 * actions. A test checks that every list the contracts export is here (or named as never
 * shown) and that every label exists in both languages.
 */
export const vocabularies = {
  role: vocabulary(contracts.roles, (v) => `role.${v}`),
  orgKind: vocabulary(contracts.orgKinds, (v) => `orgKind.${v}`),
  unitType: vocabulary(contracts.unitTypes, (v) => `unitType.${v}`),
  unitLevel: vocabulary(unitLevels, (v) => `unitLevel.${v}`),
  profession: vocabulary(contracts.professions, (v) => `profession.${v}`),
  titleGrade: vocabulary(contracts.titleGrades, (v) => `titleGrade.${v}`),
  transferStatus: vocabulary(contracts.transferStatuses, (v) => `transferStatus.${v}`),
  projectLevel: vocabulary(contracts.projectLevels, (v) => `projectLevel.${v}`),
  projectStatus: vocabulary(contracts.projectStatuses, (v) => `projectStatus.${v}`),
  creditChannel: vocabulary(contracts.creditChannels, (v) => `credits.channel.${v}`),
  claimStatus: vocabulary(contracts.claimStatuses, (v) => `credits.status.${v}`),
  calendarDay: vocabulary(contracts.calendarDayKeys, (v) => `calendar.day.${v}`),
  activityType: vocabulary(contracts.activityTypes, (v) => `credits.type.${v}`),
  activityField: vocabulary(contracts.activityFieldNames, (v) => `credits.field.${v}`),
  projectRole: vocabulary(contracts.projectRoles, (v) => `credits.option.role.${v}`),
  sessionRole: vocabulary(contracts.sessionRoles, (v) => `credits.option.role.${v}`),
  journalKind: vocabulary(contracts.journalKinds, (v) => `credits.option.journal.${v}`),
  researchLevel: vocabulary(contracts.researchLevels, (v) => `credits.option.level.${v}`),
  reviewAction: vocabulary(contracts.reviewActions, (v) => `reviews.action.${v}`),
  valuationReason: vocabulary(contracts.valuationReasons, (v) => `credits.reason.${v}`),
  requirement: vocabulary(contracts.requirementCodes, (v) => `codes.requirement.${v}`),
  requirementWaiver: vocabulary(
    contracts.requirementWaivers,
    (v) => `codes.requirementWaiver.${v}`,
  ),
  policyLevel: vocabulary(contracts.policyLevels, (v) => `rules.levels.${v}`),
  evidenceType: vocabulary(contracts.evidenceContentTypes, (v) => `codes.evidenceType.${v}`),
  evidenceDocumentKind: vocabulary(
    contracts.evidenceDocumentKinds,
    (v) => `evidenceDocuments.kind.${v}`,
  ),
  awardBatchStatus: vocabulary(contracts.awardBatchStatuses, (v) => `awards.status.${v}`),
  awardRole: vocabulary(contracts.awardRoles, (v) => `awards.role.${v}`),
  awardLineSource: vocabulary(contracts.awardLineSources, (v) => `awards.lineSource.${v}`),
  cardStatus: vocabulary(contracts.cardStatuses, (v) => `cards.statusLabel.${v}`),
  cardChannel: vocabulary(contracts.cardChannels, (v) => `cards.channelLabel.${v}`),
  cardOrderStatus: vocabulary(contracts.cardOrderStatuses, (v) => `cards.orders.statusLabel.${v}`),
  swipeResult: vocabulary(contracts.swipeResultCodes, (v) => `kiosk.result.${v}`),
  auditStatus: vocabulary(contracts.auditStatuses, (v) => `audit.status.${v}`),
  unitReportStatus: vocabulary(contracts.unitReportStatuses, (v) => `audit.reportStatus.${v}`),
  earlyAuditStatus: vocabulary(contracts.earlyAuditStatuses, (v) => `audit.reportStatus.${v}`),
  auditRunStatus: vocabulary(contracts.auditRunStatuses, (v) => `codes.auditRunStatus.${v}`),
  jobKind: vocabulary(contracts.jobKinds, (v) => `jobs.kind.${v}`),
  jobStatus: vocabulary(contracts.jobStatuses, (v) => `jobs.status.${v}`),
  hrPushKind: vocabulary(contracts.hrPushKinds, (v) => `codes.hrPushKind.${v}`),
  hrPushStatus: vocabulary(contracts.hrPushStatuses, (v) => `codes.hrPushStatus.${v}`),
  hrPushProblem: vocabulary(contracts.hrPushProblems, (v) => `hrDeliveries.problem.${v}`),
  certificateStatus: vocabulary(contracts.certificateStatuses, (v) => `certRegister.status.${v}`),
  databaseEngine: vocabulary(contracts.databaseEngines, (v) => `dashboard.system.engines.${v}`),
  errorCode: vocabulary(contracts.errorCodes, (v) => `errors.${v}`),
  auditAction: vocabulary(contracts.auditActions, (v) => `auditAction.${v}`),
  auditTarget: vocabulary(contracts.auditTargetTypes, (v) => `auditTarget.${v}`),
  auditDetail: vocabulary(contracts.auditDetailKeys, (v) => `auditDetail.${v}`),
  auditActor: vocabulary(contracts.auditPseudoActors, (v) => `auditActor.${v}`),
  notificationKind: vocabulary(contracts.notificationKinds, (v) => `notifications.kind.${v}`),
  notificationChannel: vocabulary(
    contracts.notificationChannels,
    (v) => `notifications.channel.${v}`,
  ),
  notificationDeliveryStatus: vocabulary(
    contracts.notificationDeliveryStatuses,
    (v) => `notifications.delivery.${v}`,
  ),
} as const;

export type VocabularyName = keyof typeof vocabularies;
export type CodeOf<N extends VocabularyName> =
  (typeof vocabularies)[N] extends Vocabulary<infer T> ? T : never;

/** Lists the contracts export that never reach the screen as such, and why. */
export const notShown: Readonly<Record<string, string>> = {
  permissions: 'access control only; the menu shows what a role may open',
};

/** Whether `code` is one of the vocabulary's values. */
export function isCodeOf<N extends VocabularyName>(name: N, code: unknown): code is CodeOf<N> {
  return (vocabularies[name].values as readonly unknown[]).includes(code);
}

/**
 * The words for a code the API sent; a code this build does not know (a newer server)
 * shows as a dash, never raw.
 */
export function labelOf(t: Translate, name: VocabularyName, code: string): string {
  const entry = vocabularies[name] as Vocabulary;
  return entry.values.includes(code) ? t(entry.key(code)) : '—';
}
