// Start-up time to the first 200 on /healthz, and GET /api/v1/organisations/{id} latency over HTTP on
// PGlite and PostgreSQL. Baselines measured in the same run: a bare Fastify server for start-up, and
// /healthz on the same server for request overhead.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/database.ts';
import type { Durability } from '../src/server/db/pglite-durable.ts';
import { type Latency, measure, ms, percentile, ratio, table } from './lib.ts';

const ROOT = new URL('..', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startAndTime(
  args: string[],
  env: Record<string, string>,
  port: number,
): Promise<{ child: ChildProcess; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const deadline = t0 + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.status === 200) return { child, ms: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become healthy within 120 s');
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const BARE = `import Fastify from 'fastify'; const app = Fastify(); app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

async function latencies(port: number, n: number): Promise<{ org: Latency; health: Latency }> {
  const base = `http://127.0.0.1:${port}`;
  const list = (await (await fetch(`${base}/api/v1/organisations?pageSize=100`)).json()) as {
    items: { id: string }[];
  };
  const ids = list.items.map((i) => i.id);
  let k = 0;
  const org = await measure(async () => {
    const r = await fetch(`${base}/api/v1/organisations/${ids[k++ % ids.length]}`);
    if (r.status !== 200) throw new Error(`status ${r.status}`);
    await r.arrayBuffer();
  }, n);
  const health = await measure(async () => {
    const r = await fetch(`${base}/healthz`);
    await r.arrayBuffer();
  }, n);
  return { org, health };
}

/**
 * Write latency of the embedded database in a directory, durable (the default: each commit synced to
 * disk) and relaxed (EMBEDDED_DURABILITY=relaxed), measured alternately in blocks of 25 so that both see
 * the same disk and the same neighbours.
 */
async function writeLatencies(n: number): Promise<Record<Durability, { single: Latency; tx: Latency }>> {
  const modes: Durability[] = ['durable', 'relaxed'];
  const opened = await Promise.all(
    modes.map(async (durability) => {
      const dir = mkdtempSync(join(tmpdir(), `nexum-bench-${durability}-`));
      const database = await openDatabase({ kind: 'pglite', dir }, { durability });
      await database.exec(
        'create table bench_writes (id serial primary key, v text, at timestamptz default now())',
      );
      return { durability, dir, database };
    }),
  );
  const times = new Map(modes.map((m) => [m, { single: [] as number[], tx: [] as number[] }]));
  const block = 25;
  for (let done = 0; done < n; done += block) {
    for (const { durability, database } of opened) {
      const t = times.get(durability)!;
      const pglite = database.pglite!;
      for (let i = 0; i < block; i++) {
        let t0 = performance.now();
        await pglite.query('insert into bench_writes (v) values ($1)', [`single ${i}`]);
        t.single.push(performance.now() - t0);
        // A transaction of ten statements, as a registration or a profile edit writes.
        t0 = performance.now();
        await pglite.transaction(async (tx) => {
          for (let k = 0; k < 10; k++)
            await tx.query('insert into bench_writes (v) values ($1)', [`tx ${k}`]);
        });
        t.tx.push(performance.now() - t0);
      }
    }
  }
  const summary = (xs: number[]): Latency => {
    const sorted = [...xs].sort((a, b) => a - b);
    return {
      n: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    };
  };
  const out = {} as Record<Durability, { single: Latency; tx: Latency }>;
  for (const { durability, dir, database } of opened) {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
    const t = times.get(durability)!;
    out[durability] = { single: summary(t.single), tx: summary(t.tx) };
  }
  return out;
}

export async function foundationBench(opts: { n: number }): Promise<void> {
  const server = ['--import', 'tsx', 'src/server/main.ts'];
  const quiet = { LOG_LEVEL: 'silent', HOST: '127.0.0.1' };

  const bare = await startAndTime(['--input-type=module', '-e', BARE], {}, await freePort());
  await stop(bare.child);

  const dir = mkdtempSync(join(tmpdir(), 'nexum-bench-'));
  const env = { ...quiet, DATABASE_URL: `pglite://${dir}` };
  const cold = await startAndTime(server, env, await freePort());
  await stop(cold.child);
  const port = await freePort();
  const warm = await startAndTime(server, env, port);
  const pglite = await latencies(port, opts.n);
  await stop(warm.child);
  rmSync(dir, { recursive: true, force: true });

  table(
    'Start-up: time to the first 200 on /healthz',
    ['server', 'time', 'vs bare Fastify'],
    [
      ['bare Fastify (baseline, no database)', ms(bare.ms), '1.00×'],
      ['Nexum, PGlite, first start (migrate + regions + demo seed)', ms(cold.ms), ratio(cold.ms, bare.ms)],
      ['Nexum, PGlite, restart on existing data', ms(warm.ms), ratio(warm.ms, bare.ms)],
    ],
  );

  let postgres: { org: Latency; health: Latency } | null = null;
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `nexum_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const p = await freePort();
    const s = await startAndTime(server, { ...quiet, DATABASE_URL: url.toString() }, p);
    postgres = await latencies(p, opts.n);
    await stop(s.child);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }

  const rows = [
    ['PGlite', 'GET /healthz (baseline)', ms(pglite.health.p50), ms(pglite.health.p95), '1.00×'],
    [
      'PGlite',
      'GET /api/v1/organisations/{id}',
      ms(pglite.org.p50),
      ms(pglite.org.p95),
      ratio(pglite.org.p95, pglite.health.p95),
    ],
  ];
  if (postgres) {
    rows.push(
      ['PostgreSQL', 'GET /healthz (baseline)', ms(postgres.health.p50), ms(postgres.health.p95), '1.00×'],
      [
        'PostgreSQL',
        'GET /api/v1/organisations/{id}',
        ms(postgres.org.p50),
        ms(postgres.org.p95),
        ratio(postgres.org.p95, postgres.health.p95),
      ],
    );
  }
  table(
    `Request latency over HTTP, ${opts.n} sequential requests each`,
    ['database', 'request', 'p50', 'p95', 'p95 vs /healthz'],
    rows,
  );
  const writes = await writeLatencies(Math.max(50, Math.round(opts.n / 2)));
  const d = writes.durable;
  const r = writes.relaxed;
  table(
    `Embedded database writes (PGlite in a directory), ${d.single.n} of each, durable and relaxed alternated`,
    ['write', 'durable p50', 'durable p95', 'relaxed p50', 'relaxed p95', 'durable / relaxed (p50)'],
    [
      [
        'one-row insert (autocommit)',
        ms(d.single.p50),
        ms(d.single.p95),
        ms(r.single.p50),
        ms(r.single.p95),
        ratio(d.single.p50, r.single.p50),
      ],
      [
        'transaction of 10 inserts',
        ms(d.tx.p50),
        ms(d.tx.p95),
        ms(r.tx.p50),
        ms(r.tx.p95),
        ratio(d.tx.p50, r.tx.p50),
      ],
    ],
  );

  if (postgres) {
    console.log(
      `\nPGlite / PostgreSQL, organisation p95: ${ratio(pglite.org.p95, postgres.org.p95)}, p50: ${ratio(pglite.org.p50, postgres.org.p50)}`,
    );
  } else {
    console.log(
      '\nPostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to an admin connection to include it)',
    );
  }
}
