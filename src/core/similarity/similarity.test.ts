import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../test/helpers/random.ts';
import {
  buildMatrix,
  CLOSE_GAP,
  dimensionDistance,
  type IndicatorSpec,
  peerRank,
  type RegionInput,
  rankPeers,
} from './index.ts';

const num = (id: string, dimension: IndicatorSpec['dimension'], transform: 'none' | 'log' = 'none') =>
  ({ id, dimension, kind: 'number', transform }) as const;
const SPECS: IndicatorSpec[] = [
  num('gdp', 'economy', 'log'),
  num('pps', 'economy'),
  num('gerd', 'innovation'),
  num('hrst', 'innovation'),
  num('kis', 'structure'),
  { id: 'group', dimension: 'innovation', kind: 'category', transform: 'none' },
];

function region(
  code: string,
  figures: Record<string, number>,
  opts: { group?: string; ecosystems?: Record<string, number>; organisations?: number; year?: number } = {},
): RegionInput {
  const year = opts.year ?? 2019;
  return {
    code,
    figures: new Map(Object.entries(figures).map(([k, value]) => [k, { value, year }])),
    categories: new Map(opts.group ? [['group', { text: opts.group, year: 2023 }]] : []),
    ecosystems: opts.ecosystems
      ? {
          organisations: opts.organisations ?? Object.values(opts.ecosystems).reduce((s, n) => s + n, 0),
          counts: new Map(Object.entries(opts.ecosystems)),
        }
      : null,
  };
}

const REGIONS = [
  region('AA1', { gdp: 100, pps: 100, gerd: 1.0, hrst: 40, kis: 30 }, { group: 'Strong Innovator' }),
  region('BB1', { gdp: 1000, pps: 120, gerd: 1.1, hrst: 42, kis: 31 }, { group: 'Strong Innovator' }),
  region('CC1', { gdp: 10, pps: 60, gerd: 3.0, hrst: 50, kis: 45 }, { group: 'Moderate Innovator' }),
  region('DD1', { gdp: 100, pps: 100, gerd: 1.0, hrst: 40, kis: 30 }),
  region('EE1', { pps: 80 }),
];

