/**
 * The only module that imports ECharts, and only through `echarts/core` with the pieces the
 * charts use: bar, line and pie series, the grid and the tooltip, drawn as SVG. EChart.tsx
 * imports it dynamically, so ECharts is a chunk of its own, fetched when a chart first
 * renders (ADR 0019). ECharts ships its zh-CN and en-US texts ('ZH', 'EN') in the core.
 */
import { init, use, type ECharts } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, SVGRenderer]);

export { init };
export type { ECharts };
