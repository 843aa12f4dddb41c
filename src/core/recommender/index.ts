export { buildHistory, type History, PILLARS, pillarOf } from './history.ts';
export { type RankingScores, scoreRanking } from './metrics.ts';
export { DEFAULT_WEIGHTS, rankByCommonPartners, rankByPopularity, recommendPartners } from './recommend.ts';
export type {
  Participation,
  PartnerQuery,
  PartnerReason,
  ProgrammePart,
  Recommendation,
  RecommenderWeights,
} from './types.ts';
