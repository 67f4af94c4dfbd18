/**
 * Which documents a claim of each activity type must carry, as the Jinjiang guide asks them
 * at 学分录入 (seed 004, 学分录入注意事项 (一)–(九)). The national packs carry this table,
 * so every place starts from it; an overlay replaces the list of one type by naming it.
 * Types the guide does not name keep one supporting document (the self-report channel,
 * domain digest), or none where the unit's own records decide (lectures, case discussions,
 * planned self-study).
 */
import type { EvidenceRules } from '../src/rules/policy-schema';
import { sources } from './sources';

const guide = sources.seed004.id;
const digest = sources.domainDigest.id;
const supporting = (): EvidenceRules['research'] => ({
  documents: ['supporting_document'],
  source: digest,
});
const none = (): EvidenceRules['self_study'] => ({ documents: [], source: digest });

export const evidenceDocuments: EvidenceRules = {
  // (二)–(五): 上传学分原件证明, 学分应包括项目全称、项目编号、举办起止时间、所授学分.
  project: { documents: ['credit_certificate'], source: guide },
  // The article's page or a retrieval report (检索报告), as units ask for papers.
  paper: { documents: ['article_or_retrieval'], source: digest },
  research: supporting(),
  book: supporting(),
  translation: supporting(),
  survey_report: supporting(),
  written_review: supporting(),
  unit_lecture: none(),
  case_discussion: none(),
  // (八): 录入学分时，需要上传进修合格证作为凭证.
  further_study: { documents: ['completion_certificate'], source: guide },
  degree_study: supporting(),
  // (六): 需上传相关派遣文件及支援单位对派遣人的考核评价证明.
  aid_post: { documents: ['dispatch_document', 'receiving_unit_evaluation'], source: guide },
  // 锦江区医学会Ⅱ类学分 (a platform without push): 上传学习平台学分证明截图.
  online_course: { documents: ['platform_credit_screenshot'], source: guide },
  // (七): 规培…以每年的年度考核成绩作为授分凭证，最后一年要以最后考核成绩合格才可授分.
  residency: { documents: ['residency_assessment'], source: guide },
  self_study: none(),
};
