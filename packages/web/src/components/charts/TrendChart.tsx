import { useMemo } from 'react';
import { Flex, Typography, theme } from 'antd';
import { useT } from '../../i18n/use-t';
import { summariseSeries, type ChartDatum, type ChartSeries } from './chart-data';
import { EChart } from './EChart';

export interface TrendChartProps {
  title: string;
  /** The x axis in order (months…): `key` is what `onSelect` answers. */
  points: readonly { key: string; label: string }[];
  /** The first in the primary colour (this year), the others muted and dashed (last year). */
  series: readonly ChartSeries[];
  onSelect?: (key: string) => void;
  height?: number;
  testId?: string;
}

/**
 * Several lines over one ordered axis, e.g. this year against last year month by month; a
 * gap (null) where a series has no value yet. The legend is drawn by antd above the chart
 * (no ECharts legend component, ADR 0019); a click on a point answers the point's key.
 */
export function TrendChart({
  title,
  points,
  series,
  onSelect,
  height = 260,
  testId,
}: TrendChartProps) {
  const { t } = useT();
  const { token } = theme.useToken();
  const colors = useMemo(
    () => [token.colorPrimary, token.colorTextTertiary, token.colorWarning],
    [token.colorPrimary, token.colorTextTertiary, token.colorWarning],
  );
  const option = useMemo(
    () => ({
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: points.map((p) => p.label),
        boundaryGap: false,
        axisLabel: { color: token.colorTextSecondary },
      },
      yAxis: { type: 'value', axisLabel: { color: token.colorTextSecondary } },
      series: series.map((s, i) => ({
        type: 'line',
        name: s.name,
        data: [...s.values],
        symbolSize: i === 0 ? 8 : 5,
        itemStyle: { color: colors[i % colors.length] },
        lineStyle: { type: i === 0 ? 'solid' : 'dashed' },
        ...(i === 0 ? { areaStyle: { opacity: 0.08 } } : {}),
      })),
    }),
    [points, series, colors, token.colorTextSecondary],
  );
  const hasValues = series.some((s) => s.values.some((v) => v !== null));
  // EChart needs data for its empty state and the keys of clicks (by point, any series).
  const data: ChartDatum[] = hasValues
    ? points.map((p, i) => ({ ...p, value: series[0]?.values[i] ?? 0 }))
    : [];
  const summary = summariseSeries(
    title,
    points.map((p) => p.label),
    series,
    {
      emptyText: t('charts.empty'),
      separator: t('charts.separator'),
      listSeparator: t('charts.listSeparator'),
      seriesSeparator: t('charts.seriesSeparator'),
    },
  );
  return (
    <>
      {hasValues && (
        <Flex gap={16} justify="flex-end" aria-hidden>
          {series.map((s, i) => (
            <Typography.Text key={s.name} type="secondary" style={{ fontSize: 12 }}>
              <span
                style={{
                  display: 'inline-block',
                  width: 16,
                  marginInlineEnd: 4,
                  verticalAlign: 'middle',
                  borderTop: `2px ${i === 0 ? 'solid' : 'dashed'} ${colors[i % colors.length] ?? ''}`,
                }}
              />
              {s.name}
            </Typography.Text>
          ))}
        </Flex>
      )}
      <EChart
        title={title}
        data={data}
        summary={summary}
        option={option}
        height={height}
        onSelect={onSelect}
        testId={testId}
      />
    </>
  );
}
