export { BarChart, type BarChartProps } from './BarChart';
export { DonutChart, type DonutChartProps } from './DonutChart';
export { LineChart, type LineChartProps } from './LineChart';
export { StatCard, type StatCardProps } from './StatCard';
export { summariseChart, type ChartDatum } from './chart-data';
