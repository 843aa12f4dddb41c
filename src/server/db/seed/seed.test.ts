import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { naceRows } from '../../../features/organisations/nace.ts';
import { ECOSYSTEMS } from '../../../shared/ecosystems.ts';
import { type Database, openDatabase } from '../database.ts';
import { migrate } from '../migrate.ts';
import type { DB } from '../schema.ts';
import { MILAN_EVENT, MILAN_ORGANISATIONS, MILAN_ORGANISERS, MILAN_PEOPLE } from './milan2024.ts';
import { generateSample, SAMPLE_MEMBER_COUNT, SAMPLE_PEOPLE_COUNT } from './sample.ts';
import { SEED_REGION_CODES, seedDemo } from './seed.ts';

// NUTS 2021 names (Latin script) of the regions the seed uses, with their level-1 and country parents.
// Test-only: the real table comes from the regions importer.
const COUNTRIES: Record<string, string> = {
  AT: 'Österreich',
  BE: 'Belgique/België',
  CH: 'Schweiz/Suisse/Svizzera',
  CZ: 'Česko',
  DE: 'Deutschland',
  DK: 'Danmark',
  EL: 'Elláda',
  ES: 'España',
  FI: 'Suomi/Finland',
  FR: 'France',
  HU: 'Magyarország',
  IE: 'Éire/Ireland',
  IT: 'Italia',
  NL: 'Nederland',
  PL: 'Polska',
  PT: 'Portugal',
  SE: 'Sverige',
  SI: 'Slovenija',
};
const LEVEL2: Record<string, string> = {
  AT13: 'Wien',
  AT22: 'Steiermark',
  BE10: 'Région de Bruxelles-Capitale/Brussels Hoofdstedelijk Gewest',
  BE21: 'Prov. Antwerpen',
  CH01: 'Région lémanique',
  CZ01: 'Praha',
  DE21: 'Oberbayern',
  DE30: 'Berlin',
  DK01: 'Hovedstaden',
  EL30: 'Attiki',
  ES30: 'Comunidad de Madrid',
  ES51: 'Cataluña',
  ES52: 'Comunitat Valenciana',
  FI1B: 'Helsinki-Uusimaa',
  FR10: 'Ile-de-France',
  HU11: 'Budapest',
  IE06: 'Eastern and Midland',
  ITC1: 'Piemonte',
  ITC4: 'Lombardia',
  ITH5: 'Emilia-Romagna',
  ITI4: 'Lazio',
  NL33: 'Zuid-Holland',
  PL91: 'Warszawski stołeczny',
  PT17: 'Área Metropolitana de Lisboa',
  SE11: 'Stockholm',
  SI04: 'Zahodna Slovenija',
};

async function insertTestRegions(db: Kysely<DB>): Promise<void> {
  const row = (code: string, name: string, level: number, parent: string | null) => ({
    code,
    name,
    name_latn: name,
    level,
    parent_code: parent,
    country_code: code.slice(0, 2),
  });
  const level2 = Object.keys(LEVEL2);
  const level1 = [...new Set(level2.map((c) => c.slice(0, 3)))];
  const level0 = [...new Set(level2.map((c) => c.slice(0, 2)))];
  await db
    .insertInto('regions')
    .values(level0.map((c) => row(c, COUNTRIES[c] ?? c, 0, null)))
    .execute();
  await db
    .insertInto('regions')
    .values(level1.map((c) => row(c, c, 1, c.slice(0, 2))))
    .execute();
  await db
    .insertInto('regions')
    .values(level2.map((c) => row(c, LEVEL2[c]!, 2, c.slice(0, 3))))
    .execute();
}

async function freshDatabase(): Promise<Database> {
  const database = await openDatabase({ kind: 'pglite', dir: null });
  await migrate(database);
  await insertTestRegions(database.db);
  return database;
}

async function slugsOf(db: Kysely<DB>) {
  const orgs = await db.selectFrom('organisations').select('slug').orderBy('slug').execute();
  const people = await db.selectFrom('people').select('slug').orderBy('slug').execute();
  const members = await db
    .selectFrom('cluster_members as cm')
    .innerJoin('organisations as c', 'c.id', 'cm.cluster_id')
    .innerJoin('organisations as m', 'm.id', 'cm.member_id')
    .select(['c.slug as cluster', 'm.slug as member', 'cm.since_year'])
    .orderBy('c.slug')
    .orderBy('m.slug')
    .execute();
  return { orgs: orgs.map((r) => r.slug), people: people.map((r) => r.slug), members };
}