describe('buildMatrix', () => {
  it('standardises each indicator over the regions that have it (population sd), log for sizes', () => {
    const m = buildMatrix(REGIONS, SPECS, []);
    const width = m.features.length;
    const col = (id: string) => {
      const j = m.features.findIndex((f) => f.id === id);
      return m.codes.map((_, i) => m.z[i * width + j]!);
    };
    const pps = col('pps');
    // pps over five regions: mean 92, population sd = sqrt(((8² + 28² + 32² + 8² + 12²)) / 5)
    const sd = Math.sqrt((64 + 784 + 1024 + 64 + 144) / 5);
    assert.deepEqual(
      pps.map((z) => z.toFixed(6)),
      [100, 120, 60, 100, 80].map((v) => ((v - 92) / sd).toFixed(6)),
    );
    const gdp = col('gdp');
    assert.ok(Number.isNaN(gdp[4]!), 'no figure, no z-score');
    // On the logarithm: 10, 100, 1000 are evenly spaced, so AA1 and DD1 (100) sit just above the mean.
    const logs = [100, 1000, 10, 100].map(Math.log);
    const mean = logs.reduce((s, x) => s + x, 0) / 4;
    assert.ok(
      Math.abs(gdp[0]! - (Math.log(100) - mean) / m.features.find((f) => f.id === 'gdp')!.sd) < 1e-12,
    );
    for (const id of ['pps', 'gerd']) {
      const zs = col(id).filter((z) => !Number.isNaN(z));
      assert.ok(Math.abs(zs.reduce((s, z) => s + z, 0)) < 1e-9, `${id}: mean 0`);
      assert.ok(Math.abs(zs.reduce((s, z) => s + z * z, 0) / zs.length - 1) < 1e-9, `${id}: sd 1`);
    }
  });

  it('skips indicators held by too few regions and those equal everywhere', () => {
    const rs = [
      region('A', { x: 1, c: 5 }),
      region('B', { x: 2, c: 5 }),
      region('C', { x: 3, c: 5, rare: 9 }),
      region('D', { x: 4, c: 5, rare: 1 }),
      region('E', { x: 5, c: 5 }),
    ];
    const specs = [num('x', 'economy'), num('c', 'economy'), num('rare', 'economy')];
    const m = buildMatrix(rs, specs, [], { minFeatureShare: 0.5 });
    assert.deepEqual(
      m.features.map((f) => f.id),
      ['x'],
    );
    assert.deepEqual(
      m.skipped.map((s) => [s.id, s.reason, s.regions]),
      [
        ['c', 'constant', 5],
        ['rare', 'sparse', 2],
      ],
    );
  });

  it('uses ecosystem shares only of regions with enough organisations', () => {
    const rs = [
      region('A', { x: 1 }, { ecosystems: { digital: 8, health: 2 }, organisations: 10 }),
      region('B', { x: 2 }, { ecosystems: { digital: 2, health: 8 }, organisations: 10 }),
      region('C', { x: 3 }, { ecosystems: { digital: 5, health: 5 }, organisations: 10 }),
      region('D', { x: 4 }, { ecosystems: { digital: 2 }, organisations: 2 }),
      region('E', { x: 5 }),
    ];
    const m = buildMatrix(rs, [num('x', 'economy')], ['digital', 'health', 'tourism'], {
      minOrganisations: 10,
    });
    assert.deepEqual(
      m.features.filter((f) => f.dimension === 'ecosystems').map((f) => [f.id, f.regions]),
      [
        ['ecosystem:digital', 3],
        ['ecosystem:health', 3],
      ],
    );
    assert.deepEqual(
      m.skipped.map((s) => s.id),
      ['ecosystem:tourism'],
    );
    const d = m.index.get('D')!;
    const a = m.index.get('A')!;
    assert.deepEqual(
      dimensionDistance(m, a, d, 'ecosystems'),
      { distance: null, shared: 0, of: 2 },
      'too few organisations: unknown',
    );
    assert.equal(dimensionDistance(m, a, m.index.get('E')!, 'ecosystems').distance, null, 'none: unknown');
    assert.ok(dimensionDistance(m, a, m.index.get('B')!, 'ecosystems').distance! > 0);
  });
});

