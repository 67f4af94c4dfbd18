import type { ImportIssue, ImportReport } from '@jijiao/contracts';
import type { Translate } from '../../i18n/use-t';

/** Issues in the order a person fixes a spreadsheet: by row, then as the columns come. */
export function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => a.issue.row - b.issue.row || a.index - b.index)
    .map(({ issue }) => issue);
}

/** `第 3 行 身份证号：校验位错误` */
export function issueText(t: Translate, issue: ImportIssue): string {
  return t('imports.issue', { row: issue.row, column: issue.column, message: issue.message });
}

export type ReportOutcome = 'invalid' | 'dryRunOk' | 'written';

export function reportOutcome(report: ImportReport): ReportOutcome {
  if (report.issues.length > 0 || (!report.dryRun && !report.written)) return 'invalid';
  return report.dryRun ? 'dryRunOk' : 'written';
}

/** Only .xlsx files go up: the server rejects the rest anyway (unsupported_file). */
export function looksLikeXlsx(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName.trim());
}