describe('seedDemo', () => {
  let database: Database;
  let db: Kysely<DB>;
  const realOrgs = MILAN_ORGANISATIONS.length;

  before(async () => {
    database = await freshDatabase();
    db = database.db;
  });
  after(async () => {
    await database.close();
  });

  it('uses only level-2 NUTS codes that the test fixture knows', () => {
    for (const code of SEED_REGION_CODES) {
      assert.match(code, /^[A-Z]{2}[0-9A-Z]{2}$/);
      assert.ok(LEVEL2[code], `missing fixture for ${code}`);
    }
  });

  it('seeds once, then does nothing', async () => {
    // How long seeding takes is measured by `npm run bench foundation` (first start), not here: a
    // timed assertion fails on a loaded machine without anything being wrong.
    const first = await seedDemo(db);
    assert.deepEqual(first, {
      organisations: realOrgs + SAMPLE_MEMBER_COUNT + 40,
      people: MILAN_PEOPLE.length + SAMPLE_PEOPLE_COUNT,
      events: 1,
    });
    assert.ok(first.people >= 160);

    const second = await seedDemo(db);
    assert.deepEqual(second, { organisations: 0, people: 0, events: 0 });
    const count = await db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .execute();
    assert.equal(count[0]?.n, first.organisations);
  });

  it('marks real records sample = false and generated ones sample = true', async () => {
    const orgs = await db
      .selectFrom('organisations')
      .select(['slug', 'sample', 'region_code', 'country_code'])
      .execute();
    const real = new Set(MILAN_ORGANISATIONS.map((o) => o.slug));
    for (const o of orgs) {
      assert.equal(o.sample, !real.has(o.slug), o.slug);
      assert.ok(o.region_code && SEED_REGION_CODES.includes(o.region_code), o.slug);
      assert.equal(o.country_code, o.region_code?.slice(0, 2));
    }
    const people = await db.selectFrom('people').select(['slug', 'sample']).execute();
    const realPeople = new Set(MILAN_PEOPLE.map((p) => p.slug));
    for (const p of people) assert.equal(p.sample, !realPeople.has(p.slug), p.slug);
    const slugRe = /^[a-z0-9]+(-[a-z0-9]+)*$/;
    for (const s of [...orgs, ...people]) assert.match(s.slug, slugRe);
  });

  it('stores the Milan event with its organisers in order and its speakers', async () => {
    const event = await db
      .selectFrom('events')
      .selectAll()
      .where('slug', '=', MILAN_EVENT.slug)
      .executeTakeFirstOrThrow();
    assert.equal(event.sample, false);
    assert.equal(event.status, 'published');
    assert.equal(event.host_region_code, 'ITC4');
    assert.equal(event.reported_participants, 160);
    assert.equal(event.time_zone, 'Europe/Rome');
    assert.equal(new Date(event.starts_at).toISOString(), '2024-03-26T08:00:00.000Z');
    assert.equal(new Date(event.ends_at).toISOString(), '2024-03-27T16:30:00.000Z');

    const organisers = await db
      .selectFrom('event_organisers as eo')
      .innerJoin('organisations as o', 'o.id', 'eo.organisation_id')
      .select(['o.slug', 'eo.position'])
      .where('eo.event_id', '=', event.id)
      .orderBy('eo.position')
      .execute();
    assert.deepEqual(
      organisers.map((o) => o.slug),
      [...MILAN_ORGANISERS],
    );
    assert.deepEqual(
      organisers.map((o) => o.slug),
      ['eccp', 'regione-lombardia', 'afil'],
    );

    const people = await db
      .selectFrom('event_people as ep')
      .innerJoin('people as p', 'p.id', 'ep.person_id')
      .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select(['p.full_name', 'p.honorific', 'ep.role', 'o.slug as org'])
      .where('ep.event_id', '=', event.id)
      .orderBy('ep.position')
      .execute();
    // As in the event report: opening remarks, keynote and closing remarks count as speakers.
    const expected: [string, string][] = [
      ['Elisabetta Confalonieri', 'speaker'],
      ['Christian Colombo', 'speaker'],
      ['Gianluigi Viscardi', 'speaker'],
      ['Tullio Tolio', 'speaker'],
      ['José Vilar', 'panellist'],
      ['Marcello Urgo', 'panellist'],
      ['Fabiana Pirola', 'panellist'],
      ['Antonio Novo', 'moderator'],
      ['Kyle Winters', 'panellist'],
      ['Pierluigi Petrali', 'panellist'],
      ['Massimiliano Brigonzi', 'panellist'],
      ['Beatrice Diano', 'panellist'],
      ['Marcello Colledani', 'panellist'],
      ['Alessandra Grimoldi', 'panellist'],
      ['Michele Petti', 'panellist'],
      ['Fabrizio Guarrasi', 'panellist'],
      ['Ilaria Re', 'panellist'],
      ['Marek Przeor', 'speaker'],
    ];
    assert.deepEqual(
      people.map((p) => [p.full_name, p.role]),
      expected,
    );
    const byName = new Map(people.map((p) => [p.full_name, p]));
    assert.equal(byName.get('Elisabetta Confalonieri')?.org, 'regione-lombardia');
    assert.equal(byName.get('Christian Colombo')?.org, 'afil');
    assert.equal(byName.get('Gianluigi Viscardi')?.org, 'cluster-fabbrica-intelligente');
    assert.equal(byName.get('Tullio Tolio')?.org, 'politecnico-di-milano');
    assert.equal(byName.get('Tullio Tolio')?.honorific, 'Prof.');
    assert.equal(byName.get('Fabiana Pirola')?.org, 'universita-di-bergamo');
    assert.equal(byName.get('Kyle Winters')?.org, 'world-economic-forum');
    assert.equal(byName.get('Marek Przeor')?.org, 'european-commission');
    assert.equal(byName.get('José Vilar')?.org, 'ivace');
    assert.equal(byName.get('Ilaria Re')?.org, null);
  });

  it('gives AFIL, LE2C and LGCA 750 distinct generated members in Lombardy', async () => {
    const rows = await db
      .selectFrom('cluster_members as cm')
      .innerJoin('organisations as c', 'c.id', 'cm.cluster_id')
      .innerJoin('organisations as m', 'm.id', 'cm.member_id')
      .select(['m.slug', 'm.sample', 'm.region_code'])
      .distinct()
      .where('c.acronym', 'in', ['AFIL', 'LE2C', 'LGCA'])
      .execute();
    assert.equal(rows.length, 750);
    assert.ok(rows.every((r) => r.sample && r.region_code === 'ITC4'));
    const inTwo = await db
      .selectFrom('cluster_members')
      .select('member_id')
      .groupBy('member_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    assert.ok(inTwo.length > 100, 'some members belong to two clusters');
  });

  it('is deterministic across databases', async () => {
    const other = await freshDatabase();
    try {
      await seedDemo(other.db);
      assert.deepEqual(await slugsOf(other.db), await slugsOf(db));
    } finally {
      await other.close();
    }
  });

  it('gives profiles only known NACE codes and ecosystems, ESCA labels only to clusters', () => {
    const codes = new Set(naceRows().map((r) => r.code));
    const all = [...MILAN_ORGANISATIONS, ...generateSample().organisations];
    for (const o of all) {
      for (const c of o.profile?.naceCodes ?? []) assert.ok(codes.has(c), `${o.slug}: NACE ${c}`);
      for (const e of o.profile?.ecosystems ?? []) assert.ok(ECOSYSTEMS.includes(e), `${o.slug}: ${e}`);
      if (o.profile?.escaLabel) assert.equal(o.type, 'cluster', o.slug);
    }
    const generated = generateSample().organisations;
    assert.ok(generated.every((o) => (o.profile?.keywords?.length ?? 0) >= 2 && o.profile?.sizeBand));
    assert.ok(generated.some((o) => o.profile?.escaLabel === 'gold'));
    // Real clusters get no invented labels; LGCA is about green chemistry.
    assert.ok(MILAN_ORGANISATIONS.every((o) => !o.profile?.escaLabel && !o.profile?.managerEmail));
    const lgca = MILAN_ORGANISATIONS.find((o) => o.slug === 'lombardy-green-chemistry-association');
    assert.deepEqual(lgca?.profile?.ecosystems, ['energy_intensive']);
    assert.ok(lgca?.profile?.keywords?.includes('green chemistry'));
  });

  it('stores the profile fields', async () => {
    const lgca = await db
      .selectFrom('organisations')
      .select(['keywords', 'ecosystems', 'nace_codes', 'esca_label'])
      .where('slug', '=', 'lombardy-green-chemistry-association')
      .executeTakeFirstOrThrow();
    assert.ok(lgca.keywords.includes('bio-based'));
    assert.deepEqual(lgca.ecosystems, ['energy_intensive']);
    assert.equal(lgca.esca_label, null);
    const labelled = await db
      .selectFrom('organisations')
      .select(['type', 'esca_label', 'manager_email'])
      .where('esca_label', 'is not', null)
      .execute();
    assert.ok(labelled.length >= 10 && labelled.every((o) => o.type === 'cluster' && o.manager_email));
  });

  it('refuses to seed without the regions, naming the missing ones', async () => {
    const bare = await openDatabase({ kind: 'pglite', dir: null });
    try {
      await migrate(bare);
      await assert.rejects(seedDemo(bare.db), /ITC4/);
      const n = await bare.db.selectFrom('organisations').select('id').execute();
      assert.equal(n.length, 0);
    } finally {
      await bare.close();
    }
  });
});
