// Directory search at scale: 100 000 organisations (the real CORDIS Horizon 2020 organisations when
// ../shared/data/cordis-h2020 exists, the rest generated) searched with facets, counted for the map and
// exported, on PostgreSQL and PGlite, through the same service the API calls. Baselines measured in the
// same run on the same database: `select 1` and a primary-key lookup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'kysely';
import pg from 'pg';
import { searchRepo } from '../src/features/organisations/search.repo.ts';
import {
  directoryFilterQuery,
  listOrganisationsQuery,
} from '../src/features/organisations/search.schemas.ts';
import { searchService } from '../src/features/organisations/search.service.ts';
import { loadReferenceData } from '../src/server/bootstrap.ts';
import { type Database, openDatabase } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { loadDirectory } from './directory-data.ts';
import { SEARCH_TERMS } from './generate-organisations.ts';
import { type Latency, measure, ms, percentile, ratio, table } from './lib.ts';

type Category = 'empty' | 'text' | 'prefix' | 'accents' | 'typo' | 'filters' | 'text+filters' | 'cluster';
interface MixQuery {
  category: Category;
  query: Record<string, string | string[]>;
}

/**
 * A fixed mix of what people do on the directory page: words and phrases, prefixes while typing,
 * accent-free and misspelt names, facet filters alone and combined, filters with words, cluster member
 * lists, and the bare page with its sorts and pages. Real names come from the loaded data (CORDIS).
 */
async function queryMix(database: Database): Promise<MixQuery[]> {
  const db = database.db;
  const real = await db
    .selectFrom('organisations')
    .select('name')
    .where('sample', '=', false)
    .where('type', 'in', ['university', 'research_centre'])
    .orderBy('pic')
    .limit(15)
    .execute();
  const clusters = await db
    .selectFrom('organisations as o')
    .select('o.slug')
    .where('o.type', '=', 'cluster')
    .where((eb) =>
      eb.exists(
        eb.selectFrom('cluster_members as cm').select('cm.member_id').whereRef('cm.cluster_id', '=', 'o.id'),
      ),
    )
    .orderBy('o.slug')
    .limit(10)
    .execute();
  const mix: MixQuery[] = [];
  const add = (category: Category, query: Record<string, string | string[]>) => mix.push({ category, query });

  for (const term of SEARCH_TERMS.slice(0, 45)) add('text', { q: term });
  for (const r of real) add('text', { q: r.name.toLowerCase().split(/\s+/).slice(0, 3).join(' ') });
  for (const p of [
    'hyd',
    'hydro',
    'robo',
    'univ',
    'chem',
    'aero',
    'digi',
    'bio',
    'sol',
    'text',
    'tour',
    'cyb',
    'sat',
    'food',
    'batt',
    'fab',
    'gen',
    'inst',
    'clus',
    'mecha',
  ]) {
    add('prefix', { q: p });
  }
  for (const q of [
    'universita',
    'ile de france',
    'munchen',
    'ecole',
    'koln',
    'malaga',
    'zurich',
    'goteborg',
    'cote',
    'sao',
  ]) {
    add('accents', { q });
  }
  for (const q of [
    'politecnco',
    'univrsity',
    'fraunhofr',
    'technlogy',
    'hydrgen',
    'robotcs',
    'chemestry',
    'aerospase',
    'insitute',
    'cluter',
  ]) {
    add('typo', { q });
  }
  const filters: Record<string, string | string[]>[] = [
    { type: 'cluster' },
    { type: 'company' },
    { type: 'university' },
    { type: ['university', 'research_centre'] },
    { country: 'DE' },
    { country: 'IT' },
    { country: 'SI' },
    { country: ['ES', 'PT'] },
    { region: 'ITC4' },
    { region: 'DE2' },
    { region: 'FR' },
    { ecosystem: 'digital' },
    { ecosystem: ['health', 'agri_food'] },
    { nace: 'C' },
    { nace: '20.1' },
    { s3: 'Circular economy' },
    { size: 'small' },
    { label: 'gold' },
    { type: 'cluster', country: 'IT' },
    { type: 'cluster', label: ['gold', 'silver'] },
    { type: 'startup', ecosystem: 'digital' },
    { country: 'FR', ecosystem: 'health', size: 'small' },
    { country: 'DE', type: 'company', nace: 'C' },
    { region: 'ITC4', type: 'company' },
    { region: 'ES51', ecosystem: 'renewable_energy' },
    { country: 'PL', size: ['micro', 'small'], type: 'company' },
    { ecosystem: 'aerospace_defence', type: 'research_centre' },
    { nace: ['C', 'K'], country: 'NL' },
    { s3: 'Hydrogen valleys', country: 'DE' },
    { type: 'innovation_hub', ecosystem: 'digital', country: 'IT' },
    { type: ['cluster', 'association'], country: 'BE' },
    { size: 'large', type: 'company', ecosystem: 'mobility_transport_automotive' },
    { label: 'bronze' },
    { region: 'NL3', type: 'university' },
    { country: 'SE', nace: '62' },
    { ecosystem: 'textile', country: 'IT', size: 'micro' },
    { type: 'public_authority', country: 'ES' },
    { country: 'AT', type: 'cluster' },
    { ecosystem: 'tourism', region: 'EL' },
    { country: 'FI', ecosystem: 'digital', type: 'startup' },
  ];
  for (const f of filters) add('filters', f);
  const words = [
    'hydrogen',
    'robotics',
    'green chemistry',
    'battery',
    'cybersecurity',
    'food',
    'drones',
    'textile',
    'energy',
    'digital',
  ];
  for (const [i, f] of filters.entries()) add('text+filters', { ...f, q: words[i % words.length]! });
  for (const sort of ['name', 'newest', 'participations']) add('empty', { sort });
  for (const page of ['1', '2', '5', '50']) add('empty', { page });
  add('empty', {});
  add('empty', { sample: 'false' });
  add('empty', { pageSize: '100' });
  for (const c of clusters) add('cluster', { cluster: c.slug });
  return mix;
}

