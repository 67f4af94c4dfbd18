import { describe, expect, it } from 'vitest';
import type { ImportReport } from '@jijiao/contracts';
import { lookupMessage, type MessageKey } from '../../i18n/message-key';
import { enUS } from '../../i18n/en-US';
import { zhCN } from '../../i18n/zh-CN';
import { issueText, looksLikeXlsx, reportOutcome, sortIssues } from './import-issues';

/** The messages as i18next renders them, without a DOM. */
const translator =
  (tree: object) =>
  (key: MessageKey, values: Record<string, string | number> = {}) =>
    (lookupMessage(tree, key) ?? key).replace(/{{(\w+)}}/g, (_m, name: string) =>
      String(values[name]),
    );

const report = (over: Partial<ImportReport>): ImportReport => ({
  dryRun: true,
  written: false,
  rows: 2,
  created: 2,
  updated: 0,
  unchanged: 0,
  issues: [],
  ...over,
});

describe('issueText', () => {
  const issue = { row: 3, column: '身份证号', message: '校验位错误' };

  it('names the row and the column header, as the spreadsheet shows them', () => {
    expect(issueText(translator(zhCN), issue)).toBe('第 3 行 身份证号：校验位错误');
  });

  it('reads in English too', () => {
    expect(issueText(translator(enUS), issue)).toBe('Row 3, 身份证号: 校验位错误');
  });
});

describe('sortIssues', () => {
  it('orders by row and keeps the server order within a row', () => {
    const issues = [
      { row: 5, column: '姓名', message: 'a' },
      { row: 2, column: '身份证号', message: 'b' },
      { row: 5, column: '职称', message: 'c' },
      { row: 2, column: '姓名', message: 'd' },
    ];
    expect(sortIssues(issues).map((i) => i.message)).toEqual(['b', 'd', 'a', 'c']);
    expect(issues[0]!.message).toBe('a'); // not sorted in place
  });
});

describe('reportOutcome', () => {
  it.each<[string, ImportReport, ReturnType<typeof reportOutcome>]>([
    ['a clean dry run', report({ dryRun: true }), 'dryRunOk'],
    ['a written import', report({ dryRun: false, written: true }), 'written'],
    [
      'a file with issues',
      report({ issues: [{ row: 2, column: '身份证号', message: '校验位错误' }] }),
      'invalid',
    ],
    ['an import that wrote nothing', report({ dryRun: false, written: false }), 'invalid'],
  ])('%s → %s', (_label, r, expected) => {
    expect(reportOutcome(r)).toBe(expected);
  });
});

describe('looksLikeXlsx', () => {
  it.each([
    ['人员.xlsx', true],
    ['STAFF.XLSX', true],
    ['staff.xls', false],
    ['staff.csv', false],
    ['staff.xlsx.exe', false],
  ])('%s → %s', (name, expected) => {
    expect(looksLikeXlsx(name)).toBe(expected);
  });
});
