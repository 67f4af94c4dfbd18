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

/** One line of a chart with several (this year, last year): a value per point, or a gap. */
export interface ChartSeries {
  name: string;
  values: readonly (number | null)[];
}

/**
 * The aria-label of a chart with several series: the title, then each series with its
 * values by point, e.g. "本年与上年：2026年 1月 2，2月 5；2025年 1月 1，2月 3".
 */
export function summariseSeries(
  title: string,
  labels: readonly string[],
  series: readonly ChartSeries[],
  options: { emptyText: string; separator: string; listSeparator: string; seriesSeparator: string },
): string {
  const parts = series.flatMap((s) => {
    const items = labels.flatMap((label, i) => {
      const value = s.values[i];
      return value === null || value === undefined ? [] : [`${label} ${String(value)}`];
    });
    return items.length === 0 ? [] : [`${s.name} ${items.join(options.listSeparator)}`];
  });
  if (parts.length === 0) return `${title}${options.separator}${options.emptyText}`;
  return `${title}${options.separator}${parts.join(options.seriesSeparator)}`;
}
