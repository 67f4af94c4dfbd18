import { useMemo } from 'react';
import { theme } from 'antd';
import type { ChartDatum } from './chart-data';
import { EChart } from './EChart';

export interface DonutChartProps {
  title: string;
  data: readonly ChartDatum[];
  onSelect?: (key: string) => void;
  /** A colour per key (e.g. per status); the theme's palette otherwise. */
  colors?: Readonly<Record<string, string>>;
  height?: number;
  testId?: string;
}

/**
 * Parts of a whole (statuses of batches, reports…); a click on a slice answers its key.
 * Slices of zero are kept in the legend and the label, but draw nothing.
 */
export function DonutChart({
  title,
  data,
  onSelect,
  colors,
  height = 260,
  testId,
}: DonutChartProps) {
  const { token } = theme.useToken();
  const palette = useMemo(
    () => [
      token.colorPrimary,
      token.colorWarning,
      token.colorSuccess,
      token.colorError,
      token.colorInfo,
      token.colorTextTertiary,
    ],
    [token],
  );
  const option = useMemo(
    () => ({
      animationDuration: 300,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      series: [
        {
          type: 'pie',
          name: title,
          radius: ['48%', '72%'],
          center: ['50%', '52%'],
          avoidLabelOverlap: true,
          minAngle: 3,
          label: { formatter: '{b} {c}', color: token.colorText },
          data: data
            .filter((d) => d.value > 0)
            .map((d, i) => ({
              name: d.label,
              value: d.value,
              itemStyle: { color: colors?.[d.key] ?? palette[i % palette.length] },
            })),
        },
      ],
    }),
    [data, title, colors, palette, token.colorText],
  );
  // Slices are drawn for non-zero values only: clicks index into those.
  const drawn = useMemo(() => data.filter((d) => d.value > 0), [data]);
  const drawnKeys = useMemo(() => drawn.map((d) => d.key), [drawn]);
  return (
    <EChart
      title={title}
      data={drawn}
      drawnKeys={drawnKeys}
      option={option}
      height={height}
      onSelect={onSelect}
      testId={testId}
    />
  );
}
