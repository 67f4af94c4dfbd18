/** One bar, point or slice: `key` is what `onSelect` answers, `label` what the reader sees. */
export interface ChartDatum {
  key: string;
  label: string;
  value: number;
}

/**
 * The text a screen reader gets for a chart (its `aria-label`): the title and every value,
 * e.g. "批次状态：草稿 2，已提交 1". Empty data reads as the title and `emptyText`.
 */
export function summariseChart(
  title: string,
  data: readonly ChartDatum[],
  options: { emptyText: string; separator: string; listSeparator: string },
): string {
  if (data.length === 0) return `${title}${options.separator}${options.emptyText}`;
  const items = data.map((d) => `${d.label} ${String(d.value)}`);
  return `${title}${options.separator}${items.join(options.listSeparator)}`;
}
