import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildHistory,
  type Participation,
  rankByCommonPartners,
  rankByPopularity,
  recommendPartners,
  scoreRanking,
} from './index.ts';

// A tiny graph: A worked with B (twice) and C; B and C worked with D; E and F are an island in LEIT;
// G is in one SC3 project of its own.
const rows: [string, string[], string][] = [
  ['p1', ['A', 'B', 'C'], '2016-01-01'],
  ['p2', ['A', 'B'], '2017-01-01'],
  ['p3', ['B', 'D'], '2017-01-01'],
  ['p4', ['C', 'D'], '2017-01-01'],
  ['p5', ['E', 'F'], '2017-01-01'],
  ['p6', ['G'], '2017-06-01'],
];
const participations: Participation[] = rows.flatMap(([project, pics, start]) =>
  pics.map((pic, i) => ({ project, pic, role: i ? 'participant' : 'coordinator', start })),
);
const parts = [
  { project: 'p1', part: 'SC3' },
  { project: 'p2', part: 'SC3' },
  { project: 'p3', part: 'SC3' },
  { project: 'p4', part: 'SC1' },
  { project: 'p5', part: 'LEIT' },
  { project: 'p6', part: 'SC3' },
];
const history = buildHistory(participations, parts);

test('repeat partners first, then partners of partners, then the programme part, never the organisation itself', () => {
  const ranked = recommendPartners(history, { organisation: 'A', programmeParts: ['SC3'] });
  assert.deepEqual(
    ranked.map((r) => r.pic),
    ['B', 'C', 'D', 'G', 'E', 'F'],
  );
  assert.ok(!ranked.some((r) => r.pic === 'A'));
});

test('reasons are structured data', () => {
  const [b, , d] = recommendPartners(history, { organisation: 'A', programmeParts: ['SC3'] });
  assert.deepEqual(b!.reasons, [
    { kind: 'repeat-partner', projects: 2 },
    { kind: 'common-partners', partners: 1 },
    { kind: 'programme-part', part: 'SC3', projects: 3 },
    { kind: 'popular', projects: 3 },
  ]);
  assert.deepEqual(d!.reasons[0], { kind: 'common-partners', partners: 2 });
});

test("an unknown organisation gets the programme part's most active organisations, ties by PIC", () => {
  const ranked = recommendPartners(history, { organisation: 'Z', programmeParts: ['LEIT'] });
  assert.deepEqual(
    ranked.slice(0, 2).map((r) => r.pic),
    ['E', 'F'],
  );
});

test('deterministic: same input, same output, whatever the input order', () => {
  const q = { organisation: 'C', programmeParts: ['SC1', 'SC3'] };
  const again = buildHistory([...participations].reverse(), [...parts].reverse());
  assert.deepEqual(recommendPartners(again, q), recommendPartners(history, q));
  assert.deepEqual(recommendPartners(history, q), recommendPartners(history, q));
});

test('limit caps the list', () => {
  assert.equal(recommendPartners(history, { organisation: 'A', programmeParts: [], limit: 2 }).length, 2);
});

test('baselines exclude the organisation itself', () => {
  assert.deepEqual(rankByPopularity(history, 'B', 3), ['A', 'C', 'D']);
  assert.deepEqual(rankByCommonPartners(history, 'A', 2), ['D', 'B']); // D shares B and C
  assert.ok(!rankByCommonPartners(history, 'A').includes('A'));
});

test('scoreRanking: recall, nDCG and reciprocal rank at 10', () => {
  const s = scoreRanking(['x', 'a', 'y', 'b'], new Set(['a', 'b']));
  assert.equal(s.recall, 1);
  assert.equal(s.reciprocalRank, 0.5);
  assert.ok(Math.abs(s.ndcg - (1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3))) < 1e-12);
});
