/** `jijiao rules explain FILE.json`: the same report as `evaluate`, as a Chinese table. */
import type { Command } from 'commander';
import type { YearReport } from '@jijiao/domain';
import { evaluateScenarioFile } from './rules-input';
import { activityTypeLabels, reasonLabels, requirementLabel } from './rules-labels';
import { formatTable } from './text-table';

const yes = (value: boolean): string => (value ? '是' : '否');

/** The report as text: verdict, activities with reasons, requirements with shortfalls. */
export function explainReport(report: YearReport): string {
  const packs = report.packs.map((id) => `${id} ${report.packVersions[id] ?? ''}`).join(' → ');
  const lines = [
    `${report.year}年度学分审验：${report.compliant ? '合格' : '不合格'}`,
    `适用政策包：${packs}`,
    `总学分：${report.totalCredits}`,
    ...Object.entries(report.classCredits).map(([name, credits]) => `${name}类学分：${credits}`),
    '',
  ];
  const activityRows = report.activities.map((a) => [
    a.id,
    activityTypeLabels[a.type],
    String(a.credits),
    String(a.faceCredits),
    a.class ? `${a.class}类` : '—',
    a.reasons.map((r) => reasonLabels[r]).join('；'),
  ]);
  const requirementRows = report.requirements.map((r) => [
    requirementLabel(r.code),
    String(r.required),
    String(r.earned),
    String(r.shortfall),
    yes(r.met),
  ]);
  const extra: string[] = [];
  if (report.fullYear?.met) extra.push(`进修等累计${report.fullYear.months}个月，视为完成全年学分`);
  else if (report.requirements.some((r) => r.waivedBy === 'residency'))
    extra.push('规培年度考核合格，视为完成全年学分');
  if (report.stage && !report.stage.isFinalYear) {
    const { firstYear, lastYear, earned, required } = report.stage;
    extra.push(`${firstYear}–${lastYear}周期国家级项目学分：${earned}/${required}（周期未结束）`);
  }
  if (report.certificateHours !== undefined && report.certificateHours > 0) {
    extra.push(`专业科目培训合格证明：计${report.certificateHours}学时`);
  }
  return [
    ...lines,
    formatTable([['活动', '类型', '计入学分', '原始学分', '类别', '原因'], ...activityRows]),
    formatTable([['要求', '应达', '已获', '差额', '达标'], ...requirementRows]),
    ...extra.map((line) => `${line}\n`),
  ].join('\n');
}

export function registerRulesExplain(rules: Command): void {
  rules
    .command('explain')
    .description("explain one person's credit year as a table (Chinese)")
    .argument('<file>', 'scenario JSON file, or - for standard input')
    .action(async (file: string) => {
      process.stdout.write(explainReport(await evaluateScenarioFile(file)));
    });
}
