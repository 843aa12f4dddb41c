// Line-chart geometry shared by the HTML (SVG) and PDF (pdfkit paths) renderers, so both papers draw
// the same chart: scales, ticks and each series' points in a box. Pure.
import type { ChartModel, ChartSeries } from './paper.model.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  plot: Box;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
  lines: { key: ChartSeries['key']; name: string; points: { x: number; y: number }[] }[];
}

/** The look of each series: colour, and a dash and a marker so that they differ without colour too. */
export const SERIES_STYLE: Record<
  ChartSeries['key'],
  { color: string; dash: number[]; marker: 'circle' | 'square' | 'triangle' }
> = {
  region: { color: '#0b5394', dash: [], marker: 'circle' },
  country: { color: '#b45f06', dash: [6, 3], marker: 'square' },
  eu: { color: '#38761d', dash: [2, 2], marker: 'triangle' },
};

/** "Nice" tick values (1, 2 or 5 × 10^n apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 0.5; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

/** Lays a chart out in `box`, leaving `left` for the value labels and `bottom` for the years. */
export function layoutChart(chart: ChartModel, box: Box, left = 44, bottom = 20): ChartLayout {
  // The right margin leaves room for half of the last year's label.
  const plot = {
    x: box.x + left,
    y: box.y + 6,
    width: box.width - left - 18,
    height: box.height - bottom - 6,
  };
  const all = chart.series.flatMap((s) => s.points);
  const years = all.map((p) => p.year);
  const minYear = Math.min(...years);
  const maxYear = Math.max(...years);
  const values = all.map((p) => p.value);
  const low = Math.min(...values);
  const ticks = niceTicks(chart.zeroBased && low > 0 ? 0 : low, Math.max(...values));
  const yMin = ticks[0] ?? 0;
  const yMax = ticks[ticks.length - 1] ?? 1;
  const sx = (year: number) =>
    maxYear === minYear
      ? plot.x + plot.width / 2
      : plot.x + ((year - minYear) / (maxYear - minYear)) * plot.width;
  const sy = (v: number) => plot.y + plot.height - ((v - yMin) / (yMax - yMin || 1)) * plot.height;
  const span = maxYear - minYear;
  const every = span > 12 ? 3 : span > 6 ? 2 : 1;
  const xTicks: ChartLayout['xTicks'] = [];
  for (let y = minYear; y <= maxYear; y += every) xTicks.push({ x: sx(y), label: String(y) });
  return {
    plot,
    xTicks,
    yTicks: ticks.map((v) => ({ y: sy(v), value: v })),
    lines: chart.series.map((s) => ({
      key: s.key,
      name: s.name,
      points: s.points.map((p) => ({ x: sx(p.year), y: sy(p.value) })),
    })),
  };
}

/** The years of a chart, each with the value of every series (null where a series has none). */
export function chartTable(chart: ChartModel): { year: number; values: (string | null)[] }[] {
  const years = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
  return years.map((year) => ({
    year,
    values: chart.series.map((s) => s.points.find((p) => p.year === year)?.text ?? null),
  }));
}
