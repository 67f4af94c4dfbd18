import type { CellInput } from './column-spec';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * One exceljs cell value as a column parser sees it: strings trimmed, rich text joined,
 * formulas replaced by their cached result, hyperlinks by their text, error cells by their
 * code (`#N/A`, so the parser rejects them by name). Empty → undefined.
 */
export function normaliseCell(value: unknown): CellInput | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? undefined : text;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.richText)) {
    const parts = value.richText as unknown[];
    return normaliseCell(
      parts.map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join(''),
    );
  }
  if ('result' in value) return normaliseCell(value.result);
  if ('formula' in value || 'sharedFormula' in value) return undefined;
  if ('hyperlink' in value && 'text' in value) return normaliseCell(value.text);
  if (typeof value.error === 'string') return value.error;
  return undefined;
}