describe('rankPeers', () => {
  const m = buildMatrix(REGIONS, SPECS, []);
  const all = ['economy', 'innovation', 'structure'] as const;

  it('puts a region first at distance 0, then peers nearest first with ties broken by code', () => {
    const peers = rankPeers(m, { code: 'AA1', dimensions: all, limit: 10, includeSelf: true });
    assert.deepEqual(
      peers.slice(0, 2).map((p) => [p.code, p.distance]),
      [
        ['AA1', 0],
        ['DD1', 0],
      ],
    );
    assert.equal(peers[2]!.code, 'BB1');
    const again = rankPeers(m, { code: 'AA1', dimensions: all, limit: 10, includeSelf: true });
    assert.deepEqual(again, peers, 'deterministic');
    const without = rankPeers(m, { code: 'DD1', dimensions: all, limit: 10 });
    assert.deepEqual(without.map((p) => p.code).slice(0, 2), ['AA1', 'BB1']);
  });

  it('combines the known dimensions with equal weight and reports coverage', () => {
    // BB1's nearest: AA1 and DD1 hold the same figures; the tie goes to the first code.
    const [bb] = rankPeers(m, { code: 'BB1', dimensions: ['economy', 'innovation'], limit: 1 });
    const e = bb!.dimensions.economy!;
    const i = bb!.dimensions.innovation!;
    assert.equal(bb!.code, 'AA1');
    assert.ok(Math.abs(bb!.distance - Math.sqrt((e.distance! ** 2 + i.distance! ** 2) / 2)) < 1e-12);
    assert.deepEqual(bb!.coverage, { shared: 4, of: 4 });
    assert.equal(bb!.dimensions.structure, undefined, 'not chosen, not reported');
  });

  it('needs the minimum overlap: EE1 (one economy figure of two) is unknown on innovation and left out', () => {
    const inno = rankPeers(m, { code: 'AA1', dimensions: ['innovation'], limit: 10 });
    assert.ok(!inno.some((p) => p.code === 'EE1'));
    const eco = rankPeers(m, { code: 'AA1', dimensions: ['economy'], limit: 10 });
    const ee = eco.find((p) => p.code === 'EE1')!;
    assert.deepEqual(ee.dimensions.economy, {
      distance: ee.dimensions.economy!.distance,
      shared: 1,
      of: 2,
    });
    const both = rankPeers(m, { code: 'AA1', dimensions: ['economy', 'innovation'], limit: 10 }).find(
      (p) => p.code === 'EE1',
    )!;
    assert.deepEqual(both.dimensions.innovation, { distance: null, shared: 0, of: 2 });
    assert.equal(both.distance, both.dimensions.economy!.distance, 'unknown is left out, not zero');
    assert.deepEqual(both.coverage, { shared: 1, of: 4 });
    assert.ok(
      both.reasons.every((r) => r.kind === 'indicator' && r.dimension === 'economy'),
      'no reason from the unknown dimension',
    );
    const strict = buildMatrix(REGIONS, SPECS, [], { minOverlapShare: 1 });
    assert.ok(
      !rankPeers(strict, { code: 'AA1', dimensions: ['economy'], limit: 10 }).some((p) => p.code === 'EE1'),
    );
  });

  it('the chosen dimensions change the ranking', () => {
    const rs = [
      region('R', { pps: 100, gerd: 1 }),
      region('RICH', { pps: 101, gerd: 3 }),
      region('INNO', { pps: 40, gerd: 1.01 }),
      region('X', { pps: 70, gerd: 2 }),
    ];
    const mm = buildMatrix(rs, [num('pps', 'economy'), num('gerd', 'innovation')], []);
    assert.equal(rankPeers(mm, { code: 'R', dimensions: ['economy'], limit: 1 })[0]!.code, 'RICH');
    assert.equal(rankPeers(mm, { code: 'R', dimensions: ['innovation'], limit: 1 })[0]!.code, 'INNO');
    assert.deepEqual(rankPeers(mm, { code: 'R', dimensions: [], limit: 5 }), []);
    assert.deepEqual(rankPeers(mm, { code: 'NOPE', dimensions: ['economy'], limit: 5 }), []);
  });

  it('names the closest figures, a shared category and shared strong ecosystems as reasons', () => {
    const [bb] = rankPeers(m, { code: 'BB1', dimensions: ['innovation'], limit: 1 });
    assert.equal(bb!.code, 'AA1');
    const indicator = bb!.reasons.filter((r) => r.kind === 'indicator');
    assert.ok(indicator.length >= 1);
    for (const r of indicator) {
      assert.ok(r.gap <= CLOSE_GAP);
      assert.equal(r.dimension, 'innovation');
    }
    const gerd = indicator.find((r) => r.indicator === 'gerd')!;
    assert.deepEqual([gerd.region.value, gerd.peer.value], [1.1, 1.0]);
    assert.deepEqual(
      bb!.reasons.find((r) => r.kind === 'category'),
      { kind: 'category', indicator: 'group', dimension: 'innovation', text: 'Strong Innovator', year: 2023 },
    );
    const [cc] = rankPeers(m, { code: 'CC1', dimensions: ['structure'], limit: 1 });
    assert.ok(!cc!.reasons.some((r) => r.kind === 'indicator'), 'no figure is close: no "similar" claim');

    // Near in standard deviations on a long-tailed indicator, but 1.9 and 3.7 are not "similar".
    const tail = buildMatrix(
      [
        region('P', { agri: 1.9 }),
        region('Q', { agri: 3.7 }),
        region('R', { agri: 2.0 }),
        region('S', { agri: 40 }),
        region('T', { agri: 30 }),
      ],
      [num('agri', 'structure')],
      [],
    );
    const named = (code: string) =>
      rankPeers(tail, { code: 'P', dimensions: ['structure'], limit: 5 })
        .find((p) => p.code === code)!
        .reasons.map((r) => r.kind === 'indicator' && r.peer.value);
    assert.deepEqual(named('R'), [2.0]);
    assert.deepEqual(named('Q'), []);

    const rs = [
      region('A', {}, { ecosystems: { digital: 8, health: 6, tourism: 1 }, organisations: 10 }),
      region('B', {}, { ecosystems: { digital: 7, health: 5, tourism: 0 }, organisations: 10 }),
      region('C', {}, { ecosystems: { digital: 1, health: 1, tourism: 9 }, organisations: 10 }),
      region('D', {}, { ecosystems: { digital: 1, health: 2, tourism: 8 }, organisations: 10 }),
    ];
    const em = buildMatrix(rs, [], ['digital', 'health', 'tourism']);
    const [b] = rankPeers(em, { code: 'A', dimensions: ['ecosystems'], limit: 1 });
    assert.equal(b!.code, 'B');
    const eco = b!.reasons.find((r) => r.kind === 'ecosystems');
    assert.deepEqual(
      eco?.kind === 'ecosystems' && eco.ecosystems.map((e) => [e.ecosystem, e.region, e.peer]),
      [
        ['digital', 0.8, 0.7],
        ['health', 0.6, 0.5],
      ],
    );
  });

  it('is symmetric and agrees with a plain computation on random data', () => {
    const random = seededRandom(11).next;
    const ids = ['p', 'q', 'r', 's', 't', 'u'];
    const specs = ids.map((id, i) => num(id, i < 3 ? 'innovation' : 'structure'));
    const rs = Array.from({ length: 40 }, (_, k) =>
      region(
        `R${String(k).padStart(2, '0')}`,
        Object.fromEntries(ids.filter(() => random() > 0.2).map((id) => [id, random() * 100])),
      ),
    );
    const mm = buildMatrix(rs, specs, []);
    const zOf = (code: string, id: string) => {
      const f = mm.features.find((x) => x.id === id)!;
      const v = rs.find((r) => r.code === code)!.figures.get(id)?.value;
      return v === undefined ? undefined : (v - f.mean) / f.sd;
    };
    for (const a of ['R00', 'R07', 'R23']) {
      const peers = rankPeers(mm, { code: a, dimensions: ['innovation', 'structure'], limit: 100 });
      for (const p of peers) {
        const parts: number[] = [];
        for (const dim of [ids.slice(0, 3), ids.slice(3)]) {
          const diffs = dim
            .map((id) => [zOf(a, id), zOf(p.code, id)])
            .filter(([x, y]) => x !== undefined && y !== undefined)
            .map(([x, y]) => (x! - y!) ** 2);
          if (diffs.length >= 2) parts.push(diffs.reduce((s, d) => s + d, 0) / diffs.length);
        }
        assert.ok(Math.abs(p.distance - Math.sqrt(parts.reduce((s, d) => s + d, 0) / parts.length)) < 1e-9);
        const back = peerRank(mm, p.code, a, ['innovation', 'structure'])!;
        assert.ok(Math.abs(back.peer.distance - p.distance) < 1e-12, 'symmetric');
      }
      for (let i = 1; i < peers.length; i++) {
        const [x, y] = [peers[i - 1]!, peers[i]!];
        assert.ok(x.distance < y.distance || (x.distance === y.distance && x.code < y.code));
      }
    }
  });
});
