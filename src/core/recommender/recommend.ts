import { type History, pillarOf } from './history.ts';
import type { PartnerQuery, PartnerReason, Recommendation, RecommenderWeights } from './types.ts';

/** Chosen on the 2018-01-01 split of CORDIS H2020 (bench/partners.bench.ts), checked on 2017 and 2019. */
export const DEFAULT_WEIGHTS: RecommenderWeights = {
  repeat: 2,
  adamicAdar: 0.5,
  commonPartners: 0,
  part: 2,
  pillar: 0.2,
  popularity: 0.1,
  samePart: 3,
  coordinated: 3,
};

/** How many of the most active organisations of each query part join the candidates. */
const PART_CANDIDATES = 300;

interface Scratch {
  aa: Float64Array;
  cn: Uint32Array;
  seen: Uint8Array;
  touched: number[];
}

function scratch(n: number): Scratch {
  return { aa: new Float64Array(n), cn: new Uint32Array(n), seen: new Uint8Array(n), touched: [] };
}

/**
 * Ranks likely partners of `query.organisation`: a weighted sum of repeat partnership, Adamic–Adar and
 * common partners over the co-participation graph, activity in the query's programme parts and their
 * pillars, and a popularity prior, each scaled to [0, 1] within the query. Never returns the organisation
 * itself; ties go to the smaller PIC.
 */
export function recommendPartners(
  history: History,
  query: PartnerQuery,
  weights: RecommenderWeights = DEFAULT_WEIGHTS,
): Recommendation[] {
  const limit = query.limit ?? 100;
  const n = history.pics.length;
  const s = scratch(n);
  const self = history.index.get(query.organisation);
  const add = (c: number) => {
    if (!s.seen[c]) {
      s.seen[c] = 1;
      s.touched.push(c);
    }
  };
  const own = self === undefined ? undefined : history.partners[self]!;
  if (self !== undefined) {
    // Direct partners are all candidates; two hops walk only the strongest partners' strongest partners.
    for (const z of own!.keys()) add(z);
    for (const z of history.strong[self]!) {
      const w = history.aaWeight[z]!;
      for (const c of history.strong[z]!) {
        s.aa[c]! += w;
        s.cn[c]!++;
        add(c);
      }
    }
  }
  const parts = [...new Set(query.programmeParts)].filter((p) => history.parts.has(p));
  const pillars = [...new Set(parts.map(pillarOf))].filter((p) => history.pillars.has(p));
  for (const p of parts) for (const c of history.parts.get(p)!.ranked.slice(0, PART_CANDIDATES)) add(c);
  for (const c of history.popular.slice(0, limit + 1)) add(c);

  let maxAa = 0;
  let maxCn = 0;
  let maxTie = 0;
  // Ties of the organisation, a past project counting more when it shares one of the query's parts.
  let ties: Map<number, number> | undefined;
  if (self !== undefined) {
    ties = new Map();
    const wanted = new Set(query.programmeParts);
    for (const p of history.pastProjects[self]!) {
      let inPart = false;
      for (const x of p.parts) if (wanted.has(x)) inPart = true;
      const w =
        p.tie * (inPart ? 1 + weights.samePart : 1) * (p.coordinator === self ? 1 + weights.coordinated : 1);
      if (w) for (const c of p.members) if (c !== self) ties.set(c, (ties.get(c) ?? 0) + w);
    }
  }
  for (const c of s.touched) {
    if (c === self) continue;
    maxAa = Math.max(maxAa, s.aa[c]!);
    maxCn = Math.max(maxCn, s.cn[c]!);
    maxTie = Math.max(maxTie, ties?.get(c) ?? 0);
  }
  const logMaxProjects = Math.log1p(history.maxProjects);
  const activityScore = (names: string[], table: History['parts'], c: number) => {
    if (!names.length) return 0;
    let sum = 0;
    for (const name of names) {
      const a = table.get(name)!;
      const k = a.recent.get(c) ?? 0;
      if (k) sum += Math.log1p(k) / Math.log1p(a.maxRecent);
    }
    return sum / names.length;
  };
  const scored: { c: number; score: number }[] = [];
  for (const c of s.touched) {
    if (c === self) continue;
    const tie = ties?.get(c) ?? 0;
    const score =
      (tie ? (weights.repeat * tie) / maxTie : 0) +
      (maxAa ? (weights.adamicAdar * s.aa[c]!) / maxAa : 0) +
      (maxCn ? (weights.commonPartners * s.cn[c]!) / maxCn : 0) +
      weights.part * activityScore(parts, history.parts, c) +
      weights.pillar * activityScore(pillars, history.pillars, c) +
      (logMaxProjects ? (weights.popularity * Math.log1p(history.projects[c]!)) / logMaxProjects : 0);
    scored.push({ c, score });
  }
  scored.sort((a, b) => b.score - a.score || a.c - b.c);
  return scored.slice(0, limit).map(({ c, score }) => ({
    pic: history.pics[c]!,
    score,
    reasons: reasons(history, c, own?.get(c) ?? 0, s.cn[c]!, parts, pillars),
  }));
}

function reasons(
  history: History,
  c: number,
  repeat: number,
  common: number,
  parts: string[],
  pillars: string[],
): PartnerReason[] {
  const out: PartnerReason[] = [];
  if (repeat) out.push({ kind: 'repeat-partner', projects: repeat });
  if (common) out.push({ kind: 'common-partners', partners: common });
  for (const part of parts) {
    const k = history.parts.get(part)!.counts.get(c);
    if (k) out.push({ kind: 'programme-part', part, projects: k });
  }
  for (const pillar of pillars) {
    const k = history.pillars.get(pillar)!.counts.get(c);
    if (k && !parts.some((p) => pillarOf(p) === pillar))
      out.push({ kind: 'programme-pillar', pillar, projects: k });
  }
  out.push({ kind: 'popular', projects: history.projects[c]! });
  return out;
}

/** Baseline: the most active organisations overall. */
export function rankByPopularity(history: History, organisation: string, limit = 100): string[] {
  const self = history.index.get(organisation);
  const out: string[] = [];
  for (const c of history.popular) {
    if (out.length >= limit) break;
    if (c !== self) out.push(history.pics[c]!);
  }
  return out;
}

/** Baseline: most common partners with the organisation, ties by popularity then PIC, padded by popularity. */
export function rankByCommonPartners(history: History, organisation: string, limit = 100): string[] {
  const self = history.index.get(organisation);
  const cn = new Uint32Array(history.pics.length);
  const touched: number[] = [];
  if (self !== undefined)
    for (const z of history.partners[self]!.keys())
      for (const c of history.partners[z]!.keys()) if (c !== self && cn[c]!++ === 0) touched.push(c);
  const ranked = touched
    .sort((a, b) => cn[b]! - cn[a]! || history.projects[b]! - history.projects[a]! || a - b)
    .slice(0, limit);
  const taken = new Set(ranked);
  for (const c of history.popular) {
    if (ranked.length >= limit) break;
    if (c !== self && !taken.has(c)) ranked.push(c);
  }
  return ranked.map((c) => history.pics[c]!);
}
