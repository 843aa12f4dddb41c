// Directory import: a deterministic 100 000-row CSV imported through the command line's code path
// (importCommand) into a fresh PostgreSQL database and into PGlite, with rows/s and memory sampled during
// the import; 20 000 vs 100 000 rows to show memory does not grow with the file; a ~100 MB file (long
// descriptions) parsed and dry-run. Baseline in the same run: parsing the file without writing.
// Each case runs in its own Node process so that its memory figures are its own.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { toCsvLine } from '../src/features/organisations/exchange-format.ts';
import { naceRows } from '../src/features/organisations/nace.ts';
import { ECOSYSTEMS } from '../src/shared/ecosystems.ts';
import { ms, ratio, table } from './lib.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const MB = 1024 * 1024;
const REGIONS = [
  'ITC4',
  'ITH3',
  'ITI4',
  'DE21',
  'DE30',
  'FR10',
  'ES51',
  'ES30',
  'NL32',
  'BE10',
  'AT13',
  'PL91',
  'SE11',
  'FI1B',
  'PT17',
  'IE06',
  'DK01',
  'CZ01',
  'EL30',
];
const TYPES = [
  'company',
  'company',
  'company',
  'startup',
  'research_centre',
  'university',
  'cluster',
  'public_authority',
  'association',
  'other',
];
const WORDS =
  'advanced applied bio circular clean data digital energy food green health hydrogen industrial lab logistics materials micro mobility nano photonics precision robotics smart solar space systems textile water wind'.split(
    ' ',
  );

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A CSV of `rows` valid organisations in the exchange format; the same bytes for the same arguments. */
export async function generateCsv(path: string, rows: number, descriptionChars = 160): Promise<number> {
  const rand = prng(20240326);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const nace = naceRows()
    .filter((n) => n.level === 4)
    .map((n) => n.code);
  const out = createWriteStream(path);
  out.write(
    toCsvLine([
      'external_id',
      'pic',
      'name',
      'acronym',
      'type',
      'description',
      'website',
      'email',
      'region',
      'city',
      'founded_year',
      'size_band',
      'nace_codes',
      'ecosystems',
      'keywords',
    ]),
  );
  for (let i = 1; i <= rows; i++) {
    const words = Array.from({ length: 3 }, () => pick(WORDS));
    let description = '';
    while (description.length < descriptionChars)
      description += `${pick(WORDS)} ${pick(WORDS)}, ${pick(WORDS)}. `;
    const line = toCsvLine([
      `bench-${i}`,
      String(900_000_000 + i),
      `${words[0]!.toUpperCase()} ${words[1]} ${words[2]} ${i}`,
      `B${i}`,
      pick(TYPES),
      description.slice(0, descriptionChars),
      `https://org-${i}.example.org`,
      `info@org-${i}.example.org`,
      pick(REGIONS),
      pick(['Milano', 'München', 'Paris', 'Valencia', 'Gent', 'Łódź', 'Göteborg']),
      String(1950 + Math.floor(rand() * 74)),
      pick(['micro', 'small', 'medium', 'large']),
      [pick(nace), pick(nace)],
      [pick(ECOSYSTEMS)],
      words,
    ]);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  out.end();
  await finished(out);
  return statSync(path).size;
}

interface WorkerResult {
  ms: number;
  rows: number;
  rssBefore: number;
  rssPeak: number;
  heapBefore: number;
  heapPeak: number;
  summary: string;
}

type Case = {
  mode: 'parse' | 'import';
  file: string;
  databaseUrl?: string;
  dryRun?: boolean;
};

/** Runs one case in a child process (this file with --worker) and returns its figures. */
function runCase(c: Case): WorkerResult {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'import.bench.ts'), '--worker', JSON.stringify(c)],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent' },
      maxBuffer: 16 * MB,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as WorkerResult;
}

