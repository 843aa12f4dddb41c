import {
  DEFAULT_OPTIONS,
  DIMENSIONS,
  type Dimension,
  type Feature,
  type IndicatorSpec,
  type RegionInput,
  type SimilarityMatrix,
  type SimilarityOptions,
  type SkippedFeature,
} from './types.ts';

const emptyByDimension = (): Record<Dimension, number[]> => ({
  economy: [],
  innovation: [],
  structure: [],
  ecosystems: [],
});
const emptyCategories = (): Record<Dimension, string[]> => ({
  economy: [],
  innovation: [],
  structure: [],
  ecosystems: [],
});

/** The value a feature is standardised on; undefined when it cannot be used (log of a non-positive). */
function transformed(value: number, transform: 'none' | 'log'): number | undefined {
  if (!Number.isFinite(value)) return undefined;
  if (transform === 'log') return value > 0 ? Math.log(value) : undefined;
  return value;
}

/** Ecosystem shares of the regions whose directory holds enough organisations to mean something. */
function ecosystemShares(
  inputs: readonly RegionInput[],
  minOrganisations: number,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of inputs) {
    const e = r.ecosystems;
    if (!e || e.organisations < minOrganisations) continue;
    const shares = new Map<string, number>();
    for (const [code, n] of e.counts) shares.set(code, n / e.organisations);
    out.set(r.code, shares);
  }
  return out;
}

interface Column {
  id: string;
  dimension: Dimension;
  source: string;
  transform: 'none' | 'log';
  /** Per region index, the transformed value or NaN. */
  values: Float64Array;
  /** Regions that count for the sparsity rule (those with any figure, or those with a directory). */
  population: number;
}

/**
 * Standardises every usable feature across the regions of one NUTS level: z = (x − mean) / sd over
 * the regions that have a figure (each region's latest year), population standard deviation.
 * Indicators held by too few regions, and features equal everywhere, are skipped and listed.
 */
export function buildMatrix(
  inputs: readonly RegionInput[],
  indicators: readonly IndicatorSpec[],
  ecosystems: readonly string[],
  options: Partial<SimilarityOptions> = {},
): SimilarityMatrix {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const sorted = [...inputs].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const codes = sorted.map((r) => r.code);
  const index = new Map(codes.map((c, i) => [c, i]));
  const n = codes.length;
  const numeric = indicators.filter((i) => i.kind === 'number').sort((a, b) => (a.id < b.id ? -1 : 1));
  const withFigures = sorted.filter((r) => numeric.some((i) => r.figures.has(i.id))).length;

  const columns: Column[] = [];
  for (const spec of numeric) {
    const values = new Float64Array(n).fill(Number.NaN);
    sorted.forEach((r, i) => {
      const f = r.figures.get(spec.id);
      const v = f ? transformed(f.value, spec.transform) : undefined;
      if (v !== undefined) values[i] = v;
    });
    columns.push({
      id: spec.id,
      dimension: spec.dimension,
      source: spec.id,
      transform: spec.transform,
      values,
      population: withFigures,
    });
  }
  const shares = ecosystemShares(sorted, opts.minOrganisations);
  for (const eco of [...ecosystems].sort()) {
    const values = new Float64Array(n).fill(Number.NaN);
    sorted.forEach((r, i) => {
      const s = shares.get(r.code);
      if (s) values[i] = s.get(eco) ?? 0;
    });
    columns.push({
      id: `ecosystem:${eco}`,
      dimension: 'ecosystems',
      source: eco,
      transform: 'none',
      values,
      population: shares.size,
    });
  }

  const features: Feature[] = [];
  const skipped: SkippedFeature[] = [];
  const kept: Float64Array[] = [];
  for (const c of columns) {
    let count = 0;
    let sum = 0;
    for (const v of c.values) {
      if (!Number.isNaN(v)) {
        count++;
        sum += v;
      }
    }
    const sparse =
      count < opts.minFeatureRegions ||
      (c.dimension !== 'ecosystems' && count < opts.minFeatureShare * c.population);
    if (sparse) {
      skipped.push({ id: c.id, dimension: c.dimension, regions: count, reason: 'sparse' });
      continue;
    }
    const mean = sum / count;
    let ss = 0;
    for (const v of c.values) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
    const sd = Math.sqrt(ss / count);
    // Relative to the mean's size, so that rounding noise in a constant column is not a signal.
    if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
      skipped.push({ id: c.id, dimension: c.dimension, regions: count, reason: 'constant' });
      continue;
    }
    features.push({
      id: c.id,
      dimension: c.dimension,
      source: c.source,
      transform: c.transform,
      mean,
      sd,
      regions: count,
    });
    kept.push(c.values.map((v) => (Number.isNaN(v) ? Number.NaN : (v - mean) / sd)));
  }

  const m = features.length;
  const z = new Float64Array(n * m);
  kept.forEach((col, j) => {
    for (let i = 0; i < n; i++) z[i * m + j] = col[i]!;
  });
  const byDimension = emptyByDimension();
  features.forEach((f, j) => {
    byDimension[f.dimension].push(j);
  });
  const categories = emptyCategories();
  for (const spec of indicators) if (spec.kind === 'category') categories[spec.dimension].push(spec.id);
  for (const d of DIMENSIONS) categories[d].sort();

  return {
    codes,
    index,
    features,
    skipped,
    z,
    byDimension,
    categories,
    inputs: new Map(sorted.map((r) => [r.code, r])),
    options: opts,
  };
}