interface BackendResult {
  label: string;
  select1: Latency;
  pk: Latency;
  cold: Map<Category | 'all', number[]>;
  sqlOnly: Map<Category | 'all', number[]>;
  index: { loadMs: number; heapMb: number; rows: number };
  first: Map<Category | 'all', number[]>;
  warm: Map<Category | 'all', number[]>;
  mapCold: number[];
  mapWarm: number[];
  export: { rows: number; ms: number; bytes: number; heapMb: number };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function runBackend(label: string, database: Database, runs: number): Promise<BackendResult> {
  const db = database.db;
  const mix = await queryMix(database);
  const ids = (await db.selectFrom('organisations').select('id').orderBy('slug').limit(500).execute()).map(
    (r) => r.id,
  );
  let k = 0;
  const select1 = await measure(async () => {
    await sql`select 1`.execute(db);
  }, 500);
  const pk = await measure(async () => {
    await db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', ids[k++ % ids.length]!)
      .executeTakeFirst();
  }, 500);

  const bucket = () => new Map<Category | 'all', number[]>([['all', []]]);
  const record = (m: Map<Category | 'all', number[]>, c: Category, t: number) => {
    m.get('all')!.push(t);
    m.set(c, [...(m.get(c) ?? []), t]);
  };
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const repo = searchRepo(db);
  // Cold: no cached results at all (a service whose cache keeps nothing): every query counts from
  // scratch, with the facet index loaded (as a server has it after its first search); its load is
  // timed and its memory measured here.
  const parallelReads = database.kind === 'postgres';
  const uncached = searchService(repo, { cacheEntries: 0, parallelReads });
  gc();
  // Typed arrays live outside the JS heap: both are counted.
  const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heapBeforeIndex = memory();
  await uncached.facetIndex.at((await repo.versions()).index);
  gc();
  const loaded = uncached.facetIndex.loaded()!;
  const index = {
    loadMs: loaded.loadMs,
    heapMb: (memory() - heapBeforeIndex) / 1048576,
    rows: loaded.index.size,
  };
  // The baseline: the same service counting in SQL only (facet index off), alternated with cold.
  const sqlService = searchService(repo, { cacheEntries: 0, facetIndex: 'off', parallelReads });
  // A server that has been running a while has the tables in the database's buffers and its code
  // compiled: one untimed pass of the mix through both services (no result cache is kept by either).
  for (const m of mix) {
    await sqlService.list(listOrganisationsQuery.parse(m.query));
    await uncached.list(listOrganisationsQuery.parse(m.query));
  }
  gc();
  const cold = bucket();
  const sqlOnly = bucket();
  for (let run = 0; run < runs; run++) {
    for (const m of mix) {
      record(sqlOnly, m.category, await timed(() => sqlService.list(listOrganisationsQuery.parse(m.query))));
      record(cold, m.category, await timed(() => uncached.list(listOrganisationsQuery.parse(m.query))));
    }
  }
  // First pass: the server as it runs, from an empty cache: a query reuses the counts earlier ones made
  // (every state with one filter needs the unfiltered counts of that facet).
  const cached = searchService(repo, { parallelReads });
  await cached.facetIndex.at((await repo.versions()).index);
  const first = bucket();
  for (const m of mix) {
    record(first, m.category, await timed(() => cached.list(listOrganisationsQuery.parse(m.query))));
  }
  // Warm: the same queries again, all counts kept (the directory did not change).
  const warm = bucket();
  for (let run = 0; run < runs; run++) {
    for (const m of mix)
      record(warm, m.category, await timed(() => cached.list(listOrganisationsQuery.parse(m.query))));
  }

  const mapQueries = mix.filter((m) => m.category !== 'empty' || Object.keys(m.query).length === 0);
  const mapCold: number[] = [];
  for (const m of mapQueries) {
    mapCold.push(await timed(() => uncached.map(directoryFilterQuery.parse(m.query))));
  }
  for (const m of mapQueries) await cached.map(directoryFilterQuery.parse(m.query));
  const mapWarm: number[] = [];
  for (const m of mapQueries)
    mapWarm.push(await timed(() => cached.map(directoryFilterQuery.parse(m.query))));

  // Export: timed in one pass; in a second pass the heap is measured after a full GC every 20 batches,
  // so the figure is what the export keeps, not garbage waiting to be collected.
  let rows = 0;
  let bytes = 0;
  const t0 = performance.now();
  for await (const chunk of await uncached.exportFile(null, directoryFilterQuery.parse({}), 'csv')) {
    bytes += Buffer.byteLength(chunk);
    rows += chunk.split('\r\n').length - 1;
  }
  const exportMs = performance.now() - t0;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  let n = 0;
  for await (const _chunk of await uncached.exportFile(null, directoryFilterQuery.parse({}), 'csv')) {
    if (++n % 20 === 0) {
      gc();
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
  }
  return {
    label,
    select1,
    pk,
    cold,
    sqlOnly,
    index,
    first,
    warm,
    mapCold,
    mapWarm,
    export: { rows: rows - 1, ms: exportMs, bytes, heapMb: (heapPeak - heapBefore) / 1048576 },
  };
}

/**
 * What the facet counters (migration 0006) cost writers: 1000 organisations inserted in one statement
 * and applied at commit (SET CONSTRAINTS … IMMEDIATE fires the commit-time trigger, then the
 * transaction rolls back), with the counter triggers and without them (disabled inside the transaction).
 * Alternated, medians of 5 each; the baseline is the same insert without counters.
 */
async function counterWriteCost(database: Database): Promise<{ with: number; without: number }> {
  const insert = sql`insert into organisations (slug, name, type, description, country_code, region_code,
      city, status, sample, size_band, offers, seeks, keywords, ecosystems, s3_areas, nace_codes, esca_label)
    select slug || '-bench-copy', name, type, description, country_code, region_code, city, status, sample,
      size_band, offers, seeks, keywords, ecosystems, s3_areas, nace_codes, esca_label
    from organisations where sample order by id limit 1000`;
  const triggers = ['insert', 'update', 'delete'].map((e) => sql.raw(`organisations_counts_${e}_trg`));
  const once = async (counters: boolean) => {
    const t = performance.now();
    await database.db
      .transaction()
      .execute(async (trx) => {
        if (!counters) {
          for (const tr of triggers) await sql`alter table organisations disable trigger ${tr}`.execute(trx);
        }
        await insert.execute(trx);
        await sql`set constraints directory_counts_pending_trg immediate`.execute(trx);
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
    return performance.now() - t;
  };
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    withoutTimes.push(await once(false));
    withTimes.push(await once(true));
  }
  return { with: p50(withTimes), without: p50(withoutTimes) };
}

async function prepare(database: Database, n: number): Promise<string> {
  await migrate(database);
  await loadReferenceData(database);
  const t = performance.now();
  const loaded = await loadDirectory(database, n);
  const loadMs = performance.now() - t;
  // Measured before the vacuum, which removes what its rolled-back inserts leave behind.
  const cost = await counterWriteCost(database);
  // Index-only scans need the visibility map; PostgreSQL's autovacuum keeps it, PGlite has none.
  await sql`vacuum analyze`.execute(database.db);
  // Write the loaded pages out now rather than during the measurements (a superuser's command: a
  // benchmark connection without the right skips it).
  await sql`checkpoint`.execute(database.db).catch(() => undefined);
  return `${loaded.cordis} CORDIS (${loaded.cordisVia}) + ${loaded.generated} generated organisations, ${loaded.memberships} memberships, loaded in ${ms(loadMs)} (${Math.round(((loaded.cordis + loaded.generated) / loadMs) * 1000)} rows/s); insert of 1000 rows with the facet counters ${ms(cost.with)} vs ${ms(cost.without)} without (${ratio(cost.with, cost.without)})`;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const p95 = (xs: number[] | undefined) => percentile(sorted(xs ?? []), 95);
const p50 = (xs: number[] | undefined) => percentile(sorted(xs ?? []), 50);
const max = (xs: number[] | undefined) => Math.max(...(xs ?? [Number.NaN]));

export async function directoryBench(opts: { n: number; runs: number }): Promise<void> {
  const results: BackendResult[] = [];
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `nexum_bench_directory_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      console.log(`\nPostgreSQL: ${await prepare(database, opts.n)}`);
      results.push(await runBackend('PostgreSQL', database, opts.runs));
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    console.log(
      '\nPostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to an admin connection to include it)',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'nexum-bench-directory-'));
  const database = await openDatabase({ kind: 'pglite', dir });
  try {
    console.log(`PGlite: ${await prepare(database, opts.n)}`);
    results.push(await runBackend('PGlite', database, opts.runs));
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  report(results, opts);
}

function report(results: BackendResult[], opts: { n: number; runs: number }): void {
  const categories: (Category | 'all')[] = [
    'all',
    'text',
    'prefix',
    'accents',
    'typo',
    'filters',
    'text+filters',
    'cluster',
    'empty',
  ];
  for (const r of results) {
    table(
      `${r.label}: search with facets (items + total + 8 facets), ${opts.n} organisations, ${r.cold.get('all')!.length / opts.runs} queries × ${opts.runs}; cold: no result cache (the database's facet counters or the facet index count); SQL only: the same with the facet index off (baseline, alternated with cold)`,
      [
        'queries',
        'cold p50',
        'cold p95',
        'cold max',
        'SQL only p95',
        'cold vs SQL only',
        '1st pass p95',
        'warm p50',
        'warm p95',
        'warm p95 vs pk',
      ],
      categories.map((c) => [
        c === 'all' ? `all (n=${r.cold.get(c)!.length})` : `${c} (${r.cold.get(c)?.length ?? 0})`,
        ms(p50(r.cold.get(c))),
        ms(p95(r.cold.get(c))),
        ms(max(r.cold.get(c))),
        ms(p95(r.sqlOnly.get(c))),
        ratio(p95(r.cold.get(c)), p95(r.sqlOnly.get(c))),
        ms(p95(r.first.get(c))),
        ms(p50(r.warm.get(c))),
        ms(p95(r.warm.get(c))),
        ratio(p95(r.warm.get(c)), r.pk.p95),
      ]),
    );
  }
  table(
    'Baselines and summary (p95)',
    [
      'backend',
      'select 1',
      'pk lookup',
      'search cold',
      'search warm',
      'map cold',
      'map warm',
      'search cold vs pk',
    ],
    results.map((r) => [
      r.label,
      ms(r.select1.p95),
      ms(r.pk.p95),
      ms(p95(r.cold.get('all'))),
      ms(p95(r.warm.get('all'))),
      ms(p95(r.mapCold)),
      ms(p95(r.mapWarm)),
      ratio(p95(r.cold.get('all')), r.pk.p95),
    ]),
  );
  table(
    'Facet index (src/core/facets): loaded once per server, reloaded when the directory changes',
    ['backend', 'entries', 'load (one statement + build)', 'memory (heap + array buffers)'],
    results.map((r) => [
      r.label,
      String(r.index.rows),
      ms(r.index.loadMs),
      `${r.index.heapMb.toFixed(1)} MB`,
    ]),
  );
  table(
    'Export of the whole directory (CSV, keyset batches of 1000)',
    ['backend', 'rows', 'time', 'rows/s', 'MB', 'heap kept during export (after GC)'],
    results.map((r) => [
      r.label,
      String(r.export.rows),
      ms(r.export.ms),
      String(Math.round((r.export.rows / r.export.ms) * 1000)),
      (r.export.bytes / 1048576).toFixed(1),
      `${r.export.heapMb.toFixed(1)} MB`,
    ]),
  );
  const [postgres, pglite] = results.length === 2 ? results : [undefined, results[0]];
  const lines: string[] = [];
  if (postgres) {
    const cold = p95(postgres.cold.get('all'));
    const warm = p95(postgres.warm.get('all'));
    lines.push(
      `target search p95 < 20 ms on PostgreSQL: cold ${ms(cold)} ${cold < 20 ? 'met' : 'NOT met'} (SQL only ${ms(p95(postgres.sqlOnly.get('all')))}), first pass ${ms(p95(postgres.first.get('all')))}, warm ${ms(warm)}`,
      `target map p95 < 50 ms on PostgreSQL: warm ${ms(p95(postgres.mapWarm))}, cold ${ms(p95(postgres.mapCold))} ${p95(postgres.mapCold) < 50 ? 'met' : 'NOT met'}`,
    );
    if (pglite) {
      lines.push(
        `PGlite / PostgreSQL search p95: warm ${ratio(p95(pglite.warm.get('all')), warm)}, cold ${ratio(p95(pglite.cold.get('all')), cold)} (target within 3×)`,
      );
    }
  }
  if (lines.length) console.log(`\n${lines.join('\n')}`);
}

/** For iterating on queries against an existing database. */
export const queryMixForTests = queryMix;
