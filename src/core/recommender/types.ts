/** One organisation's participation in one project (a row of the CORDIS participations file). */
export interface Participation {
  project: string;
  pic: string;
  role: 'coordinator' | 'participant' | 'partner' | string;
  /** ISO date (YYYY-MM-DD) the project starts. */
  start: string;
}

/** A project's programme part (a row of the programme parts file); a project may have several. */
export interface ProgrammePart {
  project: string;
  part: string;
}

export interface PartnerQuery {
  organisation: string;
  programmeParts: string[];
  /** Up to this many recommendations (default 100). */
  limit?: number;
}

/** Why a candidate is recommended, as data (the UI words it). */
export type PartnerReason =
  | { kind: 'repeat-partner'; projects: number }
  | { kind: 'common-partners'; partners: number }
  | { kind: 'programme-part'; part: string; projects: number }
  | { kind: 'programme-pillar'; pillar: string; projects: number }
  | { kind: 'popular'; projects: number };

export interface Recommendation {
  pic: string;
  score: number;
  reasons: PartnerReason[];
}

/** Weights of the hybrid score; every feature is scaled to roughly [0, 1] before weighting. */
export interface RecommenderWeights {
  repeat: number;
  adamicAdar: number;
  commonPartners: number;
  part: number;
  pillar: number;
  popularity: number;
  /** A past project sharing one of the query's programme parts ties its members 1 + samePart times as much. */
  samePart: number;
  /** A past project the query organisation coordinated ties its members 1 + coordinated times as much. */
  coordinated: number;
}
