import { useMemo } from 'react';
import { theme } from 'antd';
import type { ChartDatum } from './chart-data';
import { EChart } from './EChart';

export interface BarChartProps {
  title: string;
  data: readonly ChartDatum[];
  onSelect?: (key: string) => void;
  /** Bars left to right (default), or top to bottom for long labels. */
  horizontal?: boolean;
  height?: number;
  testId?: string;
}

/** One series of bars; a click on a bar answers its key. */
export function BarChart({
  title,
  data,
  onSelect,
  horizontal = false,
  height = 260,
  testId,
}: BarChartProps) {
  const { token } = theme.useToken();
  const option = useMemo(() => {
    const labels = data.map((d) => d.label);
    const category = {
      type: 'category',
      data: horizontal ? [...labels].reverse() : labels,
      axisLabel: { color: token.colorTextSecondary, overflow: 'truncate', width: 160 },
      axisTick: { alignWithLabel: true },
    };
    const values = {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: token.colorTextSecondary },
    };
    const points = data.map((d) => d.value);
    return {
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: horizontal ? values : category,
      yAxis: horizontal ? category : values,
      series: [
        {
          type: 'bar',
          name: title,
          data: horizontal ? [...points].reverse() : points,
          itemStyle: { color: token.colorPrimary, borderRadius: 2 },
          barMaxWidth: 36,
          label: { show: true, position: horizontal ? 'right' : 'top' },
        },
      ],
    };
  }, [data, horizontal, title, token.colorPrimary, token.colorTextSecondary]);
  // Horizontal bars are drawn bottom-up (reversed above, so the first reads on top).
  const drawnKeys = useMemo(() => {
    const keys = data.map((d) => d.key);
    return horizontal ? keys.reverse() : keys;
  }, [data, horizontal]);
  return (
    <EChart
      title={title}
      data={data}
      drawnKeys={drawnKeys}
      option={option}
      height={height}
      onSelect={onSelect}
      testId={testId}
    />
  );
}
