import { useEffect, useRef, useState } from 'react';
import { Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useT } from '../../i18n/use-t';
import type { Language } from '../../i18n/languages';
import { summariseChart, type ChartDatum } from './chart-data';

type Core = typeof import('./echarts-core');
let core: Promise<Core> | undefined;
/** ECharts, fetched once, when the first chart renders: a chunk of its own. */
const loadCore = () => (core ??= import('./echarts-core'));

export interface EChartProps {
  /** The chart's name: the start of its aria-label. */
  title: string;
  /** In reading order: the aria-label lists them so. */
  data: readonly ChartDatum[];
  /** The key of each drawn item by ECharts' dataIndex, when not `data`'s order. */
  drawnKeys?: readonly string[] | undefined;
  option: EChartsCoreOption;
  height: number;
  /** The aria-label when the chart has more than `data` (several series); else from `data`. */
  summary?: string | undefined;
  /** A click on a bar, point or slice: the datum's key (a dashboard drills down with it). */
  onSelect?: ((key: string) => void) | undefined;
  testId?: string | undefined;
}

/**
 * The one bridge between React and ECharts. Without data it shows an empty state; with
 * data it draws `option` as SVG in the UI language, follows its container's size and
 * turns clicks into `onSelect`. To assistive technology the chart is one image labelled
 * with its title and every value.
 */
export function EChart(props: EChartProps) {
  const { t, language } = useT();
  if (props.data.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('charts.empty')}
        style={{ height: props.height, margin: 0, paddingTop: props.height / 4 }}
        data-testid={props.testId}
      />
    );
  const label =
    props.summary ??
    summariseChart(props.title, props.data, {
      emptyText: t('charts.empty'),
      separator: t('charts.separator'),
      listSeparator: t('charts.listSeparator'),
    });
  // ECharts takes its locale when created: a new language makes a new chart.
  return <ChartSurface key={language} {...props} label={label} language={language} />;
}

function ChartSurface({
  data,
  drawnKeys,
  option,
  height,
  onSelect,
  testId,
  label,
  language,
}: EChartProps & { label: string; language: Language }) {
  const element = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<import('./echarts-core').ECharts | null>(null);
  // Read at click time: the chart outlives the props it was created with.
  const keys = drawnKeys ?? data.map((d) => d.key);
  const latest = useRef({ keys, onSelect });
  latest.current = { keys, onSelect };

  useEffect(() => {
    let created: import('./echarts-core').ECharts | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    void loadCore().then(({ init }) => {
      const target = element.current;
      if (cancelled || !target) return;
      created = init(target, null, { renderer: 'svg', locale: language === 'zh-CN' ? 'ZH' : 'EN' });
      created.on('click', (params) => {
        const index = (params as { dataIndex?: number }).dataIndex;
        const key = index === undefined ? undefined : latest.current.keys[index];
        if (key !== undefined) latest.current.onSelect?.(key);
      });
      const instance = created;
      observer = new ResizeObserver(() => {
        instance.resize();
      });
      observer.observe(target);
      setChart(created);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      created?.dispose();
    };
  }, [language]);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-ready={chart ? 'true' : 'false'}
      style={{ height, width: '100%', cursor: onSelect ? 'pointer' : 'default' }}
    />
  );
}
