// FacetIndex against a brute-force count written plainly here: random rows (nulls, empty and
// duplicated multi values), random queries (base conditions, 0–4 filters, prefixes, filters with two
// alternative conditions, row subsets with unknown keys), disjunctive and not; plus small exact cases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../test/helpers/random.ts';
import { type ColumnSpec, type CountQuery, FacetIndex, type IndexRow } from './facet-index.ts';

const random = seededRandom;

const SPECS: ColumnSpec[] = [
  { name: 'sample', kind: 'scalar' },
  { name: 'type', kind: 'scalar' },
  { name: 'region', kind: 'scalar' },
  { name: 'size', kind: 'scalar' },
  { name: 'eco', kind: 'multi' },
  { name: 'section', kind: 'multi' },
  { name: 'code', kind: 'multi' },
  { name: 's3', kind: 'multi' },
];
const VALUES: Record<string, string[]> = {
  sample: ['true', 'false'],
  type: ['cluster', 'company', 'university', 'startup', 'rto', 'public'],
  // NUTS-like codes at several levels, so that prefixes cover some and not others.
  region: [
    'IT',
    'ITC',
    'ITC4',
    'ITC45',
    'ITC46',
    'ITH5',
    'ES',
    'ES51',
    'ES52',
    'DE2',
    'DE21',
    'FR10',
    'SI04',
  ],
  size: ['micro', 'small', 'medium', 'large'],
  eco: ['digital', 'health', 'tourism', 'textile', 'energy', 'retail', 'agri'],
  section: ['A', 'C', 'F', 'J', 'M', 'Q'],
  code: ['20.14', '20.13', '21.10', '62.01', '62.02', '71.12', '01.11'],
  s3: ['Advanced manufacturing', 'Blue economy', 'Circular economy', 'Smart cities', 'Agrifood'],
};
const NULLABLE = new Set(['region', 'size']);

interface Row {
  key: number;
  cells: Record<string, string | null | string[]>;
}

