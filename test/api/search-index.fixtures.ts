// Data, queries and probes of search-index.test.ts: varied organisations beside the demo's (NUTS 3
// regions, country-level codes, several NACE sections and codes, labels, sample and unpublished rows),
// a deterministic set of directory queries (words, clusters, every facet and their combinations), and
// what the test reads from the database (entries against organisations, versions, held transactions).
import { type Kysely, sql } from 'kysely';
import { type SearchRepo, searchRepo } from '../../src/features/organisations/search.repo.ts';
import type { DB, OrganisationType } from '../../src/server/db/schema.ts';
import { ORGANISATION_TYPES } from '../../src/server/db/schema.ts';
import { ECOSYSTEMS } from '../../src/shared/ecosystems.ts';
import { seededRandom } from '../helpers/random.ts';

export const random = seededRandom;

/** NUTS 3 regions the reference data leaves out (it stops at level 2): code, name, parent, country. */
const NUTS3 = [
  ['ITC45', 'Milano', 'ITC4', 'IT'],
  ['ITC46', 'Bergamo', 'ITC4', 'IT'],
  ['ITH55', 'Bologna', 'ITH5', 'IT'],
  ['ES511', 'Barcelona', 'ES51', 'ES'],
  ['DE212', 'München, Kreisfreie Stadt', 'DE21', 'DE'],
] as const;

const PLACES: [string | null, string | null][] = [
  ['IT', 'ITC4'],
  ['IT', 'ITC45'],
  ['IT', 'ITC46'],
  ['IT', 'ITH55'],
  ['IT', 'ITH5'],
  ['IT', 'ITC'],
  ['IT', 'IT'],
  ['IT', null],
  ['ES', 'ES51'],
  ['ES', 'ES511'],
  ['DE', 'DE21'],
  ['DE', 'DE212'],
  ['FR', 'FR10'],
  ['SI', 'SI04'],
  ['NO', null],
  [null, null],
];
const NAME_WORDS = [
  'Biotech',
  'Università',
  'Énergie',
  'Meccatronica',
  'Tessile',
  'Turismo',
  'Fabbrica',
  'Alpina',
  'Lombarda',
  'Digitale',
  'Chimica',
  'Verde',
  'Robotica',
  'Nautica',
];
const TEXT_WORDS = ['idrogeno', 'biomateriali', 'café', 'gestión', 'Straße', 'robot', 'fibra', 'sensori'];
/** Real codes of several sections (the sections are derived from them by a trigger). */
export const NACE_CODES = [
  '20.14',
  '20.13',
  '20.11',
  '21.10',
  '62.10',
  '62.20',
  '25.53',
  '28.99',
  '10.11',
  '01.11',
  '71.12',
  '55.10',
];
export const S3 = [
  'Connectivity and information',
  'Sustainability',
  'Advanced manufacturing',
  'Health and life sciences',
  'Blue economy',
  'Cultural heritage',
];
const STATUSES = ['draft', 'submitted', 'rejected'] as const;

/** ~300 organisations, about 85 % published and 30 % sample; some join the AFIL cluster. */
export async function addVariedOrganisations(db: Kysely<DB>, n = 300): Promise<void> {
  await db
    .insertInto('regions')
    .values(
      NUTS3.map(([code, name, parent, country]) => ({
        code,
        name,
        name_latn: name,
        level: 3,
        parent_code: parent,
        country_code: country,
      })),
    )
    .execute();
  const g = random(4242);
  const rows = Array.from({ length: n }, (_, i) => {
    const [country, region] = g.pick(PLACES);
    const published = g.next() < 0.85;
    return {
      slug: `fi-org-${i}`,
      name: `${g.pick(NAME_WORDS)} ${g.pick(NAME_WORDS)} ${i % 7 === 0 ? 'Cluster' : 'Srl'} ${i}`,
      acronym: i % 5 === 0 ? `FI${i}` : null,
      type: g.pick(ORGANISATION_TYPES) as OrganisationType,
      description: `${g.some(TEXT_WORDS, 1, 3).join(' ')} ${g.pick(NAME_WORDS)}`,
      keywords: g.some(TEXT_WORDS, 0, 2),
      country_code: country,
      region_code: region,
      size_band: g.next() < 0.2 ? null : g.pick(['micro', 'small', 'medium', 'large'] as const),
      esca_label: g.next() < 0.7 ? null : g.pick(['gold', 'silver', 'bronze'] as const),
      ecosystems: g.some(ECOSYSTEMS, 0, 3),
      nace_codes: g.some(NACE_CODES, 0, 3),
      s3_areas: g.some(S3, 0, 2),
      sample: g.next() < 0.3,
      status: published ? ('published' as const) : g.pick(STATUSES),
      published_at: published ? new Date(Date.UTC(2020, 0, 1) + g.int(1500) * 86_400_000) : null,
      participations: g.int(25),
    };
  });
  await db.insertInto('organisations').values(rows).execute();
  // Every fourth new organisation joins AFIL, so a cluster filter meets them too.
  await sql`insert into cluster_members (cluster_id, member_id)
    select c.id, o.id from organisations c, organisations o
    where c.slug = 'afil' and o.slug like 'fi-org-%' and substr(o.slug, 8)::int % 4 = 0`.execute(db);
}

export const ENTRY_COLUMNS = sql`id, sample, name_key, published_at, created_at, participations, type, country_code,
  region_code, size_band, esca_label, ecosystems, nace_sections, nace_codes, s3_areas, search::text as search`;

