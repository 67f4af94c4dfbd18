import { useMemo } from 'react';
import { theme } from 'antd';
import type { ChartDatum } from './chart-data';
import { EChart } from './EChart';

export interface LineChartProps {
  title: string;
  /** In order along the x axis (days, sessions…). */
  data: readonly ChartDatum[];
  onSelect?: (key: string) => void;
  height?: number;
  testId?: string;
}

/** One series over an ordered axis (a trend); a click on a point answers its key. */
export function LineChart({ title, data, onSelect, height = 260, testId }: LineChartProps) {
  const { token } = theme.useToken();
  const option = useMemo(
    () => ({
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: data.map((d) => d.label),
        boundaryGap: false,
        axisLabel: { color: token.colorTextSecondary },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: token.colorTextSecondary } },
      series: [
        {
          type: 'line',
          name: title,
          data: data.map((d) => d.value),
          smooth: false,
          symbolSize: 8,
          itemStyle: { color: token.colorPrimary },
          areaStyle: { opacity: 0.08 },
        },
      ],
    }),
    [data, title, token.colorPrimary, token.colorTextSecondary],
  );
  return (
    <EChart
      title={title}
      data={data}
      option={option}
      height={height}
      onSelect={onSelect}
      testId={testId}
    />
  );
}
