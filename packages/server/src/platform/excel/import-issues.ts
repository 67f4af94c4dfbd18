import type { ImportIssue } from '@jijiao/contracts';

/**
 * Every problem of an import file, by row and column header. A file where every one of
 * 200 000 rows is wrong would make an answer of megabytes, so past `max` problems are only
 * counted, and one closing issue says how many more there are.
 */
export class ImportIssues {
  private readonly kept: ImportIssue[] = [];
  private unlisted = 0;
  private firstUnlistedRow = 0;

  constructor(private readonly max = 1000) {}

  add(row: number, column: string, message: string): void {
    if (this.kept.length < this.max) {
      this.kept.push({ row, column, message });
      return;
    }
    if (this.unlisted === 0) this.firstUnlistedRow = row;
    this.unlisted++;
  }

  addAll(issues: Iterable<ImportIssue>): void {
    for (const i of issues) this.add(i.row, i.column, i.message);
  }

  get count(): number {
    return this.kept.length + this.unlisted;
  }

  /** In row order (stable, so a row's problems keep their column order). */
  toArray(): ImportIssue[] {
    const sorted = [...this.kept].sort((a, b) => a.row - b.row);
    if (this.unlisted > 0) {
      sorted.push({
        row: this.firstUnlistedRow,
        column: '',
        message: `另有 ${this.unlisted} 处问题未列出；请先改正以上问题后重新导入`,
      });
    }
    return sorted;
  }
}

/** `第 3 行 身份证号：校验位错误`, the form the CLI prints and the UI shows. */
export function describeIssue(issue: ImportIssue): string {
  return issue.column
    ? `第 ${issue.row} 行 ${issue.column}：${issue.message}`
    : `第 ${issue.row} 行：${issue.message}`;
}
