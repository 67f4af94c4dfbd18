import { fail, ok, type CellInput, type ExportCell, type ParseResult } from './column-spec';

/**
 * Parsers for the cell types imports share. Messages are Chinese and short: the UI and the
 * CLI print them as `第 3 行 身份证号：<message>`.
 */

export const lostDigitsMessage =
  '身份证号在表格中被存为数字，已丢失末尾数字；请将该列设置为“文本”格式后重新填写';

export function text(options: { maxLength: number; minLength?: number }) {
  return (cell: CellInput): ParseResult<string> => {
    if (typeof cell === 'boolean' || cell instanceof Date) return fail('应为文字');
    const value = String(cell);
    if (value.length > options.maxLength) return fail(`不能超过 ${options.maxLength} 个字`);
    if (value.length < (options.minLength ?? 1)) return fail(`至少 ${options.minLength ?? 1} 个字`);
    return ok(value);
  };
}

/**
 * An identity number as text. A number-typed cell is exact only up to 15 digits (Excel
 * keeps 15 significant digits, and doubles lose integers above 2^53): a legacy 15-digit ID
 * survives, an 18-digit one has already been rounded inside the file and cannot be recovered.
 */
export function idNumberText(cell: CellInput): ParseResult<string> {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0) return fail('格式错误');
    if (cell >= 1e15) return fail(lostDigitsMessage);
    return ok(String(cell));
  }
  if (typeof cell !== 'string') return fail('格式错误');
  const value = cell.replace(/\s+/g, '').replace(/^'/, '').toUpperCase();
  // Text like 1.10105E+17: the number was rounded before someone turned it into text.
  if (/^\d(\.\d+)?E\+?\d+$/.test(value)) return fail(lostDigitsMessage);
  return ok(value);
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    year <= 2200 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Excel's day 0 in the 1900 date system (its 1900 leap-year bug is absorbed by day 60). */
const excelEpochMs = Date.UTC(1899, 11, 30);

/**
 * A calendar date as `YYYY-MM-DD`: a date cell (exceljs gives a UTC Date), an Excel serial
 * number in an unformatted cell, or text such as 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日.
 */
export function date(cell: CellInput): ParseResult<string> {
  const invalid = fail<string>('不是有效日期（应如 2026-03-01）');
  let parts: [number, number, number];
  if (cell instanceof Date) {
    parts = [cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()];
  } else if (typeof cell === 'number') {
    if (cell < 1 || cell > 2_958_465) return invalid;
    const serial = new Date(excelEpochMs + Math.floor(cell) * 86_400_000);
    parts = [serial.getUTCFullYear(), serial.getUTCMonth() + 1, serial.getUTCDate()];
  } else if (typeof cell === 'string') {
    const match =
      /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell) ??
      /^(\d{4})(\d{2})(\d{2})$/.exec(cell);
    if (!match) return invalid;
    parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return invalid;
  }
  return isRealDate(...parts) ? ok(isoDate(...parts)) : invalid;
}

/** A number from a number cell or from digits typed as text, within bounds and decimals. */
export function decimal(options: { min: number; max: number; decimals: number }) {
  const scale = 10 ** options.decimals;
  return (cell: CellInput): ParseResult<number> => {
    let value: number;
    if (typeof cell === 'number') value = cell;
    else if (typeof cell === 'string' && /^-?\d+(\.\d+)?$/.test(cell)) value = Number(cell);
    else return fail('应为数字');
    if (value < options.min || value > options.max)
      return fail(`应在 ${options.min} 到 ${options.max} 之间`);
    const scaled = value * scale;
    // A formula's 0.30000000000000004 is 0.3; a typed 0.35 is not 0.3.
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6)
      return fail(options.decimals === 0 ? '应为整数' : `最多 ${options.decimals} 位小数`);
    return ok(Math.round(scaled) / scale);
  };
}

/** An 11-digit mainland mobile number, typed as text or as a number. */
export function mobile(cell: CellInput): ParseResult<string> {
  const value = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell : '';
  const digits = value.replace(/[\s-]/g, '');
  return /^1\d{10}$/.test(digits) ? ok(digits) : fail('应为 11 位手机号');
}

/** One of a fixed list of labels (专业类别: 医师/护士/…), mapped to its code both ways. */
export function choice<T extends string>(labels: Readonly<Record<T, string>>) {
  const entries = Object.entries(labels) as [T, string][];
  const byLabel = new Map(entries.map(([code, label]) => [label, code]));
  const allowed = entries.map(([, label]) => label).join('、');
  return {
    parse: (cell: CellInput): ParseResult<T> => {
      const code = typeof cell === 'string' ? byLabel.get(cell) : undefined;
      return code === undefined ? fail(`应为${allowed}之一`) : ok(code);
    },
    format: (value: T): ExportCell => labels[value],
    note: `可填：${allowed}`,
    allowedValues: entries.map(([, label]) => label),
  };
}

/** 是/否 (a TRUE/FALSE cell counts too); empty in an optional column means 否. */
export const yesNo = {
  parse: (cell: CellInput): ParseResult<boolean> => {
    if (typeof cell === 'boolean') return ok(cell);
    if (cell === '是') return ok(true);
    if (cell === '否') return ok(false);
    return fail('应为“是”或“否”');
  },
  format: (value: boolean): ExportCell => (value ? '是' : '否'),
  note: '可填：是、否（不填视为否）',
  allowedValues: ['是', '否'],
};