/** The repository with a count of the calls that count facets in SQL (what the index replaces). */
export function countingRepo(db: Kysely<DB>) {
  const repo = searchRepo(db);
  const calls = { sql: 0 };
  const counted: SearchRepo = {
    ...repo,
    facetCounts: (...a) => {
      calls.sql++;
      return repo.facetCounts(...a);
    },
    matchesWithFacets: (...a) => {
      calls.sql++;
      return repo.matchesWithFacets(...a);
    },
    mapCounts: (...a) => {
      calls.sql++;
      return repo.mapCounts(...a);
    },
  };
  return { repo: counted, calls };
}

export const version = async (db: Kysely<DB>) =>
  (await sql<{ v: string }>`select v::text as v from directory_index_version`.execute(db)).rows[0]!.v;

/** The published organisations missing from directory_entries or different there, and entries too many. */
export async function entryDifferences(db: Kysely<DB>) {
  const r = await sql<{ side: string; id: string }>`
    with p as (select ${ENTRY_COLUMNS} from organisations where status = 'published'),
      e as (select ${ENTRY_COLUMNS} from directory_entries)
    select 'organisation without its entry' as side, id::text as id from (select * from p except all select * from e) x
    union all
    select 'entry without its organisation', id::text from (select * from e except all select * from p) y
    order by 1, 2`.execute(db);
  return r.rows;
}

export const ordOf = async (db: Kysely<DB>, slug: string) =>
  (
    await sql<{
      ord: number | null;
    }>`select (select e.ord from directory_entries e join organisations o using (id)
      where o.slug = ${slug}) as ord`.execute(db)
  ).rows[0]!.ord;

/** A transaction that runs `work`, then stays open until `commit()`; `ready` gives its backend pid. */
export function heldTransaction(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<unknown>) {
  let commit!: () => void;
  const go = new Promise<void>((r) => {
    commit = r;
  });
  let started!: (pid: number) => void;
  const begun = new Promise<number>((r) => {
    started = r;
  });
  const done = db.transaction().execute(async (trx) => {
    const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
    await work(trx);
    started(pid);
    await go;
  });
  const ready = Promise.race([begun, done.then(() => Promise.reject(new Error('ended before commit')))]);
  return { ready, commit, done };
}

/** Waits until the backend `pid` waits for a lock (PostgreSQL). */
export async function waitsForLock(db: Kysely<DB>, pid: number) {
  for (let i = 0; i < 500; i++) {
    const r = await sql<{
      w: string | null;
    }>`select wait_event_type as w from pg_stat_activity where pid = ${pid}`.execute(db);
    if (r.rows[0]?.w === 'Lock') return;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error(`backend ${pid} never waited for a lock`);
}

/** Query parameters as a client sends them (parsed with listOrganisationsQuery by the test). */
export type RawQuery = Record<string, string | string[]>;

const VALUES: Record<string, string[]> = {
  type: [...ORGANISATION_TYPES],
  country: ['IT', 'ES', 'DE', 'FR', 'SI', 'BE', 'NO'],
  region: ['IT', 'ITC', 'ITC4', 'ITC45', 'ITH', 'ITH5', 'ES5', 'ES51', 'DE2', 'DE212', 'FR1'],
  ecosystem: ['digital', 'health', 'tourism', 'textile', 'agri_food', 'renewable_energy'],
  nace: ['C', 'K', 'A', 'I', 'N', '20.1', '20.14', '62', '25.53', '28', '01.11'],
  s3: S3,
  size: ['micro', 'small', 'medium', 'large'],
  label: ['gold', 'silver', 'bronze'],
};
export const CLUSTERS = ['afil', 'cluster-fabbrica-intelligente', 'lombardy-green-chemistry-association'];
const WORDS = [
  'bio',
  'universita',
  'università',
  'energie',
  'fabbrica intelligente',
  'meccatronica lombarda',
  'verde',
  'idrogeno',
  'chim',
  'cafe',
  'strasse',
  'cluster',
  'robot',
];
/** Misspelt names: no word matches, so the search falls back to similar names. */
export const TYPOS = ['Meccatronicha Lombarda', 'Fabrica Inteligente', 'Biotek Alpina'];

/** The hand-picked queries, then `random` combinations of 0–4 facet filters with or without words. */
export function directoryQueries(count: number): RawQuery[] {
  const out: RawQuery[] = [{}, { sample: 'true' }, { sample: 'false' }];
  for (const w of [...WORDS, ...TYPOS, 'zzqxwv']) out.push({ q: w });
  for (const c of CLUSTERS) out.push({ cluster: c });
  for (const [facet, values] of Object.entries(VALUES)) {
    for (const v of values) out.push({ [facet]: v });
    out.push({ [facet]: values.slice(0, 2) });
  }
  out.push(
    { region: ['ITC', 'ES51'], nace: ['C', '62'] },
    { nace: ['20.1', 'K'], ecosystem: ['digital', 'health'], sample: 'false' },
    { q: 'meccatronica', region: 'ITC4', sort: 'newest', page: '2', pageSize: '5' },
    { cluster: 'afil', type: 'company', size: ['small', 'micro'] },
    { cluster: 'afil', q: 'fabbrica' },
  );
  const g = random(1789);
  const facets = Object.keys(VALUES);
  while (out.length < count) {
    const q: RawQuery = {};
    for (const facet of g.some(facets, 0, 4)) q[facet] = g.some(VALUES[facet]!, 1, 2);
    if (g.next() < 0.4) q.q = g.pick([...WORDS, ...TYPOS]);
    if (g.next() < 0.15) q.cluster = g.pick(CLUSTERS);
    if (g.next() < 0.25) q.sample = g.pick(['true', 'false']);
    if (g.next() < 0.5) q.sort = g.pick(['relevance', 'name', 'newest', 'participations']);
    if (g.next() < 0.3) q.page = String(1 + g.int(3));
    q.pageSize = g.pick(['5', '20', '50']);
    out.push(q);
  }
  return out;
}
