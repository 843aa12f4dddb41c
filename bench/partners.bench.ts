// Partners: recommended partners proven on real consortia. CORDIS H2020 split in time: the history is
// every project starting before the cut-off; each later project's coordinator is a query whose relevant
// items are the project's other organisations already in the history. Figures on all partners and on
// new partners (the coordinator's past partners removed from the ranking and the relevant set), beside
// the popularity and common-partner baselines run on the same queries.

import { readParticipations, readProgrammeParts } from '../src/cli/partners.ts';
import {
  buildHistory,
  DEFAULT_WEIGHTS,
  type History,
  type Participation,
  type PartnerQuery,
  type ProgrammePart,
  type RecommenderWeights,
  rankByCommonPartners,
  rankByPopularity,
  recommendPartners,
  scoreRanking,
} from '../src/core/recommender/index.ts';
import { ratio, table } from './lib.ts';

const DIR = process.env.BENCH_PARTNERS_DIR ?? '/work/shared/data/cordis-h2020';

interface Case {
  query: PartnerQuery;
  relevant: Set<string>;
  past: Set<string>;
}

interface Split {
  cutoff: string;
  history: History;
  cases: Case[];
}

function split(participations: Participation[], parts: ProgrammePart[], cutoff: string): Split {
  const history = buildHistory(
    participations.filter((p) => p.start < cutoff),
    parts,
  );
  const partsOf = new Map<string, string[]>();
  for (const p of parts) (partsOf.get(p.project) ?? partsOf.set(p.project, []).get(p.project)!).push(p.part);
  const later = new Map<string, Participation[]>();
  for (const p of participations)
    if (p.start >= cutoff) (later.get(p.project) ?? later.set(p.project, []).get(p.project)!).push(p);
  const cases: Case[] = [];
  for (const [project, rows] of [...later].sort(([a], [b]) => a.localeCompare(b))) {
    const coordinator = rows.find((r) => r.role === 'coordinator')?.pic;
    if (!coordinator) continue;
    const relevant = new Set(
      rows.map((r) => r.pic).filter((pic) => pic !== coordinator && history.index.has(pic)),
    );
    if (!relevant.size) continue;
    const self = history.index.get(coordinator);
    const past = new Set(
      self === undefined ? [] : [...history.partners[self]!.keys()].map((i) => history.pics[i]!),
    );
    cases.push({
      query: { organisation: coordinator, programmeParts: partsOf.get(project) ?? [] },
      relevant,
      past,
    });
  }
  return { cutoff, history, cases };
}

interface Figures {
  r10: number;
  ndcg: number;
  mrr: number;
  newR10: number;
  newNdcg: number;
  newMrr: number;
  newQueries: number;
  msPerQuery: number;
}

function evaluate(s: Split, rank: (q: PartnerQuery) => string[]): Figures {
  const f = { r10: 0, ndcg: 0, mrr: 0, newR10: 0, newNdcg: 0, newMrr: 0, newQueries: 0, msPerQuery: 0 };
  let time = 0;
  for (const c of s.cases) {
    const t = performance.now();
    const ranked = rank(c.query);
    time += performance.now() - t;
    const all = scoreRanking(ranked, c.relevant);
    f.r10 += all.recall;
    f.ndcg += all.ndcg;
    f.mrr += all.reciprocalRank;
    const fresh = new Set([...c.relevant].filter((p) => !c.past.has(p)));
    if (!fresh.size) continue;
    const n = scoreRanking(
      ranked.filter((p) => !c.past.has(p)),
      fresh,
    );
    f.newQueries++;
    f.newR10 += n.recall;
    f.newNdcg += n.ndcg;
    f.newMrr += n.reciprocalRank;
  }
  const q = s.cases.length;
  return {
    r10: f.r10 / q,
    ndcg: f.ndcg / q,
    mrr: f.mrr / q,
    newR10: f.newR10 / f.newQueries,
    newNdcg: f.newNdcg / f.newQueries,
    newMrr: f.newMrr / f.newQueries,
    newQueries: f.newQueries,
    msPerQuery: time / q,
  };
}

