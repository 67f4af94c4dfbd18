export { BarChart, type BarChartProps } from './BarChart';
export { DonutChart, type DonutChartProps } from './DonutChart';
export { LineChart, type LineChartProps } from './LineChart';
export { StatCard, type StatCardProps } from './StatCard';
export { TrendChart, type TrendChartProps } from './TrendChart';
export { summariseChart, summariseSeries, type ChartDatum, type ChartSeries } from './chart-data';
