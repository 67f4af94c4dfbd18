import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnSpec, ExportCell, RowValues, SheetSpec } from './column-spec';

export type ExportRow<S extends SheetSpec> = Partial<RowValues<S>>;

/** Rows a drop-down covers in a template: the import limit and a little more. */
const lastTemplateRow = 200_001;

/** The streaming writer supports drop-downs; its typings only declare them on Worksheet's model. */
interface SheetValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** What a spreadsheet may read as the start of a formula (OWASP, CSV injection). */
const formulaLead = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet would run as a formula once the cell is edited or the sheet is
 * saved as CSV (`=HYPERLINK(…)`, `+1+cmd|…`, `@SUM(…)`) is written with a leading single
 * quote, OWASP's rule; numbers, dates and booleans are written as they are.
 */
export function neutraliseFormula(value: ExportCell): ExportCell {
  return typeof value === 'string' && formulaLead.test(value) ? `'${value}` : value;
}

function exportCell(col: ColumnSpec, value: unknown): ExportCell {
  if (value === undefined || value === null) return null;
  return neutraliseFormula(col.format ? col.format(value) : (value as ExportCell));
}

function startWorkbook(stream: Writable) {
  // Inline strings and no shared-string table: memory stays flat however many rows.
  return new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
}

function addDataSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
  sheetName: string,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const entries = Object.entries(spec);
  sheet.columns = entries.map(([key, col]) => ({
    header: col.header,
    key,
    width: col.width ?? Math.max(10, col.header.length * 2 + 4),
    // Text format keeps 18-digit IDs and leading zeros as typed in cells added later.
    style: col.isText ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  entries.forEach(([, col], i) => {
    // Required headers in dark red, as the 说明 sheet explains.
    header.getCell(i + 1).font = {
      bold: true,
      ...(col.required ? { color: { argb: 'FFC00000' } } : {}),
    };
  });
  header.commit();
  return sheet;
}

/**
 * Streams rows into a one-sheet workbook: bold header row, frozen, ID columns as text.
 * Resolves once the whole file has been written to `stream` (which it ends).
 */
export async function writeSheet<S extends SheetSpec>(
  spec: S,
  rows: AsyncIterable<ExportRow<S>> | Iterable<ExportRow<S>>,
  stream: Writable,
  options: { sheetName: string },
): Promise<void> {
  const workbook = startWorkbook(stream);
  const sheet = addDataSheet(workbook, spec, options.sheetName);
  const entries = Object.entries(spec);
  for await (const row of rows) {
    const values: Record<string, ExportCell> = {};
    for (const [key, col] of entries)
      values[key] = exportCell(col, (row as Record<string, unknown>)[key]);
    sheet.addRow(values).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * An empty import template: the header row (drop-downs where values are fixed), and a
 * second sheet 说明 describing each column. No example row: it would be imported.
 */
export async function writeTemplate(
  spec: SheetSpec,
  stream: Writable,
  options: { sheetName: string; notes?: readonly string[] },
): Promise<void> {
  const workbook = startWorkbook(stream);
  const sheet = addDataSheet(workbook, spec, options.sheetName);
  Object.values(spec).forEach((col, i) => {
    if (!col.allowedValues) return;
    const letter = columnLetter(i + 1);
    (sheet as unknown as SheetValidations).dataValidations.add(
      `${letter}2:${letter}${lastTemplateRow}`,
      {
        type: 'list',
        allowBlank: !col.required,
        formulae: [`"${col.allowedValues.join(',')}"`],
        showErrorMessage: true,
        errorTitle: col.header,
        error: `请从下拉列表中选择：${col.allowedValues.join('、')}`,
      },
    );
  });
  sheet.commit();

  const guide = workbook.addWorksheet('说明');
  guide.columns = [
    { header: '列名', key: 'header', width: 16 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'note', width: 70 },
  ];
  guide.getRow(1).font = { bold: true };
  guide.getRow(1).commit();
  for (const col of Object.values(spec)) {
    guide
      .addRow({
        header: col.header,
        required: col.required ? '必填' : '选填',
        note: col.note ?? '',
      })
      .commit();
  }
  guide.addRow({}).commit();
  const notes = [
    `数据填写在“${options.sheetName}”工作表，第 1 行为表头，请勿改动表头文字；红色表头为必填列。`,
    '每行一条记录；空行会被跳过。导入时先校验全部行，有任何错误则不写入任何数据。',
    ...(options.notes ?? []),
  ];
  for (const note of notes) guide.addRow({ header: note }).commit();
  guide.commit();
  await workbook.commit();
}

/**
 * A workbook as a readable stream, for an HTTP answer or a file. A failure half-way (the
 * database gone, say) destroys the stream, so the download breaks instead of ending short.
 */
export function workbookStream(write: (stream: Writable) => Promise<void>): Readable {
  const stream = new PassThrough();
  write(stream).catch((error: unknown) => {
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return stream;
}
