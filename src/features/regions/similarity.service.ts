import {
  buildMatrix,
  type Dimension,
  type IndicatorSpec,
  type Peer,
  type Reason,
  type RegionInput,
  rankPeers,
  type SimilarityMatrix,
  type SimilarityOptions,
} from '../../core/similarity/index.ts';
import { notFound } from '../../server/http/errors.ts';
import { ECOSYSTEMS } from '../../shared/ecosystems.ts';
import { describeReason } from '../../shared/region-similarity.ts';
import type { SimilarityRepo } from './similarity.repo.ts';
import type { SimilarityReason, SimilarRegions } from './similarity.schemas.ts';
import { type VersionedCacheOptions, versionedCache } from './versioned-cache.ts';

/** Sizes spanning orders of magnitude are compared on their logarithm (docs/regions.md). */
const LOG_UNITS = new Set(['persons', 'mio_eur']);

interface IndicatorMeta {
  label: string;
  unit: string;
  decimals: number;
}

export interface PreparedLevel {
  level: number;
  matrix: SimilarityMatrix;
  names: Map<string, string>;
  indicators: Map<string, IndicatorMeta>;
  /** Regions with enough organisations for their ecosystems to count. */
  ecosystemRegions: number;
}

export interface SimilarityServiceOptions extends VersionedCacheOptions {
  options?: Partial<SimilarityOptions>;
}

/** NUTS codes say their level by their length: IT 0, ITC 1, ITC4 2, ITC4C 3. */
export const levelOf = (code: string) => code.length - 2;

/** Reads one level's data (four small queries) and standardises it: the cold computation. */
export async function prepareLevel(
  repo: SimilarityRepo,
  level: number,
  options: Partial<SimilarityOptions> = {},
): Promise<PreparedLevel> {
  const [{ regions, indicators }, figures, ecosystems] = await Promise.all([
    repo.level(level),
    repo.latestFigures(level),
    repo.ecosystems(level),
  ]);
  const specs: IndicatorSpec[] = indicators.map((i) => ({
    id: i.id,
    dimension: i.dimension as IndicatorSpec['dimension'],
    kind: i.kind === 'category' ? 'category' : 'number',
    transform: LOG_UNITS.has(i.unit) ? 'log' : 'none',
  }));
  const kinds = new Map(specs.map((s) => [s.id, s.kind]));
  const mutable = new Map<
    string,
    {
      figures: Map<string, { value: number; year: number }>;
      categories: Map<string, { text: string; year: number }>;
      organisations: number;
      counts: Map<string, number>;
    }
  >();
  for (const r of regions) {
    mutable.set(r.code, { figures: new Map(), categories: new Map(), organisations: 0, counts: new Map() });
  }
  for (const f of figures) {
    const r = mutable.get(f.area_code);
    const kind = kinds.get(f.indicator_id);
    if (!r || !kind) continue;
    if (kind === 'number' && f.value !== null)
      r.figures.set(f.indicator_id, { value: f.value, year: f.year });
    if (kind === 'category' && f.value_text !== null) {
      r.categories.set(f.indicator_id, { text: f.value_text, year: f.year });
    }
  }
  for (const e of ecosystems) {
    const r = mutable.get(e.code);
    if (!r) continue;
    if (e.ecosystem === null) r.organisations = e.n;
    else r.counts.set(e.ecosystem, e.n);
  }
  const list: RegionInput[] = [...mutable].map(([code, r]) => ({
    code,
    figures: r.figures,
    categories: r.categories,
    ecosystems: r.organisations > 0 ? { organisations: r.organisations, counts: r.counts } : null,
  }));
  const matrix = buildMatrix(list, specs, ECOSYSTEMS, options);
  return {
    level,
    matrix,
    names: new Map(regions.map((r) => [r.code, r.name])),
    indicators: new Map(
      indicators.map((i) => [i.id, { label: i.label, unit: i.unit, decimals: i.decimals }]),
    ),
    ecosystemRegions: list.filter(
      (r) => r.ecosystems && r.ecosystems.organisations >= matrix.options.minOrganisations,
    ).length,
  };
}

function toReason(p: PreparedLevel, r: Reason): SimilarityReason {
  if (r.kind === 'ecosystems') {
    return {
      kind: 'ecosystems',
      dimension: 'ecosystems',
      ecosystems: r.ecosystems,
      text: describeReason('en', r),
    };
  }
  const meta = p.indicators.get(r.indicator) ?? { label: r.indicator, unit: '', decimals: 1 };
  if (r.kind === 'category') {
    const out = {
      kind: 'category' as const,
      dimension: r.dimension,
      indicator: r.indicator,
      label: meta.label,
    };
    return { ...out, value: r.text, year: r.year, text: describeReason('en', { ...out, value: r.text }) };
  }
  const out = {
    kind: 'indicator' as const,
    dimension: r.dimension,
    indicator: r.indicator,
    label: meta.label,
    unit: meta.unit,
    decimals: meta.decimals,
    region: r.region,
    peer: r.peer,
  };
  return { ...out, gap: r.gap, text: describeReason('en', out) };
}

function toPeer(p: PreparedLevel, peer: Peer, dimensions: readonly Dimension[]) {
  return {
    code: peer.code,
    name: p.names.get(peer.code) ?? peer.code,
    distance: peer.distance,
    dimensions: dimensions.map((d) => ({
      dimension: d,
      ...(peer.dimensions[d] ?? { distance: null, shared: 0, of: 0 }),
    })),
    coverage: peer.coverage,
    reasons: peer.reasons.map((r) => toReason(p, r)),
  };
}

/**
 * "Regions like mine": keeps each level's standardised matrix in memory and rebuilds it when the
 * data version (a sequence the database bumps on every relevant write) moves.
 */
export function similarityService(repo: SimilarityRepo, o: SimilarityServiceOptions = {}) {
  const cache = versionedCache<PreparedLevel>(repo.dataVersion, o);
  const prepared = (level: number) => cache.get(String(level), () => prepareLevel(repo, level, o.options));

  return {
    prepared,
    async similar(
      code: string,
      q: { dimensions: Dimension[]; limit: number; includeSelf: boolean },
    ): Promise<SimilarRegions> {
      const level = levelOf(code);
      const p = await prepared(level);
      const name = p.names.get(code);
      if (name === undefined) throw notFound('Region');
      const m = p.matrix;
      const peers = rankPeers(m, {
        code,
        dimensions: q.dimensions,
        limit: q.limit,
        includeSelf: q.includeSelf,
      });
      return {
        region: { code, name, level },
        dimensions: q.dimensions,
        features: m.features
          .filter((f) => q.dimensions.includes(f.dimension))
          .map((f) => ({ id: f.id, dimension: f.dimension, regions: f.regions })),
        skipped: m.skipped.filter((s) => q.dimensions.includes(s.dimension)),
        ecosystems: { minOrganisations: m.options.minOrganisations, regions: p.ecosystemRegions },
        peers: peers.map((peer) => toPeer(p, peer, q.dimensions)),
      };
    },
    /** Forgets the matrices (tests, and after a bulk change made outside the database's triggers). */
    clear: () => cache.clear(),
  };
}
export type SimilarityService = ReturnType<typeof similarityService>;