async function worker(c: Case): Promise<void> {
  const { openRecords } = await import('../src/features/organisations/import/source.ts');
  const { openDatabase } = await import('../src/server/db/database.ts');
  const { migrate } = await import('../src/server/db/migrate.ts');
  const { loadReferenceData } = await import('../src/server/bootstrap.ts');
  const { importCommand } = await import('../src/cli/import.ts');
  let database: Awaited<ReturnType<typeof openDatabase>> | null = null;
  if (c.mode === 'import') {
    database = await openDatabase(
      c.databaseUrl?.startsWith('pglite://')
        ? { kind: 'pglite', dir: c.databaseUrl.slice('pglite://'.length) }
        : c.databaseUrl
          ? { kind: 'postgres', url: c.databaseUrl }
          : { kind: 'pglite', dir: null },
    );
    await migrate(database);
    await loadReferenceData(database);
  }
  const sink = { write: () => true };
  const run = async (): Promise<{ rows: number; summary: string }> => {
    if (c.mode === 'parse') {
      const s = await openRecords(c.file);
      let rows = 0;
      for await (const _ of s.records) rows++;
      return { rows, summary: `${rows} rows parsed` };
    }
    let summary = '';
    const code = await importCommand(
      database!,
      ['organisations', c.file, ...(c.dryRun ? ['--dry-run'] : [])],
      {
        out: { write: (s: string) => (summary += s) },
        err: sink,
      },
    );
    if (code !== 0) throw new Error(`import failed (${code})`);
    return {
      rows: Number(/\(([\d,]+) rows\)/.exec(summary)?.[1]?.replace(/,/g, '') ?? 0),
      summary: summary.trim(),
    };
  };
  globalThis.gc?.();
  const m0 = process.memoryUsage();
  let rssPeak = m0.rss;
  let heapPeak = m0.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 25);
  const t0 = performance.now();
  const r = await run();
  const elapsed = performance.now() - t0;
  clearInterval(sampler);
  await database?.close();
  const result: WorkerResult = {
    ms: elapsed,
    rows: r.rows,
    rssBefore: m0.rss,
    rssPeak,
    heapBefore: m0.heapUsed,
    heapPeak,
    summary: r.summary,
  };
  console.log(JSON.stringify(result));
}

const mb = (b: number) => `${(b / MB).toFixed(0)} MB`;
const perSecond = (r: WorkerResult) => `${Math.round(r.rows / (r.ms / 1000)).toLocaleString('en')}/s`;
const memory = (r: WorkerResult) => [`+${mb(r.rssPeak - r.rssBefore)}`, `+${mb(r.heapPeak - r.heapBefore)}`];

