import { describe, expect, it } from 'vitest';
import {
  buildExcelJsXlsx,
  buildRawXlsx,
  collect,
  rawCell,
  rawSheetXml,
} from '../../../test/xlsx-files';
import { date, decimal, idNumberText, lostDigitsMessage, text, yesNo } from './cell-parsers';
import { column } from './column-spec';
import { readSheet } from './read-sheet';
import { writeSheet } from './write-sheet';

const spec = {
  name: column({ header: '姓名', required: true, parse: text({ maxLength: 50 }) }),
  idNumber: column({ header: '身份证号', required: true, parse: idNumberText, isText: true }),
  startDate: column({ header: '开始日期', required: false, parse: date }),
  hours: column({
    header: '学时',
    required: false,
    parse: decimal({ min: 0, max: 100, decimals: 1 }),
  }),
  tcm: column({ header: '中医', required: false, ...yesNo }),
};

async function read(file: Buffer, limits = {}) {
  const result = await readSheet(file, spec, limits);
  return { rows: result.rows, rowCount: result.rowCount, issues: result.issues.toArray() };
}

describe('readSheet on files written by exceljs', () => {
  it('matches headers in any order, ignores unknown columns, skips empty rows', async () => {
    const file = await buildExcelJsXlsx([
      ['备注', ' 身份证号 ', '学时', '*姓名', '开始日期'],
      ['x', '11010519491231002x', 2.5, '张三', new Date(Date.UTC(2026, 2, 1))],
      [],
      [null, '', null, '  ', null],
      [
        'y',
        { richText: [{ text: '110105' }, { text: '491231002' }] },
        '3',
        { formula: '"李"&"四"', result: '李四' },
        '2026/3/2',
      ],
    ]);
    expect(await read(file)).toEqual({
      rowCount: 2,
      issues: [],
      rows: [
        {
          row: 2,
          values: {
            name: '张三',
            idNumber: '11010519491231002X',
            startDate: '2026-03-01',
            hours: 2.5,
            tcm: undefined,
          },
        },
        {
          row: 5,
          values: {
            name: '李四',
            idNumber: '110105491231002',
            startDate: '2026-03-02',
            hours: 3,
            tcm: undefined,
          },
        },
      ],
    });
  });

  it('collects every problem of every row, by row and header', async () => {
    const file = await buildExcelJsXlsx([
      ['姓名', '身份证号', '开始日期', '学时', '中医'],
      ['张三', '11010519491231002X', '2026-02-30', 'abc', '是'],
      ['', '11010519491231002X', null, null, '也许'],
      ['王五', 110105194912310020, null, null, null],
    ]);
    const { rows, rowCount, issues } = await read(file);
    expect(rows).toEqual([]);
    expect(rowCount).toBe(3);
    expect(issues).toEqual([
      { row: 2, column: '开始日期', message: '不是有效日期（应如 2026-03-01）' },
      { row: 2, column: '学时', message: '应为数字' },
      { row: 3, column: '姓名', message: '必填' },
      { row: 3, column: '中医', message: '应为“是”或“否”' },
      { row: 4, column: '身份证号', message: lostDigitsMessage },
    ]);
  });

  it('reads a 15-digit legacy ID in a number cell exactly, and a hyperlink as its text', async () => {
    const file = await buildExcelJsXlsx(
      [
        ['姓名', '身份证号'],
        [{ text: '赵六', hyperlink: 'https://example.cn/' }, 110105491231002],
      ],
      (sheet) => {
        sheet.getCell('B2').numFmt = '0';
      },
    );
    expect((await read(file)).rows).toEqual([
      {
        row: 2,
        values: {
          name: '赵六',
          idNumber: '110105491231002',
          startDate: undefined,
          hours: undefined,
          tcm: undefined,
        },
      },
    ]);
  });

  it('reports each missing required column once, on row 1, and reads no rows', async () => {
    const file = await buildExcelJsXlsx([
      ['学时', '开始日期'],
      [2, '2026-03-01'],
    ]);
    expect(await read(file)).toEqual({
      rowCount: 0,
      rows: [],
      issues: [
        { row: 1, column: '姓名', message: '缺少必填列' },
        { row: 1, column: '身份证号', message: '缺少必填列' },
      ],
    });
  });

  it('treats an empty first row as missing headers', async () => {
    const file = await buildExcelJsXlsx([[], ['姓名', '身份证号']]);
    expect((await read(file)).issues.map((i) => i.message)).toEqual(['缺少必填列', '缺少必填列']);
  });

  it('stops at the row limit with one issue', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => [`人${i}`, '11010519491231002X']);
    const { issues, rowCount } = await read(
      await buildExcelJsXlsx([['姓名', '身份证号'], ...rows]),
      {
        maxRows: 4,
      },
    );
    expect(rowCount).toBe(5);
    expect(issues).toEqual([
      { row: 6, column: '', message: '数据超过 4 行的上限；请拆分为多个文件分批导入' },
    ]);
  });

  it('lists the first problems and counts the rest', async () => {
    const rows = Array.from({ length: 5 }, () => ['', '']);
    rows.forEach((r, i) => (r[0] = i % 2 ? 'x' : ''));
    const { issues } = await read(
      await buildExcelJsXlsx([['姓名', '身份证号', '学时'], ...rows.map((r) => [...r, 'n'])]),
      {
        maxIssues: 3,
      },
    );
    expect(issues).toHaveLength(4);
    expect(issues.at(-1)?.message).toMatch(/^另有 \d+ 处问题未列出/);
  });
});

