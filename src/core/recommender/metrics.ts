/** Ranking quality of one ranked list against a set of relevant items (binary relevance). */
export interface RankingScores {
  recall: number;
  ndcg: number;
  reciprocalRank: number;
}

export function scoreRanking(ranked: string[], relevant: Set<string>, k = 10): RankingScores {
  let hits = 0;
  let dcg = 0;
  let rr = 0;
  for (let i = 0; i < ranked.length; i++) {
    if (!relevant.has(ranked[i]!)) continue;
    if (!rr) rr = 1 / (i + 1);
    if (i < k) {
      hits++;
      dcg += 1 / Math.log2(i + 2);
    }
  }
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return {
    recall: relevant.size ? hits / relevant.size : 0,
    ndcg: ideal ? dcg / ideal : 0,
    reciprocalRank: rr,
  };
}
