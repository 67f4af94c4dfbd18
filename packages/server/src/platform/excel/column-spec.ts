/**
 * How one spreadsheet column maps to one field: the Chinese header people see, whether a
 * row may leave it empty, how a cell becomes a value (with a Chinese message when it
 * cannot), and how a value is written back on export.
 */

/** A non-empty cell after normalisation (see cell-value.ts). */
export type CellInput = string | number | boolean | Date;
/** What an export writes into a cell; null leaves it empty. */
export type ExportCell = string | number | boolean | Date | null;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface ColumnSpec<T = unknown, R extends boolean = boolean> {
  /** As printed in row 1, e.g. 身份证号. */
  header: string;
  required: R;
  parse: (cell: CellInput) => ParseResult<T>;
  /** Export form of a value; default: the value itself. A method, so specs stay covariant. */
  format?(value: T): ExportCell;
  /** For the 说明 sheet of a template: what goes in the column, allowed values. */
  note?: string;
  /** A fixed list: templates offer it as a drop-down. */
  allowedValues?: readonly string[];
  /** Format the column as text (`@`), so Excel keeps long digit strings and leading zeros. */
  isText?: boolean;
  /** Column width in characters. */
  width?: number;
}

/** Columns by field key, in the order they appear in templates and exports. */
export type SheetSpec = Readonly<Record<string, ColumnSpec>>;

/** The parsed values of a valid row: required columns always present, optional ones maybe. */
export type RowValues<S extends SheetSpec> = {
  [K in keyof S]: S[K] extends ColumnSpec<infer T, true>
    ? T
    : S[K] extends ColumnSpec<infer T>
      ? T | undefined
      : never;
};

/** Declares a column, keeping `required` as a literal so `RowValues` can type the row. */
export function column<T, R extends boolean>(spec: ColumnSpec<T, R>): ColumnSpec<T, R> {
  return spec;
}

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(message: string): ParseResult<T> {
  return { ok: false, message };
}
