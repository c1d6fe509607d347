/**
 * The /stats picture as a PNG, drawn on the server without a browser: Apache
 * ECharts lays the chart out as SVG (its server-side rendering), resvg turns
 * the SVG into pixels with the bundled DejaVu Sans (src/fonts) and no system
 * font, so the picture is the same on every machine.
 *
 * ECharts is loaded on the first picture, not at start: its bundle takes a
 * moment to load, and most processes never draw.
 */
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import type * as ECharts from 'echarts';
import { FONT_FAMILY, FONT_FILES } from '../fonts/index.ts';
import type { StatsChartData } from './data.ts';

/** The words of the picture, from the user's catalog. */
export interface StatsChartTexts {
  title: string;
  touchesPerWeek: string;
  /** An ISO week's label on the axis: "W49", "KW 49". */
  week: (week: number) => string;
  shareOnA: string;
  aim: (percent: number) => string;
  noTouches: string;
  close: string;
  limit: (limit: number) => string;
  percent: (value: number) => string;
}

export interface ChartSize {
  width: number;
  height: number;
}

/** 16:9 at a size Telegram and Slack show without scaling up. */
export const CHART_SIZE: ChartSize = { width: 960, height: 540 };

const COLORS = { bar: '#4a7bd0', good: '#3ba272', warn: '#e6a23c', over: '#d9534f', line: '#555555', text: '#333333', faint: '#888888' };

let loaded: typeof ECharts | undefined;
/** The single-file bundle: one file to read instead of the hundreds of modules of the ESM build. */
function echarts(): typeof ECharts {
  loaded ??= createRequire(import.meta.url)('echarts') as typeof ECharts;
  return loaded;
}

function markLine(value: number, label: string) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { color: COLORS.line, type: 'dashed' as const, width: 2 },
    label: { formatter: label, color: COLORS.text, fontSize: 13, position: 'end' as const },
    data: [{ xAxis: value }],
  };
}

/** The ECharts option of the picture (exported for tests of what is drawn). */
export function chartOption(data: StatsChartData, texts: StatsChartTexts): ECharts.EChartsOption {
  const closeMax = Math.ceil(Math.max(data.dunbarLimit * 1.25, data.close * 1.1) / 10) * 10;
  const text = { fontFamily: FONT_FAMILY, color: COLORS.text };
  const gauge = (index: number) => ({ gridIndex: index, type: 'category' as const, data: [''], axisLine: { show: false }, axisTick: { show: false } });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: [
      { text: texts.title, left: 24, top: 14, textStyle: { ...text, fontSize: 22, fontWeight: 'bold' } },
      { text: texts.touchesPerWeek, left: 24, top: 58, textStyle: { ...text, fontSize: 15, fontWeight: 'normal' } },
      { text: texts.shareOnA, left: 640, top: 100, textStyle: { ...text, fontSize: 15, fontWeight: 'normal' } },
      {
        text: data.shareOnA === null ? texts.noTouches : texts.percent(data.shareOnA),
        left: 640, top: 122, textStyle: { ...text, fontSize: 26, color: data.belowAim ? COLORS.warn : COLORS.good },
      },
      { text: texts.close, left: 640, top: 300, textStyle: { ...text, fontSize: 15, fontWeight: 'normal' } },
      { text: String(data.close), left: 640, top: 322, textStyle: { ...text, fontSize: 26, color: data.overDunbar ? COLORS.over : COLORS.bar } },
    ],
    grid: [
      { left: 56, right: 360, top: 100, bottom: 48 },
      { left: 640, width: 280, top: 170, height: 44 },
      { left: 640, width: 280, top: 370, height: 44 },
    ],
    xAxis: [
      { gridIndex: 0, type: 'category', data: data.weeks.map((w) => texts.week(w.week)), axisLabel: { ...text, fontSize: 11, interval: 0 }, axisTick: { alignWithLabel: true } },
      { gridIndex: 1, type: 'value', min: 0, max: 100, interval: 20, axisLabel: { ...text, fontSize: 11, formatter: (v: number) => texts.percent(v) }, splitLine: { show: false } },
      { gridIndex: 2, type: 'value', min: 0, max: closeMax, axisLabel: { ...text, fontSize: 11 }, splitLine: { show: false } },
    ],
    yAxis: [
      { gridIndex: 0, type: 'value', minInterval: 1, axisLabel: { ...text, fontSize: 12 }, splitLine: { lineStyle: { color: '#e6e6e6' } } },
      gauge(1),
      gauge(2),
    ],
    series: [
      {
        type: 'bar',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: data.weeks.map((w) => w.touches),
        itemStyle: { color: COLORS.bar },
        barMaxWidth: 36,
        label: { show: true, position: 'top', ...text, fontSize: 12, formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : '') },
      },
      {
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: [data.shareOnA ?? 0],
        itemStyle: { color: data.belowAim ? COLORS.warn : COLORS.good },
        barWidth: 28,
        showBackground: true,
        backgroundStyle: { color: '#eeeeee' },
        markLine: markLine(data.aimOnA, texts.aim(data.aimOnA)),
      },
      {
        type: 'bar',
        xAxisIndex: 2,
        yAxisIndex: 2,
        data: [data.close],
        itemStyle: { color: data.overDunbar ? COLORS.over : COLORS.bar },
        barWidth: 28,
        showBackground: true,
        backgroundStyle: { color: '#eeeeee' },
        markLine: markLine(data.dunbarLimit, texts.limit(data.dunbarLimit)),
      },
    ],
  };
}

/** The picture as SVG text (ECharts' server-side rendering). */
export function statsChartSvg(data: StatsChartData, texts: StatsChartTexts, size: ChartSize = CHART_SIZE): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(chartOption(data, texts));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The /stats picture as PNG bytes; resvg draws off the main thread. */
export async function statsChartPng(data: StatsChartData, texts: StatsChartTexts, size: ChartSize = CHART_SIZE): Promise<Buffer> {
  const svg = statsChartSvg(data, texts, size);
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    background: '#ffffff',
    fitTo: { mode: 'original' },
  });
  return image.asPng();
}
