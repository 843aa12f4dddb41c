// Regions: "regions like mine" over every NUTS 2 region and the choropleth query, on PGlite (and on
// PostgreSQL when BENCH_DATABASE_URL is set), each beside a baseline measured in the same run and a
// target. Cases are a list: add one by appending to CASES (each returns rows for the one table).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { rankPeers } from '../src/core/similarity/index.ts';
import { similarityRepo } from '../src/features/regions/similarity.repo.ts';
import { prepareLevel } from '../src/features/regions/similarity.service.ts';
import { buildApp, type Services } from '../src/server/app.ts';
import { loadReferenceData } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { seedDemo } from '../src/server/db/seed/seed.ts';
import { SIMILARITY_DIMENSIONS } from '../src/shared/region-similarity.ts';
import { type Latency, measure, ms, ratio, table } from './lib.ts';

export interface RegionsBenchContext {
  backend: string;
  database: Database;
  app: FastifyInstance;
  services: Services;
  /** Repetitions: BENCH_REGIONS_N (default 200 timed calls per figure). */
  n: number;
}

/** One line of the table: a figure, the baseline it is read against, and the target if there is one. */
export interface BenchRow {
  measure: string;
  figure: Latency;
  baseline?: { name: string; figure: Latency };
  /** p95 in ms the figure must stay under. */
  target?: number;
}

export interface BenchCase {
  name: string;
  run(ctx: RegionsBenchContext): Promise<BenchRow[]>;
}

/** Times `fn` once per item of `items`, cycling, `n` times after a short warm-up. */
const cycling = <T>(items: T[], fn: (x: T) => Promise<unknown>, n: number) => {
  let k = 0;
  return measure(async () => {
    await fn(items[k++ % items.length]!);
  }, n);
};

const similarity: BenchCase = {
  name: 'similarity, all NUTS 2 regions',
  async run(ctx) {
    const repo = similarityRepo(ctx.database.db);
    const s = ctx.services.similarity;
    const codes = (await repo.level(2)).regions.map((r) => r.code);
    const q = { dimensions: [...SIMILARITY_DIMENSIONS], limit: 10, includeSelf: false };
    s.clear();
    await s.similar('ITC4', q);
    const warm = await cycling(codes, (code) => s.similar(code, q), Math.max(ctx.n, codes.length));
    const version = await measure(async () => {
      await repo.dataVersion();
    }, ctx.n);
    const cold = await measure(
      async () => {
        await prepareLevel(repo, 2);
      },
      Math.max(5, Math.round(ctx.n / 20)),
      1,
    );
    const prepared = await prepareLevel(repo, 2);
    const rank = await cycling(
      codes,
      async (code) => rankPeers(prepared.matrix, { code, dimensions: q.dimensions, limit: 10 }),
      Math.max(ctx.n, codes.length),
    );
    // Without the cache every call reads and standardises the level again.
    const naive = await cycling(
      codes,
      async (code) => {
        const p = await prepareLevel(repo, 2);
        rankPeers(p.matrix, { code, dimensions: q.dimensions, limit: 10 });
      },
      Math.max(5, Math.round(ctx.n / 20)),
    );
    const regions = `${prepared.matrix.codes.length} regions × ${prepared.matrix.features.length} features`;
    return [
      {
        measure: `service call, warm cache (${regions})`,
        figure: warm,
        baseline: { name: 'naive: recompute per call', figure: naive },
        target: 10,
      },
      {
        measure: 'of which the data-version check',
        figure: version,
        baseline: { name: 'service call, warm', figure: warm },
      },
      {
        measure: 'of which ranking one region (pure)',
        figure: rank,
        baseline: { name: 'service call, warm', figure: warm },
      },
      {
        measure: 'cold: 4 queries + standardise',
        figure: cold,
        baseline: { name: 'service call, warm', figure: warm },
      },
    ];
  },
};

const choropleth: BenchCase = {
  name: 'choropleth, GERD across NUTS 2',
  async run(ctx) {
    const url = '/api/v1/indicators/gerd_pc_gdp/values?level=2';
    const route = await measure(async () => {
      const r = await ctx.app.inject({ method: 'GET', url });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`);
    }, ctx.n);
    const plain = await measure(async () => {
      await sql`select v.area_code, v.year, v.value from region_indicator_values v
        join regions g on g.code = v.area_code
        where v.indicator_id = 'gerd_pc_gdp' and g.level = 2`.execute(ctx.database.db);
    }, ctx.n);
    const uncached = await measure(async () => {
      await ctx.services.indicators.computeAcross('gerd_pc_gdp', { level: 2 });
    }, ctx.n);
    const baseline = { name: 'plain select of its NUTS 2 rows', figure: plain };
    return [
      { measure: `GET ${url}`, figure: route, baseline, target: 20 },
      { measure: 'the service without its cache (4 queries)', figure: uncached, baseline },
    ];
  },
};

export const CASES: BenchCase[] = [similarity, choropleth];

async function prepared(database: Database): Promise<void> {
  await migrate(database);
  await loadReferenceData(database);
  await seedDemo(database.db);
}

async function withBackends(run: (backend: string, database: Database) => Promise<void>): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (adminUrl) {
    const name = `nexum_bench_regions_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      await prepared(database);
      await run('PostgreSQL', database);
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to an admin connection)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'nexum-bench-regions-'));
  const database = await openDatabase({ kind: 'pglite', dir });
  try {
    await prepared(database);
    await run('PGlite', database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function regionsBench(opts: { n: number; only?: string[] }): Promise<void> {
  const cases = opts.only?.length ? CASES.filter((c) => opts.only!.some((o) => c.name.includes(o))) : CASES;
  await withBackends(async (backend, database) => {
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
    const { app, services } = await buildApp({ config, database, logger: false, clientDir: '/nonexistent' });
    await app.ready();
    try {
      const rows: string[][] = [];
      for (const c of cases) {
        for (const r of await c.run({ backend, database, app, services, n: opts.n })) {
          const pass = r.target === undefined ? '' : r.figure.p95 < r.target ? 'pass' : 'FAIL';
          rows.push([
            c.name,
            r.measure,
            ms(r.figure.p50),
            ms(r.figure.p95),
            r.baseline?.name ?? '',
            r.baseline ? ms(r.baseline.figure.p50) : '',
            r.baseline ? ms(r.baseline.figure.p95) : '',
            r.baseline ? ratio(r.figure.p95, r.baseline.figure.p95) : '',
            r.target === undefined ? '' : `p95 < ${r.target} ms`,
            pass,
          ]);
        }
      }
      table(
        `Regions on ${backend} (n = ${opts.n} per figure; baselines measured in the same run)`,
        ['case', 'measure', 'p50', 'p95', 'baseline', 'b. p50', 'b. p95', 'p95 ratio', 'target', ''],
        rows,
      );
    } finally {
      await app.close();
    }
  });
}
