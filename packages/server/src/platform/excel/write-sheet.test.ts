import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { collect } from '../../../test/xlsx-files';
import { choice, date, decimal, idNumberText, text, yesNo } from './cell-parsers';
import { column } from './column-spec';
import { readSheet } from './read-sheet';
import { writeSheet, writeTemplate } from './write-sheet';

const spec = {
  name: column({ header: '姓名', required: true, parse: text({ maxLength: 50 }) }),
  idNumber: column({
    header: '身份证号',
    required: true,
    parse: idNumberText,
    isText: true,
    width: 22,
    note: '18 位居民身份证号',
  }),
  grade: column({
    header: '职称级别',
    required: true,
    ...choice({ junior: '初级', senior: '正高级' }),
  }),
  since: column({ header: '入职日期', required: false, parse: date }),
  tcm: column({ header: '中医', required: false, ...yesNo }),
};

async function load(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type (an ArrayBuffer): hand it exactly the bytes.
  await workbook.xlsx.load(
    file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  );
  return workbook;
}

describe('writeTemplate', () => {
  it('writes the header row, text-formatted ID column, drop-downs and a 说明 sheet', async () => {
    const file = await collect((stream) =>
      writeTemplate(spec, stream, { sheetName: '人员', notes: ['单位可不填。'] }),
    );
    const workbook = await load(file);
    const sheet = workbook.getWorksheet('人员')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '姓名',
      '身份证号',
      '职称级别',
      '入职日期',
      '中医',
    ]);
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getCell('A1').font.bold).toBe(true);
    expect(sheet.getCell('A1').font.color?.argb).toBe('FFC00000');
    expect(sheet.getCell('D1').font.color).toBeUndefined();
    expect(sheet.getColumn(2).numFmt).toBe('@');
    expect(sheet.getColumn(2).width).toBe(22);
    expect(sheet.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"初级,正高级"'],
    });
    expect(sheet.getCell('E5').dataValidation).toMatchObject({
      allowBlank: true,
      formulae: ['"是,否"'],
    });

    const guide = workbook.getWorksheet('说明')!;
    expect(guide.getRow(1).values).toEqual([undefined, '列名', '是否必填', '填写说明']);
    expect(guide.getRow(3).values).toEqual([undefined, '身份证号', '必填', '18 位居民身份证号']);
    expect(guide.getRow(4).values).toEqual([undefined, '职称级别', '必填', '可填：初级、正高级']);
    expect(guide.getRow(6).values).toEqual([
      undefined,
      '中医',
      '选填',
      '可填：是、否（不填视为否）',
    ]);
    const notes = guide.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(notes).toContain('单位可不填。');

    const read = await readSheet(file, spec);
    expect([read.rows, read.rowCount, read.issues.toArray()]).toEqual([[], 0, []]);
  });
});

describe('writeSheet', () => {
  it('streams rows with labels for codes, and reads back as it was written', async () => {
    function* rows() {
      yield {
        name: '张三',
        idNumber: '11010519491231002X',
        grade: 'senior' as const,
        since: '2020-09-01',
        tcm: true,
      };
      yield { name: '李四', idNumber: '110105491231002', grade: 'junior' as const };
    }
    const file = await collect((stream) => writeSheet(spec, rows(), stream, { sheetName: '人员' }));
    const sheet = (await load(file)).getWorksheet('人员')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '张三',
      '11010519491231002X',
      '正高级',
      '2020-09-01',
      '是',
    ]);
    expect(sheet.getCell('B3').numFmt).toBe('@');
    expect(sheet.getCell('B3').value).toBe('110105491231002');

    const read = await readSheet(file, spec);
    expect(read.issues.toArray()).toEqual([]);
    expect(read.rows).toEqual([
      {
        row: 2,
        values: {
          name: '张三',
          idNumber: '11010519491231002X',
          grade: 'senior',
          since: '2020-09-01',
          tcm: true,
        },
      },
      {
        row: 3,
        values: {
          name: '李四',
          idNumber: '110105491231002',
          grade: 'junior',
          since: undefined,
          tcm: undefined,
        },
      },
    ]);
  });

  // Finding 6: text starting like a formula came back verbatim (live once edited or saved as CSV).
  it('writes formula-leading text behind a single quote and numbers as numbers (OWASP)', async () => {
    const sheetSpec = {
      note: column({ header: '备注', required: false, parse: text({ maxLength: 200 }) }),
      hours: column({
        header: '学分',
        required: false,
        parse: decimal({ min: -10, max: 10, decimals: 1 }),
      }),
    };
    const notes = [
      '=HYPERLINK("http://evil.example","点我")',
      '+1+cmd|calc',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1+1',
      '\r=1+1',
      '普通文字 = 不算公式',
    ];
    const file = await collect((stream) =>
      writeSheet(
        sheetSpec,
        notes.map((note, i) => ({ note, hours: i === 0 ? -1.5 : undefined })),
        stream,
        { sheetName: '导出' },
      ),
    );
    const sheet = (await load(file)).getWorksheet('导出')!;
    const written = notes.map((_n, i) => sheet.getCell(`A${String(i + 2)}`).value);
    expect(written).toEqual([
      '\'=HYPERLINK("http://evil.example","点我")',
      "'+1+cmd|calc",
      "'-2+3",
      "'@SUM(A1:A2)",
      "'\t=1+1",
      // XML reads a carriage return back as a line feed; the quote is what counts.
      "'\n=1+1",
      '普通文字 = 不算公式',
    ]);
    expect(sheet.getCell('B2').value).toBe(-1.5);
    expect(sheet.getCell('A2').formula).toBeUndefined();
  });
});
