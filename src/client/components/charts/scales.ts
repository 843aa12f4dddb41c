// Pure helpers of the chart components: linear scales, "nice" axis ticks, class breaks of a
// choropleth and line paths. No DOM, no React: tested beside (scales.test.ts).

export type Extent = readonly [number, number];

/** A linear map from a domain to a range; a zero-width domain maps everything to the middle. */
export function linearScale(domain: Extent, range: Extent): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** The 1-2-5 step (…, 0.1, 0.2, 0.5, 1, 2, 5, 10, …) that cuts `span` into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const nice = m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10;
  return nice * power;
}

/** Rounds away the float noise of multiplying a step (0.30000000000000004 → 0.3). */
function clean(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(digits, 12)));
}

/**
 * Axis ticks covering [min, max] on a 1-2-5 step: the first at or below min, the last at or above max,
 * so that the ticks' ends can serve as the domain. A single value gets a small span around it.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  const start = Math.floor(lo / step + 1e-9);
  const end = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = start; i <= end; i++) ticks.push(clean(i * step, step));
  return ticks;
}

/**
 * The first value of the upper part when the sorted values are cut at a share `p` (0–1): a value of the
 * data, so that a legend's class limits are figures some region really has.
 */
export function quantile(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return sorted[Math.min(n - 1, Math.max(0, Math.floor(p * n)))]!;
}

export type ClassMethod = 'quantile' | 'equal';

/**
 * The inner thresholds cutting `values` into up to `classes` classes: at quantiles (each class holds
 * about as many regions) or at equal steps of the range. Repeated thresholds are dropped, so a set of
 * few distinct values gets fewer classes rather than empty ones.
 */
export function classThresholds(values: readonly number[], classes: number, method: ClassMethod): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length < 2 || classes < 2) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [];
  const out: number[] = [];
  for (let k = 1; k < classes; k++) {
    const t = method === 'quantile' ? quantile(sorted, k / classes) : min + ((max - min) * k) / classes;
    if (t > min && t <= max && (out.length === 0 || t > out[out.length - 1]!)) out.push(t);
  }
  return out;
}

/** The class (0…thresholds.length) of a value: a value equal to a threshold belongs to the class above it. */
export function classOf(value: number, thresholds: readonly number[]): number {
  let c = 0;
  while (c < thresholds.length && value >= thresholds[c]!) c++;
  return c;
}

/** Sequential blues, light to dark, distinguishable in print and by most colour-blind readers. */
export const SEQUENTIAL = ['#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8', '#1e3a8a'] as const;

/** `n` colours of a light-to-dark palette, spread over it (three classes: light, middle, dark). */
export function paletteFor(n: number, palette: readonly string[] = SEQUENTIAL): string[] {
  if (n <= 0) return [];
  if (n === 1) return [palette[Math.floor((palette.length - 1) / 2)]!];
  if (n >= palette.length) return [...palette];
  return Array.from({ length: n }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (n - 1))]!);
}

export interface LegendStep {
  /** Lowest value of the class (the minimum of the data for the first). */
  from: number;
  /** Highest value of the class (the maximum of the data for the last). */
  to: number;
  colour: string;
  /** How many of the values fall in the class. */
  count: number;
}

/** The legend of a choropleth: each class with its value range, colour and number of areas. */
export function legendSteps(
  values: readonly number[],
  classes: number,
  method: ClassMethod,
  palette: readonly string[] = SEQUENTIAL,
): { thresholds: number[]; steps: LegendStep[] } {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { thresholds: [], steps: [] };
  const thresholds = classThresholds(finite, classes, method);
  const colours = paletteFor(thresholds.length + 1, palette);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const steps = colours.map((colour, i) => ({
    from: i === 0 ? min : thresholds[i - 1]!,
    to: i === thresholds.length ? max : thresholds[i]!,
    colour,
    count: 0,
  }));
  for (const v of finite) steps[classOf(v, thresholds)]!.count++;
  return { thresholds, steps };
}

/**
 * An SVG path through points, broken where a point is missing (a year without a figure is a gap, not a
 * straight line pretending to know it).
 */
export function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(p.x)},${round(p.y)}`;
    pen = true;
  }
  return d;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Integer years from the first to the last of the given ones, every one of them. */
export function yearSpan(years: Iterable<number>): number[] {
  const all = [...years];
  if (all.length === 0) return [];
  const first = Math.min(...all);
  const last = Math.max(...all);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Which of the years to label on an axis at most `max` labels wide: every one, every other, … */
export function yearTicks(years: readonly number[], max = 8): number[] {
  if (years.length <= max) return [...years];
  const every = Math.ceil(years.length / max);
  const last = years[years.length - 1]!;
  return years.filter((y) => (last - y) % every === 0);
}