const method = (s: Split, w: RecommenderWeights) => (q: PartnerQuery) =>
  recommendPartners(s.history, q, w).map((r) => r.pic);

const f3 = (x: number) => x.toFixed(3);

export async function partnersBench(opts: {
  cutoffs: string[];
  tune: boolean;
  sample: number;
}): Promise<void> {
  const t = performance.now();
  const participations = readParticipations(`${DIR}/h2020_participations.csv.gz`);
  const parts = readProgrammeParts(`${DIR}/h2020_programme_parts.csv.gz`);
  console.log(
    `\npartners: ${participations.length} participations, ${parts.length} programme parts read in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  if (opts.tune) {
    const s = split(participations, parts, '2018-01-01');
    tune({ ...s, cases: s.cases.filter((_, i) => i % opts.sample === 0) });
  }
  const targets: string[][] = [];
  for (const cutoff of opts.cutoffs) {
    const full = split(participations, parts, cutoff);
    const s = { ...full, cases: full.cases.filter((_, i) => i % opts.sample === 0) };
    const pop = evaluate(s, (q) => rankByPopularity(s.history, q.organisation));
    const cn = evaluate(s, (q) => rankByCommonPartners(s.history, q.organisation));
    const ours = evaluate(s, method(s, DEFAULT_WEIGHTS));
    const row = (name: string, f: Figures) => [
      name,
      f3(f.r10),
      f3(f.ndcg),
      f3(f.mrr),
      f3(f.newR10),
      f3(f.newNdcg),
      f3(f.newMrr),
      f.msPerQuery.toFixed(2),
    ];
    table(
      `partners, history before ${cutoff}: ${s.history.pics.length} organisations, ${s.cases.length} queries (${ours.newQueries} with new partners)`,
      ['method', 'R@10', 'nDCG@10', 'MRR', 'new R@10', 'new nDCG@10', 'new MRR', 'ms/query'],
      [row('popularity', pop), row('common partners', cn), row('hybrid (ours)', ours)],
    );
    targets.push([
      cutoff,
      `${f3(ours.ndcg)} (${ratio(ours.ndcg, pop.ndcg)} pop)`,
      ours.ndcg >= 0.15 && ours.ndcg >= 2.5 * pop.ndcg ? 'met' : 'NOT met',
      `${f3(ours.newR10)} (${ratio(ours.newR10, pop.newR10)} pop)`,
      ours.newR10 >= 1.6 * pop.newR10 ? 'met' : 'NOT met',
      `${ours.msPerQuery.toFixed(2)} ms`,
      ours.msPerQuery <= 5 ? 'met' : 'NOT met',
    ]);
  }
  table(
    'partners targets: nDCG@10 ≥ 0.15 and ≥ 2.5× popularity; new R@10 ≥ 1.6× popularity; ≤ 5 ms/query',
    ['cut-off', 'nDCG@10', '', 'new R@10', '', 'ms/query', ''],
    targets,
  );
}

/** A small grid over the weights on one split (BENCH_PARTNERS_TUNE=1); prints the best few. */
function tune(s: Split): void {
  const results: { w: RecommenderWeights; f: Figures }[] = [];
  for (const repeat of [1, 2])
    for (const adamicAdar of [0.5, 1])
      for (const commonPartners of [0, 0.5])
        for (const part of [0.5, 1, 2])
          for (const pillar of [0, 0.2])
            for (const popularity of [0.1, 0.4]) {
              const w = {
                repeat,
                adamicAdar,
                commonPartners,
                part,
                pillar,
                popularity,
                samePart: 3,
                coordinated: DEFAULT_WEIGHTS.coordinated,
              };
              results.push({ w, f: evaluate(s, method(s, w)) });
            }
  results.sort((a, b) => b.f.ndcg + b.f.newR10 - (a.f.ndcg + a.f.newR10));
  table(
    `partners tuning on ${s.cutoff} (best 8 of ${results.length} by nDCG@10 + new R@10)`,
    ['weights', 'nDCG@10', 'new R@10'],
    results.slice(0, 8).map((r) => [JSON.stringify(r.w), f3(r.f.ndcg), f3(r.f.newR10)]),
  );
}
