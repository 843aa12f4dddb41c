// The Input Paper of a region with 1 000 directory organisations (generated, marked sample) on PGlite:
// the data queries alone, the HTML, the PDF, the PDF over HTTP (the budget: under 2 s), and the PDF with
// five peers. Baselines measured in the same run on the same database: `select 1` and the region
// profile (GET /api/v1/regions/{code}).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { indicatorsRepo } from '../src/features/regions/indicators.repo.ts';
import { indicatorsService } from '../src/features/regions/indicators.service.ts';
import { paperRepo } from '../src/features/regions/paper.repo.ts';
import { PAPER_SECTIONS } from '../src/features/regions/paper.schemas.ts';
import { paperService } from '../src/features/regions/paper.service.ts';
import { regionsRepo } from '../src/features/regions/regions.repo.ts';
import { buildApp } from '../src/server/app.ts';
import { loadReferenceData } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { type Database, openDatabase } from '../src/server/db/database.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { generateOrganisations } from './generate-organisations.ts';
import { type Latency, measure, ms, ratio, table } from './lib.ts';

const REGION = { code: 'ITC4', countryCode: 'IT', name: 'Lombardia' };
const PEERS = ['ES52', 'ITC1', 'DE21', 'FR10', 'ES51'];
const BUDGET_MS = 2000;

/** n generated organisations in the region, with their cluster memberships, priorities and sections. */
async function prepare(database: Database, n: number): Promise<string> {
  const db = database.db;
  await migrate(database);
  await loadReferenceData(database);
  const nace = await db.selectFrom('nace_codes').select('code').execute();
  const generated = generateOrganisations({
    count: n,
    regions: [REGION],
    naceCodes: nace.map((x) => x.code),
  });
  const ids: string[] = [];
  for (let i = 0; i < generated.organisations.length; i += 500) {
    const rows = await db
      .insertInto('organisations')
      .values(generated.organisations.slice(i, i + 500))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  const links = generated.memberships.map(([c, m]) => ({ cluster_id: ids[c]!, member_id: ids[m]! }));
  for (let i = 0; i < links.length; i += 2000) {
    await db
      .insertInto('cluster_members')
      .values(links.slice(i, i + 2000))
      .execute();
  }
  // Bench text, marked sample; the length of a real section.
  const text = Array.from({ length: 6 }, (_, i) =>
    `Paragraph ${i + 1} of a benchmark text. `.repeat(12),
  ).join('\n\n');
  await db
    .insertInto('region_s3_priorities')
    .values(
      Array.from({ length: 6 }, (_, i) => ({
        region_code: REGION.code,
        title: `Benchmark priority ${i + 1}`,
        description: text.slice(0, 900),
        ecosystems: ['digital', 'health'],
        nace_codes: ['C', '28.4'],
        position: i,
        sample: true,
      })),
    )
    .execute();
  await db
    .insertInto('region_paper_sections')
    .values(
      PAPER_SECTIONS.flatMap((section) =>
        (['en', 'it'] as const).map((language) => ({
          region_code: REGION.code,
          section,
          language,
          version: 1,
          body: text,
          sample: true,
        })),
      ),
    )
    .execute();
  await sql`vacuum analyze`.execute(db);
  return `${ids.length} organisations in ${REGION.code} (sample), ${links.length} cluster memberships, 6 S3 priorities, ${PAPER_SECTIONS.length * 2} sections`;
}

export async function regionsPaperBench(opts: { n: number; runs: number }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nexum-bench-paper-'));
  const database = await openDatabase({ kind: 'pglite', dir });
  try {
    console.log(`\nInput Paper, PGlite: ${await prepare(database, opts.n)}`);
    const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
    const { app, services } = await buildApp({ config, database, logger: false, clientDir: '/nonexistent' });
    await app.ready();
    const db = database.db;
    const regions = regionsRepo(db);
    const withPeers = paperService({
      repo: paperRepo(db),
      regions,
      indicators: indicatorsService(db, indicatorsRepo(db), regions),
      s3: services.s3,
      sections: services.sections,
      peers: async () => PEERS.map((code) => ({ code })),
    });
    const paper = services.paper;
    const sizes = { html: 0, pdf: 0 };
    const n = opts.runs;
    const cases: [string, () => Promise<void>][] = [
      ['baseline: select 1', async () => void (await sql`select 1`.execute(db))],
      [
        'baseline: region profile (GET /regions/ITC4)',
        async () => void (await services.regions.get(REGION.code)),
      ],
      ['paper data: queries + model', async () => void (await paper.model(REGION.code, 'en'))],
      [
        'paper HTML',
        async () => {
          sizes.html = (await paper.html(REGION.code, 'en')).body.length;
        },
      ],
      [
        'paper PDF',
        async () => {
          sizes.pdf = (await paper.pdf(REGION.code, 'en')).body.length;
        },
      ],
      [
        'paper PDF over HTTP (Italian)',
        async () => {
          const res = await app.inject({
            method: 'GET',
            url: `/api/v1/regions/${REGION.code}/paper?lang=it&format=pdf`,
          });
          if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}: ${res.body.slice(0, 200)}`);
        },
      ],
      ['paper PDF with 5 peers', async () => void (await withPeers.pdf(REGION.code, 'en'))],
    ];
    const results: [string, Latency][] = [];
    for (const [name, fn] of cases) results.push([name, await measure(fn, n, 2)]);
    const data = results[2]![1];
    table(
      `Input Paper of a region with ${opts.n} organisations — ${n} runs each after 2 warm-ups`,
      ['case', 'p50', 'p95', 'mean', 'p95 vs data'],
      results.map(([name, l]) => [name, ms(l.p50), ms(l.p95), ms(l.mean), ratio(l.p95, data.p95)]),
    );
    const http = results[5]![1];
    console.log(
      `\nsizes: HTML ${(sizes.html / 1024).toFixed(0)} KB, PDF ${(sizes.pdf / 1024).toFixed(0)} KB` +
        `\ntarget paper < ${BUDGET_MS / 1000} s with ${opts.n} organisations: PDF over HTTP p95 ${ms(http.p95)} ${http.p95 < BUDGET_MS ? 'met' : 'NOT met'}`,
    );
    await app.close();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
