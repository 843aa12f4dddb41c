// `npm run bench load`: 100 concurrent keep-alive connections for a bounded time per target (loopback
// only) on the home page, the event list, a directory search with facets, one organisation and the Milan
// agenda, on PGlite and (with BENCH_DATABASE_URL) PostgreSQL, beside a bare Fastify server measured in
// the same run with the same load generator. Prints p50/p95/p99/max, requests/s, errors and 503s.

import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startAndTime, stop } from './foundation.bench.ts';
import { ms, percentile, ratio, table } from './lib.ts';

interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  unavailable: number;
  other: number;
}

/** Closed loop: `connections` clients, each sending its next request when the previous one is answered. */
async function load(base: string, path: string, seconds: number, connections: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(path, base);
  const times: number[] = [];
  let errors = 0;
  let unavailable = 0;
  let other = 0;
  const get = () =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(url, { agent, timeout: 60_000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
    });
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const status = await get();
          if (status === 503) unavailable++;
          else if (status !== 200) other++;
        } catch {
          errors++;
        }
        times.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    seconds: elapsed,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? Number.NaN,
    errors,
    unavailable,
    other,
  };
}

const BARE = `import Fastify from 'fastify'; const app = Fastify();
app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/hello', async () => ({ items: [{ id: 1, name: 'bare Fastify' }] }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

const MILAN = 'clusters-meet-regions-milan-2024';

async function targets(base: string): Promise<[string, string][]> {
  const list = (await (await fetch(`${base}/api/v1/organisations?pageSize=1&sort=name`)).json()) as {
    items: { slug: string }[];
  };
  const slug = list.items[0]?.slug;
  if (!slug) throw new Error('no organisation to load');
  return [
    ['home page (HTML)', '/'],
    ['event list', '/api/v1/events'],
    ['directory search + facets', '/api/v1/organisations?q=innovation&country=IT'],
    ['one organisation', `/api/v1/organisations/${slug}`],
    ['Milan agenda', `/api/v1/events/${MILAN}/agenda`],
  ];
}

const rps = (r: LoadResult) => r.requests / r.seconds;
const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)} %` : '0');

function row(label: string, r: LoadResult, bare: LoadResult): string[] {
  return [
    label,
    String(r.requests),
    rps(r).toFixed(0),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    ms(r.max),
    `${r.errors}/${r.other}`,
    `${r.unavailable} (${pct(r.unavailable, r.requests)})`,
    ratio(r.p99, bare.p99),
    ratio(rps(bare), rps(r)),
  ];
}

const HEADER = [
  'target',
  'requests',
  'req/s',
  'p50',
  'p95',
  'p99',
  'max',
  'err/other',
  '503',
  'p99 vs bare',
  'bare req/s ÷',
];

async function measureServer(
  label: string,
  env: Record<string, string>,
  opts: { seconds: number; connections: number },
  bare: LoadResult,
): Promise<void> {
  const port = await freePort();
  const server = await startAndTime(['--import', 'tsx', 'src/server/main.ts'], env, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const rows: string[][] = [];
    for (const [name, path] of await targets(base)) {
      await load(base, path, 1, opts.connections); // warm-up, not counted
      rows.push(row(name, await load(base, path, opts.seconds, opts.connections), bare));
    }
    table(
      `${label}: ${opts.connections} connections, ${opts.seconds} s per target (admission queue at its defaults)`,
      HEADER,
      [row('bare Fastify (baseline)', bare, bare), ...rows],
    );
  } finally {
    await stop(server.child);
  }
}

export async function loadBench(opts: { seconds: number; connections: number }): Promise<void> {
  const quiet = { LOG_LEVEL: 'silent', HOST: '127.0.0.1' };
  const barePort = await freePort();
  const bareServer = await startAndTime(['--input-type=module', '-e', BARE], {}, barePort);
  const bareBase = `http://127.0.0.1:${barePort}`;
  await load(bareBase, '/hello', 1, opts.connections);
  const bare = await load(bareBase, '/hello', opts.seconds, opts.connections);
  await stop(bareServer.child);

  const dir = mkdtempSync(join(tmpdir(), 'nexum-bench-load-'));
  try {
    await measureServer(
      'PGlite (embedded, durable)',
      { ...quiet, DATABASE_URL: `pglite://${dir}` },
      opts,
      bare,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log(
      '\nPostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to an admin connection to include it)',
    );
    return;
  }
  const name = `nexum_bench_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await measureServer('PostgreSQL', { ...quiet, DATABASE_URL: url.toString() }, opts, bare);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
