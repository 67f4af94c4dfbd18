import ExcelJS from 'exceljs';
import { normaliseCell } from './cell-value';
import type { CellInput, ColumnSpec, RowValues, SheetSpec } from './column-spec';
import { ImportIssues } from './import-issues';
import { readerInput } from './reader-input';
import { checkXlsx, defaultXlsxLimits, type XlsxLimits } from './xlsx-guard';

export interface ReadLimits extends XlsxLimits {
  /** Data rows (not counting the header row). */
  maxRows: number;
  /** Problems listed before the rest are only counted. */
  maxIssues: number;
}

export const defaultReadLimits: ReadLimits = {
  ...defaultXlsxLimits,
  maxRows: 200_000,
  maxIssues: 1000,
};

export interface SheetRow<V> {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  values: V;
}

export interface SheetRead<V> {
  /** The rows without problems; a row with any problem is only in `issues`. */
  rows: SheetRow<V>[];
  /** Non-empty data rows read, valid or not. */
  rowCount: number;
  issues: ImportIssues;
}

/** What exceljs's streaming reader knows but does not type: the workbook's sheet order. */
interface ReaderInternals {
  model?: { sheets?: { id?: number; state?: string }[] };
}

/**
 * The sheetId of the first visible sheet. exceljs gives each worksheet it yields that id
 * once workbook.xml is read, which reader-input.ts guarantees happens first.
 */
function firstSheetId(reader: unknown): string | undefined {
  const sheet = (reader as ReaderInternals).model?.sheets?.find(
    (s) => s.state !== 'hidden' && s.state !== 'veryHidden',
  );
  return sheet?.id === undefined ? undefined : String(sheet.id);
}

/** `*姓名` and ` 姓名 ` both name 姓名: templates elsewhere star their required columns. */
function headerText(value: unknown): string {
  const cell = normaliseCell(value);
  return cell === undefined
    ? ''
    : String(cell)
        .replace(/^[*＊]+|[*＊]+$/g, '')
        .trim();
}

type Placed = [key: string, spec: ColumnSpec, index: number | undefined];

/**
 * Reads the first worksheet of an xlsx upload against `spec`, streaming: row 1 holds the
 * headers (any order; unknown columns ignored), every later non-empty row is parsed, and
 * every problem is collected with its row and header. Refuses unsafe files first (see
 * xlsx-guard.ts).
 */
export async function readSheet<S extends SheetSpec>(
  file: Buffer,
  spec: S,
  limits: Partial<ReadLimits> = {},
): Promise<SheetRead<RowValues<S>>> {
  const rows: SheetRow<RowValues<S>>[] = [];
  const read = await readSheetInChunks(file, spec, limits, {
    chunkRows: Number.POSITIVE_INFINITY,
    onRows: (chunk) => {
      rows.push(...chunk);
      return Promise.resolve();
    },
  });
  return { ...read, rows };
}

/** What has been read so far: rows counted and the problems found. */
export type SheetProgress = Omit<SheetRead<unknown>, 'rows'>;

/**
 * `readSheet` for files too large to hold: hands the valid rows to `onRows` in chunks of
 * `chunkRows` as they are read (the last chunk with the rest), and reads on only once
 * `onRows` has finished, so at most one chunk of parsed rows is held at a time. `onRows`
 * sees the problems found so far; it is not called for an empty chunk.
 */
export async function readSheetInChunks<S extends SheetSpec>(
  file: Buffer,
  spec: S,
  limits: Partial<ReadLimits>,
  options: {
    chunkRows: number;
    onRows: (rows: SheetRow<RowValues<S>>[], read: SheetProgress) => Promise<void>;
  },
): Promise<SheetProgress> {
  const l = { ...defaultReadLimits, ...limits };
  const entries = await checkXlsx(file, l);
  const result: SheetProgress = { rowCount: 0, issues: new ImportIssues(l.maxIssues) };
  let chunk: SheetRow<RowValues<S>>[] = [];
  const handOver = async () => {
    if (chunk.length === 0) return;
    const rows = chunk;
    chunk = [];
    await options.onRows(rows, result);
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(readerInput(file, entries), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date cell from a number cell; hyperlinks then read as their text.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let done = false;
  for await (const worksheet of reader) {
    const id = String((worksheet as unknown as { id: unknown }).id);
    const first = firstSheetId(reader);
    // Other sheets are left unread: the reader drains them.
    if (done || (first !== undefined && id !== first)) continue;
    done = true;
    let placed: Placed[] | undefined;
    // Once the outcome is known the rest is drained, not abandoned, so the reader ends cleanly.
    let stopped = false;
    for await (const row of worksheet) {
      if (stopped) continue;
      if (!placed) {
        placed = placeColumns(spec, row.number === 1 ? row : undefined, result.issues);
        stopped = !placed;
        if (!placed || row.number === 1) continue;
      }
      const cells = placed.map(([, , index]) =>
        index === undefined ? undefined : normaliseCell(row.getCell(index).value),
      );
      if (cells.every((c) => c === undefined)) continue;
      if (++result.rowCount > l.maxRows) {
        result.issues.add(
          row.number,
          '',
          `数据超过 ${l.maxRows} 行的上限；请拆分为多个文件分批导入`,
        );
        stopped = true;
        continue;
      }
      const values = parseRow(row.number, placed, cells, result.issues);
      if (values) chunk.push({ row: row.number, values: values as RowValues<S> });
      if (chunk.length >= options.chunkRows) await handOver();
    }
    if (!placed && !stopped) placeColumns(spec, undefined, result.issues);
  }
  // A workbook without a single worksheet lacks every column.
  if (!done) placeColumns(spec, undefined, result.issues);
  await handOver();
  return result;
}

/** Where each column sits; undefined (and issues) when a required column is missing. */
function placeColumns(
  spec: SheetSpec,
  headerRow: ExcelJS.Row | undefined,
  issues: ImportIssues,
): Placed[] | undefined {
  const byHeader = new Map<string, number>();
  headerRow?.eachCell((cell, index) => {
    const header = headerText(cell.value);
    if (header && !byHeader.has(header)) byHeader.set(header, index);
  });
  const placed = Object.entries(spec).map(([key, col]): Placed => [
    key,
    col,
    byHeader.get(col.header),
  ]);
  const missing = placed.filter(([, col, index]) => col.required && index === undefined);
  for (const [, col] of missing) issues.add(1, col.header, '缺少必填列');
  return missing.length > 0 ? undefined : placed;
}

function parseRow(
  rowNumber: number,
  placed: readonly Placed[],
  cells: readonly (CellInput | undefined)[],
  issues: ImportIssues,
): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  let valid = true;
  for (const [i, [key, col]] of placed.entries()) {
    const cell = cells[i];
    if (cell === undefined) {
      if (col.required) {
        issues.add(rowNumber, col.header, '必填');
        valid = false;
      }
      values[key] = undefined;
      continue;
    }
    const parsed = col.parse(cell);
    if (parsed.ok) values[key] = parsed.value;
    else {
      issues.add(rowNumber, col.header, parsed.message);
      valid = false;
    }
  }
  return valid ? values : undefined;
}
