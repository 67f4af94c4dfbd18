import type { ActivityType } from '@jijiao/contracts';
import { parseResidentId } from '@jijiao/domain';
import {
  choice,
  column,
  date,
  decimal,
  fail,
  idNumberText,
  ok,
  text,
  yesNo,
  type CellInput,
  type ParseResult,
} from '../../platform/excel';
import { residentIdMessages } from '../people/person-identity';

/** The activity types of the rules engine (scenario README), as the sheet names them. */
export const activityTypeLabels: Readonly<Record<ActivityType, string>> = {
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

const levelLabels = { national: '国家级', provincial: '省级', municipal: '市级', unit: '单位级' };
const roleLabels = { attendee: '参加', speaker: '主讲' };
const journalLabels = { foreign: '国外期刊', core: '核心期刊', provincial: '省级期刊' };

function residentId(today: string) {
  return (cell: CellInput): ParseResult<string> => {
    const raw = idNumberText(cell);
    if (!raw.ok) return raw;
    if (raw.value.includes('*')) return fail('身份证号已打码，请填写完整号码');
    const parsed = parseResidentId(raw.value, today);
    return parsed.ok ? ok(parsed.value.number) : fail(residentIdMessages[parsed.problem]);
  };
}

/**
 * The credits sheet: one activity per row, in the scenario format's fields. Which columns
 * a row needs depends on its 活动类型 (see `activityFields`); the rules engine checks the rest.
 */
export function creditColumns(today: string) {
  const count = (max: number) => decimal({ min: 1, max, decimals: 0 });
  return {
    idNumber: column({
      header: '身份证号',
      required: true,
      parse: residentId(today),
      isText: true,
      width: 22,
      note: '18 位居民身份证号，人员须已在本单位登记。请保持该列为“文本”格式。',
    }),
    name: column({
      header: '姓名',
      required: true,
      parse: text({ maxLength: 50 }),
      width: 10,
      note: '须与身份证号登记的姓名一致',
    }),
    type: column({ header: '活动类型', required: true, width: 16, ...choice(activityTypeLabels) }),
    date: column({
      header: '日期',
      required: true,
      parse: date,
      width: 12,
      note: '取得学分之日（项目举办日、发表日期；进修等为开始日期；规培为年度考核日期），如 2026-03-01',
    }),
    endDate: column({
      header: '结束日期',
      required: false,
      parse: date,
      width: 12,
      note: '进修、学历教育、对口支援的结束日期（可选）',
    }),
    projectNumber: column({
      header: '项目编号',
      required: false,
      parse: text({ maxLength: 40 }),
      width: 22,
      note: '继续医学教育项目的项目编号，如 2026-01-01-001（国）；同一项目经其他渠道登记过时合并为一条',
    }),
    level: column({
      header: '级别',
      required: false,
      ...choice(levelLabels),
      note: '项目：国家级、省级、市级、单位级；科研项目：国家级、省级、市级',
    }),
    role: column({
      header: '角色',
      required: false,
      ...choice(roleLabels),
      note: '项目、单位学术讲座、病例讨论：参加或主讲',
    }),
    remote: column({ header: '远程', required: false, ...yesNo, note: '项目是否为远程（是/否）' }),
    hours: column({
      header: '学时',
      required: false,
      parse: decimal({ min: 0.5, max: 2000, decimals: 1 }),
      note: '项目、远程/网络课程、有计划自学的学时',
    }),
    credits: column({
      header: '学分',
      required: false,
      parse: decimal({ min: 0.1, max: 100, decimals: 1 }),
      note: '项目证书上的授予学分（市级、单位级项目必填；其余可选）',
    }),
    journal: column({
      header: '期刊类别',
      required: false,
      ...choice(journalLabels),
      note: '发表论文：国外期刊、核心期刊、省级期刊',
    }),
    rank: column({
      header: '排名',
      required: false,
      parse: count(99),
      note: '发表论文的作者排名、科研项目的排名（1 为第一作者/负责人）',
    }),
    words: column({
      header: '字数',
      required: false,
      parse: count(10_000_000),
      note: '出版著作、调研报告、综述的字数；发表译文的字符数',
    }),
    times: column({
      header: '次数',
      required: false,
      parse: count(1000),
      note: '单位学术讲座、病例讨论的次数',
    }),
    months: column({
      header: '月数',
      required: false,
      parse: decimal({ min: 0.5, max: 120, decimals: 1 }),
      note: '进修、学历教育、对口支援的月数',
    }),
    trainingYear: column({
      header: '培训年次',
      required: false,
      parse: count(10),
      note: '规培：本次考核是第几年（1 为第一年）',
    }),
    totalYears: column({
      header: '总年限',
      required: false,
      parse: count(10),
      note: '规培：培训共几年（最后一年须以结业考核合格方可授分）',
    }),
    assessmentPassed: column({
      header: '年度考核合格',
      required: false,
      ...yesNo,
      note: '规培：年度考核是否合格（是/否）；日期填考核日期',
    }),
    remark: column({
      header: '备注',
      required: false,
      parse: text({ maxLength: 200 }),
      width: 24,
      note: '仅供填表人记录，不导入',
    }),
  };
}

export type CreditColumns = ReturnType<typeof creditColumns>;
type Values = Partial<{
  [K in keyof CreditColumns]: ReturnType<CreditColumns[K]['parse']> extends ParseResult<infer T>
    ? T
    : never;
}>;

/** The optional columns each activity type reads; a value elsewhere is a mistake. */
export const activityFields: Readonly<Record<ActivityType, readonly (keyof CreditColumns)[]>> = {
  project: ['projectNumber', 'level', 'role', 'remote', 'hours', 'credits'],
  paper: ['journal', 'rank'],
  research: ['level', 'rank'],
  book: ['words'],
  translation: ['words'],
  survey_report: ['words'],
  written_review: ['words'],
  unit_lecture: ['role', 'times'],
  case_discussion: ['role', 'times'],
  further_study: ['endDate', 'months'],
  degree_study: ['endDate', 'months'],
  aid_post: ['endDate', 'months'],
  online_course: ['hours'],
  self_study: ['hours'],
  residency: ['trainingYear', 'totalYears', 'assessmentPassed'],
};

/** The column of an activity field the rules engine names (`hours` → 学时). */
export const columnOfField: Readonly<Record<string, keyof CreditColumns>> = {
  type: 'type',
  date: 'date',
  startDate: 'date',
  endDate: 'endDate',
  projectNumber: 'projectNumber',
  level: 'level',
  role: 'role',
  remote: 'remote',
  hours: 'hours',
  awardedCredits: 'credits',
  journal: 'journal',
  authorRank: 'rank',
  rank: 'rank',
  words: 'words',
  characters: 'words',
  times: 'times',
  months: 'months',
  trainingYear: 'trainingYear',
  totalYears: 'totalYears',
  assessmentPassed: 'assessmentPassed',
};

/** One row as an activity in the scenario format (only the fields its type reads). */
export function activityOfRow(v: Values & { type: ActivityType; date: string }) {
  const a: Record<string, unknown> = { type: v.type, date: v.date };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) a[key] = value;
  };
  switch (v.type) {
    case 'project':
      set('level', v.level);
      set('role', v.role);
      set('hours', v.hours);
      set('awardedCredits', v.credits);
      set('remote', v.remote);
      set('projectNumber', v.projectNumber);
      break;
    case 'paper':
      set('journal', v.journal);
      set('authorRank', v.rank);
      break;
    case 'research':
      set('level', v.level === 'municipal' ? 'city' : v.level);
      set('rank', v.rank);
      break;
    case 'translation':
      set('characters', v.words);
      break;
    case 'book':
    case 'survey_report':
    case 'written_review':
      set('words', v.words);
      break;
    case 'unit_lecture':
    case 'case_discussion':
      set('role', v.role === 'attendee' ? 'participant' : v.role);
      set('times', v.times);
      break;
    case 'further_study':
    case 'degree_study':
    case 'aid_post':
      set('months', v.months);
      set('startDate', v.date);
      set('endDate', v.endDate);
      break;
    case 'online_course':
    case 'self_study':
      set('hours', v.hours);
      break;
    case 'residency':
      set('trainingYear', v.trainingYear);
      set('totalYears', v.totalYears);
      set('assessmentPassed', v.assessmentPassed);
      break;
  }
  return a;
}
