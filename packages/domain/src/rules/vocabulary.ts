/** The words of the rules engine's input, shared by the input schema and the policy packs. */
import { z } from 'zod';

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
export const activityTypeSchema = z.enum(activityTypes);
export type ActivityType = z.infer<typeof activityTypeSchema>;

/**
 * The documents a claim's evidence may be (学分录入 with 证明材料): each evidence file says
 * which one it is, and the packs say which ones each activity type needs.
 */
export const evidenceDocumentKinds = [
  /** 学分证书: project name, number, dates and credits. */
  'credit_certificate',
  /** 论文页面或检索报告. */
  'article_or_retrieval',
  /** 结业证书 / 进修合格证. */
  'completion_certificate',
  /** 派出文件. */
  'dispatch_document',
  /** 接收单位考核/鉴定意见. */
  'receiving_unit_evaluation',
  /** 学习平台学分截图. */
  'platform_credit_screenshot',
  /** 规培年度考核成绩 (the year's assessment of residency training). */
  'residency_assessment',
  /** 其他证明材料: a scan the notices do not name more precisely. */
  'supporting_document',
] as const;
export const evidenceDocumentKindSchema = z.enum(evidenceDocumentKinds);
export type EvidenceDocumentKind = z.infer<typeof evidenceDocumentKindSchema>;

export const creditClassSchema = z.enum(['I', 'II']);
export type CreditClass = z.infer<typeof creditClassSchema>;

export const projectLevelSchema = z.enum(['national', 'provincial', 'municipal', 'unit']);
export type ProjectLevel = z.infer<typeof projectLevelSchema>;

export const projectRoleSchema = z.enum(['attendee', 'speaker']);
export const sessionRoleSchema = z.enum(['speaker', 'participant']);
export const journalSchema = z.enum(['foreign', 'core', 'provincial']);
export const researchLevelSchema = z.enum(['national', 'provincial', 'city']);

export const unitLevelSchema = z.enum(['provincial', 'city', 'county', 'township']);
export type UnitLevel = z.infer<typeof unitLevelSchema>;

/** Activity types whose quantity is a number of months (进修, 学历教育, 对口支援). */
export const monthlyActivityTypes = ['further_study', 'degree_study', 'aid_post'] as const;

/** Activity types valued by a count of words or characters, and the field holding it. */
export const writtenWorkFields = {
  book: 'words',
  survey_report: 'words',
  written_review: 'words',
  translation: 'characters',
} as const;
