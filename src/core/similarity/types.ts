/** What "regions like mine" compares: three dimensions of indicators and the directory's ecosystems. */
import { SIMILARITY_DIMENSIONS, type SimilarityDimension } from '../../shared/region-similarity.ts';

export type Dimension = SimilarityDimension;
export type IndicatorDimension = Exclude<Dimension, 'ecosystems'>;

export const DIMENSIONS: readonly Dimension[] = SIMILARITY_DIMENSIONS;

/** A numeric or category indicator as the similarity sees it. */
export interface IndicatorSpec {
  id: string;
  dimension: IndicatorDimension;
  kind: 'number' | 'category';
  /**
   * 'log' for sizes spanning orders of magnitude (population, GDP in million EUR): standardised on
   * their logarithm, so that a few large regions do not stretch the scale for everyone else.
   */
  transform: 'none' | 'log';
}

export interface Observation {
  value: number;
  year: number;
}

export interface CategoryObservation {
  text: string;
  year: number;
}

/** One region's latest figures (one year per indicator, possibly different years) and its directory. */
export interface RegionInput {
  code: string;
  figures: ReadonlyMap<string, Observation>;
  categories: ReadonlyMap<string, CategoryObservation>;
  /**
   * Organisations per ecosystem and how many organisations name at least one ecosystem; null when
   * the directory holds none there (the dimension is then unknown for the region, never "zero").
   */
  ecosystems: { organisations: number; counts: ReadonlyMap<string, number> } | null;
}

export interface SimilarityOptions {
  /** An indicator is used when at least this share of the level's regions have a figure. */
  minFeatureShare: number;
  /** …and at least this many regions (a standard deviation over two regions means nothing). */
  minFeatureRegions: number;
  /** Two regions are compared on a dimension when they share at least this share of its features. */
  minOverlapShare: number;
  /** A region's ecosystem shares are used when at least this many organisations name an ecosystem. */
  minOrganisations: number;
}

export const DEFAULT_OPTIONS: SimilarityOptions = {
  minFeatureShare: 0.5,
  minFeatureRegions: 3,
  minOverlapShare: 0.5,
  minOrganisations: 10,
};

/** A standardised feature: an indicator, or the share of a region's organisations in one ecosystem. */
export interface Feature {
  id: string;
  dimension: Dimension;
  /** For ecosystem features, the ecosystem's code; for indicators, the indicator id. */
  source: string;
  transform: 'none' | 'log';
  mean: number;
  sd: number;
  /** Regions of the level with a figure. */
  regions: number;
}

export interface SkippedFeature {
  id: string;
  dimension: Dimension;
  regions: number;
  reason: 'sparse' | 'constant';
}

/** Everything needed to rank peers at one NUTS level; built once and kept while the data stay the same. */
export interface SimilarityMatrix {
  codes: string[];
  index: ReadonlyMap<string, number>;
  features: Feature[];
  skipped: SkippedFeature[];
  /** Row-major z-scores, codes.length × features.length; NaN where a region has no figure. */
  z: Float64Array;
  /** Feature indices per dimension. */
  byDimension: Record<Dimension, number[]>;
  /** Category indicators per dimension (reasons only, not distances). */
  categories: Record<Dimension, string[]>;
  inputs: ReadonlyMap<string, RegionInput>;
  options: SimilarityOptions;
}

export interface DimensionDistance {
  /** Null when unknown: fewer shared features than the minimum overlap (or none at this level). */
  distance: number | null;
  /** Features both regions have, of those the dimension uses at this level. */
  shared: number;
  of: number;
}

export type Reason =
  | {
      kind: 'indicator';
      indicator: string;
      dimension: IndicatorDimension;
      /** Difference in standard deviations (0 = the same figure). */
      gap: number;
      region: Observation;
      peer: Observation;
    }
  | { kind: 'category'; indicator: string; dimension: IndicatorDimension; text: string; year: number }
  | {
      kind: 'ecosystems';
      /** Ecosystems strong in both (share above the level's mean in each), strongest first. */
      ecosystems: { ecosystem: string; region: number; peer: number }[];
    };

export interface Peer {
  code: string;
  /** Root mean square of the known dimension distances (equal weight); 0 for the region itself. */
  distance: number;
  dimensions: Partial<Record<Dimension, DimensionDistance>>;
  /** Features compared over all chosen dimensions. */
  coverage: { shared: number; of: number };
  reasons: Reason[];
}

export interface RankQuery {
  code: string;
  dimensions: readonly Dimension[];
  limit: number;
  includeSelf?: boolean;
  /** How many close indicators to name per peer. */
  reasonsPerPeer?: number;
}
