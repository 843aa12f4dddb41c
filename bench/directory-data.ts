// The data set of the directory benchmark: the real CORDIS Horizon 2020 organisations when
// ../shared/data/cordis-h2020 exists, and generated ones up to the wanted size.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { parseCsv } from '../src/features/regions/csv.ts';
import type { Database } from '../src/server/db/database.ts';
import type { OrganisationsTable, OrganisationType } from '../src/server/db/schema.ts';
import { slugify } from '../src/shared/slug.ts';
import { generateOrganisations } from './generate-organisations.ts';

const ROOT = new URL('..', import.meta.url).pathname;
export const CORDIS_DIR = join(ROOT, '..', 'shared', 'data', 'cordis-h2020');

const CORDIS_TYPES: Record<string, OrganisationType> = {
  PRC: 'company',
  REC: 'research_centre',
  HES: 'university',
  PUB: 'public_authority',
  OTH: 'other',
};

/**
 * The organisations of the CORDIS H2020 node table (name, short name, activity type, city, country,
 * projects): a small loader of our own, as no importer for it exists in the tree yet. No NUTS codes in
 * the data, so the region stays null.
 */
export function cordisOrganisations(dir = CORDIS_DIR): Insertable<OrganisationsTable>[] {
  const file = join(dir, 'h2020_organisations_2017_odfest.csv.gz');
  if (!existsSync(file)) return [];
  const rows = parseCsv(gunzipSync(readFileSync(file)).toString('utf8'));
  const header = rows[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  const [iPic, iName, iShort, iType, iCity, iCountry, iProjects] = [
    'orgId',
    'name',
    'shortName',
    'activityType',
    'city',
    'country',
    'numProjects',
  ].map(col) as [number, number, number, number, number, number, number];
  const seen = new Set<string>();
  const out: Insertable<OrganisationsTable>[] = [];
  for (const r of rows.slice(1)) {
    const pic = r[iPic]?.trim() ?? '';
    const name = r[iName]?.trim() ?? '';
    const country = r[iCountry]?.trim() ?? '';
    const type = CORDIS_TYPES[r[iType]?.trim() ?? ''];
    if (!/^\d{9}$/.test(pic) || !name || name.length > 300 || !type || seen.has(pic)) continue;
    seen.add(pic);
    const short = r[iShort]?.trim();
    out.push({
      slug: `cordis-${pic}-${slugify(name, 50)}`,
      name,
      acronym: short && short.length <= 40 && short !== name ? short : null,
      type,
      country_code: /^[A-Z]{2}$/.test(country) ? country : null,
      region_code: null,
      city: r[iCity]?.trim() || null,
      status: 'published',
      sample: false,
      pic,
      external_id: `cordis:${pic}`,
      participations: Math.max(0, Number.parseInt(r[iProjects] ?? '0', 10) || 0),
    });
  }
  return out;
}

/** Multi-row inserts in batches of 1000, one transaction per batch. */
async function insertAll(database: Database, rows: Insertable<OrganisationsTable>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await database.db
      .insertInto('organisations')
      .values(rows.slice(i, i + 1000))
      .returning('id')
      .execute();
    for (const r of inserted) ids.push(r.id);
  }
  return ids;
}

/**
 * The CORDIS organisations, through `nexum import cordis` (the importer's own code path, with the
 * participation counts) or, if that fails, through the small loader above. Returns how many and how.
 */
async function loadCordis(database: Database, limit: number): Promise<{ count: number; via: string }> {
  if (!existsSync(CORDIS_DIR) || limit <= 0) return { count: 0, via: 'none' };
  let log = '';
  try {
    const { importCommand } = await import('../src/cli/import.ts');
    const sink = { write: (s: string) => (log += s) };
    const code = await importCommand(database, ['cordis', CORDIS_DIR], { out: sink, err: sink });
    if (code !== 0) throw new Error(log);
    const n = await database.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { count: Number(n.n), via: 'nexum import cordis' };
  } catch (e) {
    console.error(`nexum import cordis failed, using the benchmark's own loader: ${(e as Error).message}`);
    const rows = cordisOrganisations().slice(0, limit);
    await insertAll(database, rows);
    return { count: rows.length, via: 'benchmark loader' };
  }
}

/** Loads `total` organisations (CORDIS first, then generated ones) and the cluster memberships. */
export async function loadDirectory(
  database: Database,
  total: number,
): Promise<{ cordis: number; cordisVia: string; generated: number; memberships: number }> {
  const db = database.db;
  const regions = await db
    .selectFrom('regions')
    .select(['code', 'country_code as countryCode', 'name_latn as name'])
    .where('level', '=', 2)
    .orderBy('code')
    .execute();
  const nace = await db.selectFrom('nace_codes').select('code').execute();
  const cordis = await loadCordis(database, total);
  const taken = await db.selectFrom('organisations').select('slug').execute();
  const generated = generateOrganisations({
    count: Math.max(0, total - cordis.count),
    regions,
    naceCodes: nace.map((n) => n.code),
    takenSlugs: taken.map((t) => t.slug),
  });
  const ids = await insertAll(database, generated.organisations);
  const links = generated.memberships.map(([c, m]) => ({ cluster_id: ids[c]!, member_id: ids[m]! }));
  for (let i = 0; i < links.length; i += 2000) {
    await db
      .insertInto('cluster_members')
      .values(links.slice(i, i + 2000))
      .execute();
  }
  await sql`analyze`.execute(db);
  return {
    cordis: cordis.count,
    cordisVia: cordis.via,
    generated: generated.organisations.length,
    memberships: links.length,
  };
}