export async function importBench(opts: { rows: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nexum-bench-import-'));
  const small = join(dir, 'small.csv');
  const large = join(dir, 'large.csv');
  const huge = join(dir, 'huge.csv');
  const smallRows = Math.max(1, Math.round(opts.rows / 5));
  const smallBytes = await generateCsv(small, smallRows);
  const largeBytes = await generateCsv(large, opts.rows);
  const hugeRows = Math.round(opts.rows / 5);
  const hugeBytes = await generateCsv(huge, hugeRows, 5000);
  console.log(
    `\nImport files: ${smallRows.toLocaleString('en')} rows (${mb(smallBytes)}), ${opts.rows.toLocaleString('en')} rows (${mb(largeBytes)}), ${hugeRows.toLocaleString('en')} rows with 5 000-character descriptions (${mb(hugeBytes)})`,
  );

  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const databases: string[] = [];
  let admin: pg.Client | null = null;
  const freshPostgres = async () => {
    if (!admin) return null;
    const name = `nexum_bench_import_${process.pid}_${databases.length}`;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    databases.push(name);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  if (adminUrl) {
    admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
  }
  try {
    const parse = runCase({ mode: 'parse', file: large });
    const rows: string[][] = [
      ['parse only (baseline)', 'none', ms(parse.ms), perSecond(parse), '1.00×', ...memory(parse)],
    ];
    let pgLarge: WorkerResult | null = null;
    let pgSmall: WorkerResult | null = null;
    const pgUrl = await freshPostgres();
    if (pgUrl) {
      pgLarge = runCase({ mode: 'import', file: large, databaseUrl: pgUrl });
      rows.push([
        `import ${opts.rows.toLocaleString('en')} new rows`,
        'PostgreSQL',
        ms(pgLarge.ms),
        perSecond(pgLarge),
        ratio(pgLarge.ms, parse.ms),
        ...memory(pgLarge),
      ]);
      const again = runCase({ mode: 'import', file: large, databaseUrl: pgUrl });
      rows.push([
        'same file again (all unchanged)',
        'PostgreSQL',
        ms(again.ms),
        perSecond(again),
        ratio(again.ms, parse.ms),
        ...memory(again),
      ]);
      pgSmall = runCase({ mode: 'import', file: small, databaseUrl: (await freshPostgres())! });
      rows.push([
        `import ${smallRows.toLocaleString('en')} new rows`,
        'PostgreSQL',
        ms(pgSmall.ms),
        perSecond(pgSmall),
        ratio(pgSmall.ms, parse.ms),
        ...memory(pgSmall),
      ]);
    }
    const lite = runCase({ mode: 'import', file: large, databaseUrl: `pglite://${join(dir, 'pglite')}` });
    rows.push([
      `import ${opts.rows.toLocaleString('en')} new rows`,
      'PGlite (data dir)',
      ms(lite.ms),
      perSecond(lite),
      ratio(lite.ms, parse.ms),
      ...memory(lite),
    ]);
    const hugeParse = runCase({ mode: 'parse', file: huge });
    rows.push([
      `parse ${mb(hugeBytes)} file`,
      'none',
      ms(hugeParse.ms),
      perSecond(hugeParse),
      ratio(hugeParse.ms, parse.ms),
      ...memory(hugeParse),
    ]);
    const hugeUrl = await freshPostgres();
    const hugeDry = runCase({
      mode: 'import',
      file: huge,
      dryRun: true,
      databaseUrl: hugeUrl ?? `pglite://${join(dir, 'pglite-huge')}`,
    });
    rows.push([
      `dry run of the ${mb(hugeBytes)} file`,
      hugeUrl ? 'PostgreSQL' : 'PGlite (data dir)',
      ms(hugeDry.ms),
      perSecond(hugeDry),
      ratio(hugeDry.ms, parse.ms),
      ...memory(hugeDry),
    ]);

    table(
      'Directory import (CSV, exchange format; one process per case)',
      ['case', 'database', 'time', 'rows/s', 'vs parse', 'peak RSS', 'peak heap'],
      rows,
    );
    if (pgLarge && pgSmall) {
      console.log(
        `\nTarget: ${opts.rows.toLocaleString('en')} rows in < 60 s on PostgreSQL: ${ms(pgLarge.ms)} (${pgLarge.ms < 60_000 ? 'met' : 'MISSED'})`,
      );
      console.log(
        `Memory, ${smallRows.toLocaleString('en')} vs ${opts.rows.toLocaleString('en')} rows (${ratio(opts.rows, smallRows)} the rows): peak RSS +${mb(pgSmall.rssPeak - pgSmall.rssBefore)} vs +${mb(pgLarge.rssPeak - pgLarge.rssBefore)}, peak heap +${mb(pgSmall.heapPeak - pgSmall.heapBefore)} vs +${mb(pgLarge.heapPeak - pgLarge.heapBefore)}`,
      );
    } else
      console.log(
        '\nPostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://… to an admin connection to include it)',
      );
    console.log(`Last summary line: ${lite.summary}`);
  } finally {
    if (admin) {
      for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href &&
  process.argv[2] === '--worker'
) {
  await worker(JSON.parse(process.argv[3]!) as Case);
}