function makeRows(seed: number, n: number): Row[] {
  const g = random(seed);
  const rows: Row[] = [];
  let key = 0;
  for (let i = 0; i < n; i++) {
    key += 1 + g.int(3); // gaps between keys, like entry numbers of removed organisations
    const cells: Record<string, string | null | string[]> = {};
    for (const spec of SPECS) {
      const values = VALUES[spec.name]!;
      if (spec.kind === 'scalar') {
        cells[spec.name] = NULLABLE.has(spec.name) && g.next() < 0.15 ? null : g.pick(values);
      } else {
        const list = g.some(values, 0, 3);
        // Now and then a value twice in one row: it counts once.
        if (list.length && g.next() < 0.08) list.push(list[0]!);
        cells[spec.name] = list;
      }
    }
    rows.push({ key, cells });
  }
  // The index's row order is not the keys' order.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = g.int(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}

const toIndexRows = (rows: Row[]): IndexRow[] =>
  rows.map((r) => ({ key: r.key, values: SPECS.map((s) => r.cells[s.name]!) }));

/** A query in terms of keys (the brute force's view); rowsOf turns them into the index's rows. */
type Query = Omit<CountQuery, 'rows'> & { keys: number[] | null };

/** The distinct values of a row's cell. */
function valuesOf(row: Row, column: string): string[] {
  const v = row.cells[column];
  if (v === null || v === undefined) return [];
  return typeof v === 'string' ? [v] : [...new Set(v)];
}

function passes(row: Row, c: CountQuery['base'][number]): boolean {
  return valuesOf(row, c.column).some((v) => c.values.some((w) => (c.prefix ? v.startsWith(w) : v === w)));
}

/** The count as the definition says it, one row and one facet at a time. */
function bruteCount(all: Row[], q: Query) {
  const byKey = new Map(all.map((r) => [r.key, r]));
  const rows = q.keys === null ? all : q.keys.flatMap((k) => byKey.get(k) ?? []);
  const inBase = rows.filter((r) => q.base.every((c) => passes(r, c)));
  const passesFilters = (r: Row, except: string | null) =>
    q.filters.every((f) => f.facet === except || f.any.some((c) => passes(r, c)));
  const total = inBase.filter((r) => passesFilters(r, null)).length;
  const counts = new Map<string, Map<string, number>>();
  for (const facet of q.facets) {
    const tally = new Map<string, number>();
    for (const r of inBase) {
      if (!passesFilters(r, q.disjunctive ? facet.facet : null)) continue;
      for (const v of valuesOf(r, facet.column)) tally.set(v, (tally.get(v) ?? 0) + 1);
    }
    counts.set(facet.facet, tally);
  }
  return { total, counts };
}

const sorted = (counts: Map<string, Map<string, number>>) =>
  [...counts]
    .map(([facet, m]) => [facet, [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function condition(g: ReturnType<typeof random>, column: string) {
  if (column === 'region' && g.next() < 0.5) {
    return { column, values: g.some(['IT', 'ITC', 'ITC4', 'ES5', 'DE', 'F', 'XX'], 1, 2), prefix: true };
  }
  // Now and then a value no row holds.
  const pool = [...VALUES[column]!, 'nowhere'];
  return { column, values: g.some(pool, 1, 3) };
}

/** The facets a query can filter and count: facet name → the columns its filter may test. */
const FACETS: { facet: string; column: string; filterColumns: string[] }[] = [
  { facet: 'type', column: 'type', filterColumns: ['type'] },
  { facet: 'region', column: 'region', filterColumns: ['region'] },
  { facet: 'size', column: 'size', filterColumns: ['size'] },
  { facet: 'eco', column: 'eco', filterColumns: ['eco'] },
  // Like NACE: counts sections, filters by section or by code (two alternative conditions).
  { facet: 'nace', column: 'section', filterColumns: ['section', 'code'] },
  { facet: 's3', column: 's3', filterColumns: ['s3'] },
];

function randomQuery(g: ReturnType<typeof random>, rows: Row[]): Query {
  const base: CountQuery['base'][number][] = [];
  if (g.next() < 0.3) base.push({ column: 'sample', values: [g.pick(VALUES.sample!)] });
  if (g.next() < 0.1) base.push(condition(g, 'eco'));
  const filters = g.some(FACETS, 0, 4).map((f) => {
    if (f.filterColumns.length > 1 && g.next() < 0.6) {
      return { facet: f.facet, any: f.filterColumns.map((c) => condition(g, c)) };
    }
    return { facet: f.facet, any: [condition(g, g.pick(f.filterColumns))] };
  });
  const facets = g.some(FACETS, 1, FACETS.length).map((f) => ({ facet: f.facet, column: f.column }));
  // The same column counted under a second name that has no filter of its own.
  if (g.next() < 0.2) facets.push({ facet: 'type-plain', column: 'type' });
  let keys: number[] | null = null;
  if (g.next() < 0.35) {
    keys = rows.filter(() => g.next() < 0.3).map((r) => r.key);
    // Keys the index does not hold (gaps between keys, and beyond the last).
    for (let i = 0; i < 1 + g.int(5); i++) keys.push(g.next() < 0.5 ? 1_000_000 + i : -1 - i);
  }
  return { keys, base, filters, facets, disjunctive: g.next() < 0.7 };
}

function check(index: FacetIndex, rows: Row[], q: Query, label: string) {
  let indexRows: Int32Array | null = null;
  if (q.keys) {
    const known = new Set(rows.map((r) => r.key));
    const located = index.rowsOf(q.keys);
    const unknown = q.keys.filter((k) => !known.has(k)).length;
    assert.equal(located.missing, unknown, `${label}: missing`);
    assert.equal(located.rows.length, q.keys.length - unknown, `${label}: rows found`);
    indexRows = located.rows;
  }
  const { keys: _keys, ...rest } = q;
  const got = index.count({ ...rest, rows: indexRows });
  const want = bruteCount(rows, q);
  assert.equal(got.total, want.total, `${label}: total`);
  assert.deepEqual(sorted(got.counts), sorted(want.counts), `${label}: counts`);
}

describe('FacetIndex against a brute-force count', () => {
  const rows = makeRows(20240326, 2000);
  const index = new FacetIndex(SPECS, toIndexRows(rows));

  it('holds every row', () => {
    assert.equal(index.size, 2000);
    const all = index.rowsOf(rows.map((r) => r.key));
    assert.equal(all.missing, 0);
    assert.deepEqual(
      [...all.rows].sort((a, b) => a - b),
      [...Array(2000).keys()],
    );
  });

  it('counts 600 random queries exactly', () => {
    const g = random(7);
    let withFilters = 0;
    let disjunctiveMulti = 0;
    for (let i = 0; i < 600; i++) {
      const q = randomQuery(g, rows);
      if (q.filters.length) withFilters++;
      if (q.disjunctive && q.filters.length >= 2) disjunctiveMulti++;
      check(index, rows, q, `query ${i} ${JSON.stringify({ ...q, keys: q.keys?.length ?? null })}`);
    }
    // The generator really produced the interesting cases.
    assert.ok(withFilters > 400 && disjunctiveMulti > 150, `${withFilters} / ${disjunctiveMulti}`);
  });

  it('counts every one- and two-facet filter, disjunctive and not', () => {
    let n = 0;
    for (const a of FACETS) {
      for (const b of FACETS) {
        if (a.facet > b.facet) continue;
        for (const disjunctive of [true, false]) {
          const filters = [
            {
              facet: a.facet,
              any: [{ column: a.filterColumns[0]!, values: [VALUES[a.filterColumns[0]!]![1]!] }],
            },
          ];
          if (b.facet !== a.facet) {
            filters.push({
              facet: b.facet,
              any: [{ column: b.filterColumns[0]!, values: VALUES[b.filterColumns[0]!]!.slice(0, 2) }],
            });
          }
          const q: Query = {
            keys: null,
            base: [],
            filters,
            facets: FACETS.map((f) => ({ facet: f.facet, column: f.column })),
            disjunctive,
          };
          check(index, rows, q, `${a.facet}+${b.facet} disjunctive=${disjunctive}`);
          n++;
        }
      }
    }
    assert.equal(n, 42);
  });

  it('an empty subset and a subset of unknown keys only count nothing', () => {
    const facets = [{ facet: 'type', column: 'type' }];
    for (const keys of [[], [-5, 999_999]]) {
      const located = index.rowsOf(keys);
      assert.equal(located.missing, keys.length);
      const r = index.count({ rows: located.rows, base: [], filters: [], facets, disjunctive: true });
      assert.equal(r.total, 0);
      assert.deepEqual([...r.counts.get('type')!], []);
    }
  });

  it('a column the index does not have is an error', () => {
    assert.throws(
      () =>
        index.count({
          rows: null,
          base: [],
          filters: [],
          facets: [{ facet: 'x', column: 'x' }],
          disjunctive: true,
        }),
      /no column x/,
    );
  });
});

describe('FacetIndex on small tables with known counts', () => {
  const specs: ColumnSpec[] = [
    { name: 'type', kind: 'scalar' },
    { name: 'region', kind: 'scalar' },
    { name: 'eco', kind: 'multi' },
  ];
  // key: type, region, eco
  const table: IndexRow[] = [
    { key: 10, values: ['cluster', 'ITC4', ['digital', 'health']] },
    { key: 11, values: ['cluster', 'ITC45', ['digital']] },
    { key: 12, values: ['company', 'ITH5', ['health', 'health']] },
    { key: 13, values: ['company', null, []] },
    { key: 14, values: ['university', 'ES51', ['digital', 'tourism']] },
    { key: 15, values: ['company', 'ITC4', ['tourism']] },
  ];
  const index = new FacetIndex(specs, table);
  const facets = [
    { facet: 'type', column: 'type' },
    { facet: 'region', column: 'region' },
    { facet: 'eco', column: 'eco' },
  ];
  const plain = (counts: Map<string, Map<string, number>>) =>
    Object.fromEntries([...counts].map(([k, m]) => [k, Object.fromEntries(m)]));

  it('no filter: every value once per row (a duplicate once, a null not at all)', () => {
    const r = index.count({ rows: null, base: [], filters: [], facets, disjunctive: true });
    assert.equal(r.total, 6);
    assert.deepEqual(plain(r.counts), {
      type: { cluster: 2, company: 3, university: 1 },
      region: { ITC4: 2, ITC45: 1, ITH5: 1, ES51: 1 },
      eco: { digital: 3, health: 2, tourism: 2 },
    });
  });

  it('two filters: each facet counts the rows passing the other one', () => {
    const q: CountQuery = {
      rows: null,
      base: [],
      filters: [
        { facet: 'type', any: [{ column: 'type', values: ['company'] }] },
        { facet: 'eco', any: [{ column: 'eco', values: ['health', 'tourism'] }] },
      ],
      facets,
      disjunctive: true,
    };
    const r = index.count(q);
    assert.equal(r.total, 2); // 12, 15
    assert.deepEqual(plain(r.counts), {
      // rows with health or tourism: 10, 12, 14, 15
      type: { cluster: 1, company: 2, university: 1 },
      // rows passing both: 12, 15
      region: { ITH5: 1, ITC4: 1 },
      // companies: 12, 13, 15
      eco: { health: 1, tourism: 1 },
    });
    const strict = index.count({ ...q, disjunctive: false });
    assert.equal(strict.total, 2);
    assert.deepEqual(plain(strict.counts), {
      type: { company: 2 },
      region: { ITH5: 1, ITC4: 1 },
      eco: { health: 1, tourism: 1 },
    });
  });

  it('a row failing two filters counts in no facet', () => {
    // 13 (company, no region, no eco) fails region and eco; 14 fails type and region.
    const r = index.count({
      rows: null,
      base: [],
      filters: [
        { facet: 'type', any: [{ column: 'type', values: ['company', 'cluster'] }] },
        { facet: 'region', any: [{ column: 'region', values: ['ITC'], prefix: true }] },
        { facet: 'eco', any: [{ column: 'eco', values: ['digital'] }] },
      ],
      facets,
      disjunctive: true,
    });
    assert.equal(r.total, 2); // 10, 11
    assert.deepEqual(plain(r.counts), {
      type: { cluster: 2 }, // 14 is in ES: fails region too
      region: { ITC4: 1, ITC45: 1 },
      eco: { digital: 2, health: 1, tourism: 1 }, // 15 fails only eco
    });
  });

  it('a filter of alternative conditions, a base condition and a subset', () => {
    const located = index.rowsOf([10, 12, 13, 14, 15, 99]);
    assert.equal(located.missing, 1);
    const r = index.count({
      rows: located.rows,
      base: [{ column: 'type', values: ['company', 'university'] }],
      filters: [
        {
          facet: 'region',
          any: [
            { column: 'region', values: ['ES'], prefix: true },
            { column: 'eco', values: ['health'] },
          ],
        },
      ],
      facets,
      disjunctive: true,
    });
    // base leaves 12, 13, 14, 15; the filter passes 12 (health) and 14 (ES51).
    assert.equal(r.total, 2);
    assert.deepEqual(plain(r.counts), {
      type: { company: 1, university: 1 },
      region: { ITH5: 1, ES51: 1, ITC4: 1 },
      eco: { health: 1, digital: 1, tourism: 1 },
    });
  });

  it('an empty string is a value, not a missing one', () => {
    const small = new FacetIndex(
      [{ name: 'v', kind: 'scalar' }],
      [
        { key: 1, values: [''] },
        { key: 2, values: [null] },
        { key: 3, values: ['x'] },
      ],
    );
    const r = small.count({
      rows: null,
      base: [],
      filters: [{ facet: 'v', any: [{ column: 'v', values: [''] }] }],
      facets: [{ facet: 'v', column: 'v' }],
      disjunctive: false,
    });
    assert.equal(r.total, 1);
    assert.deepEqual(plain(r.counts), { v: { '': 1 } });
  });
});
