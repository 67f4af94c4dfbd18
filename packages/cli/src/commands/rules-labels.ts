/** Chinese words for the report's codes, as the glossary (../shared/docs/domain.md) has them. */
import type { ActivityType, ReasonCode } from '@jijiao/domain';

export const activityTypeLabels: Record<ActivityType, string> = {
  project: '继续医学教育项目',
  paper: '发表论文',
  research: '科研项目',
  book: '出版著作',
  translation: '发表译文',
  survey_report: '调研报告',
  written_review: '综述',
  unit_lecture: '单位学术讲座',
  case_discussion: '病例讨论/查房',
  further_study: '进修',
  degree_study: '学历教育',
  aid_post: '对口支援',
  online_course: '远程/网络课程',
  self_study: '有计划自学',
  residency: '住院医师规范化培训（规培）',
};

export const reasonLabels: Record<ReasonCode, string> = {
  capped_per_project: '超过单个项目上限',
  capped_per_year: '超过年度上限',
  not_recognised_out_of_province: '外省项目不予认可',
  outside_year: '不属于本年度',
  below_unit: '不足一个计分单位的部分不计',
  rank_not_credited: '排名不在授分范围内',
  not_valued_by_policy: '现行政策不授予学分',
  residency_assessment_failed: '规培年度考核未合格，不授学分',
  project_not_filed: '未在备案项目中查到，不授学分',
};

const requirementLabels: Record<string, string> = {
  annual_total: '年度总学分',
  class_I_minimum: 'I类学分',
  class_II_minimum: 'II类学分',
  stage_national_projects: '五年周期国家级项目学分',
};

export function requirementLabel(code: string): string {
  return requirementLabels[code] ?? code;
}
