// Scoring rules shared by the host-region call and the pitch jury: pure functions, no I/O.

export interface WeightedCriterion {
  key: string;
  weight?: number | undefined;
}

export type Scores = Readonly<Record<string, number>>;

/** A review's weighted average over the criteria (0..10); a criterion without a weight weighs 1. */
export function weightedScore(criteria: readonly WeightedCriterion[], scores: Scores): number {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores[c.key];
    if (typeof s !== 'number') continue;
    const w = c.weight ?? 1;
    sum += w * s;
    weights += w;
  }
  return weights > 0 ? round(sum / weights) : 0;
}

const round = (n: number) => Math.round(n * 100) / 100;

export interface Ranked<T> {
  item: T;
  rank: number | null;
  score: number | null;
  reviewCount: number;
  criterionAverages: Record<string, number>;
}

/**
 * Ranks items by the mean of their reviews' weighted averages, best first; items with equal scores
 * share a rank (1, 1, 3). Unreviewed items and those `excluded` come last, unranked.
 */
export function rank<T>(
  criteria: readonly WeightedCriterion[],
  items: readonly T[],
  reviewsOf: (item: T) => readonly Scores[],
  excluded: (item: T) => boolean = () => false,
): Ranked<T>[] {
  const scored = items.map((item) => {
    const reviews = reviewsOf(item);
    const criterionAverages: Record<string, number> = {};
    for (const c of criteria) {
      const values = reviews.map((r) => r[c.key]).filter((v): v is number => typeof v === 'number');
      if (values.length) criterionAverages[c.key] = round(values.reduce((a, b) => a + b, 0) / values.length);
    }
    const score =
      reviews.length && !excluded(item)
        ? round(reviews.reduce((a, r) => a + weightedScore(criteria, r), 0) / reviews.length)
        : null;
    return { item, score, reviewCount: reviews.length, criterionAverages, rank: null as number | null };
  });
  const ranked = scored.filter((s) => s.score !== null).sort((a, b) => b.score! - a.score!);
  ranked.forEach((s, i) => {
    s.rank = i > 0 && ranked[i - 1]!.score === s.score ? ranked[i - 1]!.rank : i + 1;
  });
  return [...ranked, ...scored.filter((s) => s.score === null)];
}

/** Checks a score sheet: every criterion scored, no unknown keys. Returns field messages. */
export function scoreSheetProblems(criteria: readonly WeightedCriterion[], scores: Scores): string[] {
  const keys = new Set(criteria.map((c) => c.key));
  const problems: string[] = [];
  for (const k of Object.keys(scores)) if (!keys.has(k)) problems.push(`Unknown criterion "${k}"`);
  for (const k of keys) if (typeof scores[k] !== 'number') problems.push(`Score the criterion "${k}"`);
  return problems;
}
