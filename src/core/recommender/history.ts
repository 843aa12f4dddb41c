import type { Participation, ProgrammePart } from './types.ts';

/** H2020 programme parts grouped by pillar: the "parent" of a part. */
export const PILLARS: Record<string, string> = {
  ERC: 'Excellent Science',
  FET: 'Excellent Science',
  MSCA: 'Excellent Science',
  RI: 'Excellent Science',
  LEIT: 'Industrial Leadership',
  ARF: 'Industrial Leadership',
  'Innovation in SMEs': 'Industrial Leadership',
  SC1: 'Societal Challenges',
  SC2: 'Societal Challenges',
  SC3: 'Societal Challenges',
  SC4: 'Societal Challenges',
  SC5: 'Societal Challenges',
  SC6: 'Societal Challenges',
  SC7: 'Societal Challenges',
  SEWP: 'Spreading Excellence',
  SWAFS: 'Science with and for Society',
  Euratom: 'Euratom',
};

export const pillarOf = (part: string) => PILLARS[part] ?? part;

/** Organisations ranked by how active they are in one programme part (or pillar). */
export interface Activity {
  /** Organisation index → number of projects in the part. */
  counts: Map<number, number>;
  /** Organisation indices by count descending, ties by PIC. */
  ranked: number[];
  max: number;
  /** Organisation index → its projects in the part, each weighted 2^(−age / half-life). */
  recent: Map<number, number>;
  maxRecent: number;
}

/** Recent projects tie organisations more than old ones: a project's weight halves every this many years. */
export const HALF_LIFE_YEARS = 2;
/** Only each organisation's strongest partners are walked for two-hop scores (bounds a query's cost). */
export const STRONG_PARTNERS = 60;

/**
 * The co-participation graph and activity indexes of a participation history. Organisations are
 * numbered in PIC order so that every tie broken by index is a tie broken by PIC.
 */
export interface History {
  pics: string[];
  index: Map<string, number>;
  /** Projects each organisation took part in. */
  projects: Uint32Array;
  /** Neighbours of each organisation: index → number of shared projects. */
  partners: Map<number, number>[];
  /**
   * Tie strength: over shared projects, 2^(−age / half-life) / (consortium size − 1), the age counted
   * from the latest project start in the history (a small recent consortium is a strong tie).
   */
  ties: Map<number, number>[];
  /** Past projects of each organisation, as [members, tie weight of the project, its parts]. */
  pastProjects: { members: number[]; tie: number; parts: Set<string>; coordinator: number }[][];
  /** Each organisation's STRONG_PARTNERS strongest partners, strongest first, ties by PIC. */
  strong: Uint32Array[];
  /** 1 / log(2 + number of partners), the Adamic–Adar weight of an organisation as a common partner. */
  aaWeight: Float64Array;
  parts: Map<string, Activity>;
  pillars: Map<string, Activity>;
  /** Organisation indices by project count descending, ties by PIC. */
  popular: number[];
  maxProjects: number;
}

function activity([counts, recent]: [Map<number, number>, Map<number, number>]): Activity {
  const ranked = [...counts.keys()].sort((a, b) => recent.get(b)! - recent.get(a)! || a - b);
  return {
    counts,
    ranked,
    max: Math.max(0, ...counts.values()),
    recent,
    maxRecent: ranked.length ? recent.get(ranked[0]!)! : 0,
  };
}

const bump = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
const entry = <K, V>(m: Map<K, V>, k: K, make: () => V): V => {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
};

const years = (date: string) => Date.parse(date) / (365.25 * 86_400_000);

export interface HistoryOptions {
  halfLifeYears: number;
  /** A shared project's tie is divided by (consortium size − 1) to this power. */
  sizeExponent: number;
  strongPartners: number;
}

export const DEFAULT_HISTORY_OPTIONS: HistoryOptions = {
  halfLifeYears: HALF_LIFE_YEARS,
  sizeExponent: 1,
  strongPartners: STRONG_PARTNERS,
};

export function buildHistory(
  participations: Participation[],
  programmeParts: ProgrammePart[],
  options: HistoryOptions = DEFAULT_HISTORY_OPTIONS,
): History {
  const pics = [...new Set(participations.map((p) => p.pic))].sort();
  const index = new Map(pics.map((p, i) => [p, i]));
  const members = new Map<string, Set<number>>();
  const coordinators = new Map<string, number>();
  const started = new Map<string, number>();
  let latest = Number.NEGATIVE_INFINITY;
  for (const p of participations) {
    entry(members, p.project, () => new Set<number>()).add(index.get(p.pic)!);
    if (p.role === 'coordinator') coordinators.set(p.project, index.get(p.pic)!);
    const y = years(p.start);
    if (Number.isFinite(y)) {
      started.set(p.project, y);
      latest = Math.max(latest, y);
    }
  }
  const projectParts = new Map<string, Set<string>>();
  for (const pp of programmeParts)
    if (members.has(pp.project)) entry(projectParts, pp.project, () => new Set<string>()).add(pp.part);
  const projects = new Uint32Array(pics.length);
  const partners = pics.map(() => new Map<number, number>());
  const ties = pics.map(() => new Map<number, number>());
  const partCounts = new Map<string, [Map<number, number>, Map<number, number>]>();
  const pillarCounts = new Map<string, [Map<number, number>, Map<number, number>]>();
  const pastProjects = pics.map(() => [] as History['pastProjects'][number]);
  for (const [project, orgs] of members) {
    const list = [...orgs].sort((a, b) => a - b);
    const age = latest - (started.get(project) ?? latest);
    const recency = 2 ** (-age / options.halfLifeYears);
    const tie =
      list.length > 1 ? 2 ** (-age / options.halfLifeYears) / (list.length - 1) ** options.sizeExponent : 0;
    const record = {
      members: list,
      tie,
      parts: projectParts.get(project) ?? new Set<string>(),
      coordinator: coordinators.get(project) ?? -1,
    };
    for (const a of list) pastProjects[a]!.push(record);
    for (const a of list) {
      projects[a]!++;
      for (const b of list)
        if (a !== b) {
          bump(partners[a]!, b);
          bump(ties[a]!, b, tie);
        }
    }
    const parts = projectParts.get(project) ?? new Set<string>();
    for (const part of parts) {
      const [pc, pr] = entry(partCounts, part, () => [new Map<number, number>(), new Map<number, number>()]);
      for (const a of list) {
        bump(pc, a);
        bump(pr, a, recency);
      }
    }
    for (const pillar of new Set([...parts].map(pillarOf))) {
      const [pc, pr] = entry(pillarCounts, pillar, () => [
        new Map<number, number>(),
        new Map<number, number>(),
      ]);
      for (const a of list) {
        bump(pc, a);
        bump(pr, a, recency);
      }
    }
  }
  const strong = ties.map((m) =>
    Uint32Array.from(
      [...m.keys()].sort((a, b) => m.get(b)! - m.get(a)! || a - b).slice(0, options.strongPartners),
    ),
  );
  const aaWeight = Float64Array.from(partners, (m) => 1 / Math.log(2 + m.size));
  const popular = pics.map((_, i) => i).sort((a, b) => projects[b]! - projects[a]! || a - b);
  return {
    pics,
    index,
    projects,
    partners,
    ties,
    pastProjects,
    strong,
    aaWeight,
    parts: new Map([...partCounts].map(([k, v]) => [k, activity(v)])),
    pillars: new Map([...pillarCounts].map(([k, v]) => [k, activity(v)])),
    popular,
    maxProjects: popular.length ? projects[popular[0]!]! : 0,
  };
}