describe('readSheet on hand-built files', () => {
  const header = [rawCell.inline('姓名'), rawCell.inline('身份证号'), rawCell.inline('开始日期')];

  it('reads inline strings without a shared-string table (as LibreOffice and WPS write)', async () => {
    const file = buildRawXlsx({
      sheets: [
        rawSheetXml([
          header,
          [rawCell.inline('张三'), rawCell.inline('11010519491231002X'), rawCell.date(46082)],
          [rawCell.inline('李四'), rawCell.number(110105491231002), rawCell.number(46083)],
          [rawCell.inline('王五'), rawCell.number('1.10105194912310E+17'), null],
        ]),
      ],
    });
    const { rows, issues } = await read(file);
    expect(rows.map((r) => [r.row, r.values.name, r.values.idNumber, r.values.startDate])).toEqual([
      [2, '张三', '11010519491231002X', '2026-03-01'],
      [3, '李四', '110105491231002', '2026-03-02'],
    ]);
    expect(issues).toEqual([{ row: 4, column: '身份证号', message: lostDigitsMessage }]);
  });

  it.each([false, true])('reads shared strings (table first: %s)', async (sharedStringsFirst) => {
    const file = buildRawXlsx({
      sharedStrings: ['姓名', '身份证号', '张三', '11010519491231002X'],
      sharedStringsFirst,
      sheets: [
        rawSheetXml([
          [rawCell.shared(0), rawCell.shared(1)],
          [rawCell.shared(2), rawCell.shared(3)],
        ]),
      ],
    });
    expect((await read(file)).rows.map((r) => r.values.idNumber)).toEqual(['11010519491231002X']);
  });

  it('keeps Chinese text intact across a large shared-string table', async () => {
    const names = Array.from(
      { length: 6000 },
      (_, i) => `欧阳${'张王李赵'.repeat(1 + (i % 3))}${i}`,
    );
    const file = buildRawXlsx({
      sharedStrings: ['姓名', '身份证号', '11010519491231002X', ...names],
      sheets: [
        rawSheetXml([
          [rawCell.shared(0), rawCell.shared(1)],
          ...names.map((_, i) => [rawCell.shared(3 + i), rawCell.shared(2)]),
        ]),
      ],
    });
    const read = await readSheet(file, spec);
    expect(read.rows.map((r) => r.values.name)).toEqual(names);
  });

  it('reads the first sheet of the workbook, whichever part holds it', async () => {
    const first = rawSheetXml([
      header.slice(0, 2),
      [rawCell.inline('第一张'), rawCell.inline('11010519491231002X')],
    ]);
    const second = rawSheetXml([
      header.slice(0, 2),
      [rawCell.inline('第二张'), rawCell.inline('11010519491231002X')],
    ]);
    const file = buildRawXlsx({ sheets: [first, second], partNumbers: [2, 1] });
    expect((await read(file)).rows.map((r) => r.values.name)).toEqual(['第一张']);
  });
});

describe('readSheet at scale', () => {
  // Speed and memory are measured in bench/excel-import.mjs; this checks that a file of the
  // size the issue names streams through completely.
  it('reads a 100 000-row workbook written by the streaming writer', async () => {
    const rows = function* () {
      for (let i = 0; i < 100_000; i++)
        yield { name: `人${i}`, idNumber: '11010519491231002X', hours: i % 50, tcm: i % 2 === 0 };
    };
    const file = await collect((stream) => writeSheet(spec, rows(), stream, { sheetName: '人员' }));
    const result = await readSheet(file, spec);
    expect(result.issues.toArray()).toEqual([]);
    expect(result.rowCount).toBe(100_000);
    // Every Chinese character intact, wherever the inflated chunks happened to split.
    expect(result.rows.filter((r, i) => r.values.name !== `人${i}`)).toEqual([]);
    expect(result.rows.at(-1)).toEqual({
      row: 100_001,
      values: {
        name: '人99999',
        idNumber: '11010519491231002X',
        startDate: undefined,
        hours: 49,
        tcm: false,
      },
    });
  });
});
