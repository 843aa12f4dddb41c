export { CLOSE_GAP, CLOSE_RATIO, dimensionDistance, peerRank, rankPeers } from './rank.ts';
export { buildMatrix } from './standardise.ts';
export {
  type CategoryObservation,
  DEFAULT_OPTIONS,
  DIMENSIONS,
  type Dimension,
  type DimensionDistance,
  type Feature,
  type IndicatorDimension,
  type IndicatorSpec,
  type Observation,
  type Peer,
  type RankQuery,
  type Reason,
  type RegionInput,
  type SimilarityMatrix,
  type SimilarityOptions,
  type SkippedFeature,
} from './types.ts';
