/** CORDIS Horizon 2020: a sample cut from the real files, and the real files themselves when present. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { importCommand } from '../../src/cli/import.ts';
import { toCsvLine } from '../../src/features/organisations/exchange-format.ts';
import { CORDIS_TYPES } from '../../src/features/organisations/import/cordis.ts';
import { openRecords } from '../../src/features/organisations/import/source.ts';
import type { Database } from '../../src/server/db/database.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends, testDatabase } from '../helpers/db.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CORDIS_DIR = process.env.CORDIS_DIR ?? join(ROOT, '..', 'shared', 'data', 'cordis-h2020');
const ORGS = join(CORDIS_DIR, 'h2020_organisations_2017_odfest.csv.gz');
const PARTICIPATIONS = join(CORDIS_DIR, 'h2020_participations.csv.gz');
const present = existsSync(ORGS) && existsSync(PARTICIPATIONS);
const SKIP = `CORDIS data not found in ${CORDIS_DIR} (set CORDIS_DIR): CORDIS import tests skipped`;

async function records(path: string, limit = Number.POSITIVE_INFINITY) {
  const s = await openRecords(path);
  const out: Record<string, string>[] = [];
  for await (const r of s.records) {
    if (out.length >= limit) break;
    out.push(r.values as Record<string, string>);
  }
  return { columns: s.columns, rows: out };
}

function captured() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}

async function cordis(database: Database, dir: string, extra: string[] = []) {
  const out = captured();
  const err = captured();
  const code = await importCommand(database, ['cordis', dir, ...extra], { out, err });
  return { code, out: out.text(), err: err.text() };
}

for (const backend of backends()) {
  describe(`CORDIS upload in the web interface (${backend})`, () => {
    let t: TestApp;
    let admin: string;
    before(async () => {
      t = await testApp(backend, { seeded: false });
      admin = (await t.user({ admin: true })).cookie;
    });
    after(() => t.close());

    test('the organisations file and the optional participations file, as multipart fields', async () => {
      const b = 'nexum-cordis-boundary';
      const part = (name: string, file: string, content: string) =>
        `--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${file}"\r\n\r\n${content}\r\n`;
      const payload = Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncordis\r\n${part(
          'file',
          'orgs.csv',
          'orgId,name,shortName,activityType,country,city\n999000001,UNIVERSITAET M√úNSTER,WWU,HES,DE,M√ºnster\n999000002,ACME SRL,,PRC,IT,Milano\n',
        )}${part('participations', 'parts.csv', 'rcn,pic,type\n1,999000001,HES\n2,999000001,HES\n3,999000002,PRC\n4,999000003,REC\n')}--${b}--\r\n`,
      );
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/imports',
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${b}` },
        cookie: admin,
      });
      assert.equal(res.statusCode, 202, res.body);
      assert.equal(res.json().fileName, 'orgs.csv + parts.csv');
      await t.services.imports.idle();
      const job = (
        await t.request({ method: 'GET', url: `/api/v1/imports/${res.json().id}`, cookie: admin })
      ).json();
      assert.equal(job.status, 'done', job.error);
      assert.deepEqual([job.kind, job.created, job.failed], ['cordis', 2, 0]);
      assert.deepEqual(
        job.problems.map((p: { code: string; value?: string }) => [p.code, p.value]),
        [['not_imported', '1']],
      );
      const rows = await t.database.db
        .selectFrom('organisations')
        .select(['pic', 'name', 'acronym', 'type', 'city', 'participations'])
        .orderBy('pic')
        .execute();
      assert.deepEqual(rows, [
        {
          pic: '999000001',
          name: 'UNIVERSITAET MÜNSTER',
          acronym: 'WWU',
          type: 'university',
          city: 'Münster',
          participations: 2,
        },
        {
          pic: '999000002',
          name: 'ACME SRL',
          acronym: null,
          type: 'company',
          city: 'Milano',
          participations: 1,
        },
      ]);
    });
  });
}

describe('CORDIS import', { skip: present ? false : SKIP }, () => {
  let dir: string;
  let sample: Record<string, string>[];
  let counts: Map<string, number>;
  before(async () => {
    // A sample: the first 200 organisations, every participation of theirs and 300 of others.
    dir = mkdtempSync(join(tmpdir(), 'nexum-cordis-'));
    const orgs = await records(ORGS, 200);
    sample = orgs.rows;
    const pics = new Set(sample.map((r) => r.orgId));
    const parts = await records(PARTICIPATIONS);
    let others = 0;
    const kept = parts.rows.filter((p) => pics.has(p.pic!) || (others++ < 300 && !pics.has(p.pic!)));
    counts = new Map();
    for (const p of kept) if (pics.has(p.pic!)) counts.set(p.pic!, (counts.get(p.pic!) ?? 0) + 1);
    const csv = (columns: string[], rows: Record<string, string>[]) =>
      [toCsvLine(columns), ...rows.map((r) => toCsvLine(columns.map((c) => r[c] ?? '')))].join('');
    writeFileSync(join(dir, 'h2020_organisations_sample.csv.gz'), gzipSync(csv(orgs.columns, sample)));
    writeFileSync(join(dir, 'h2020_participations_sample.csv'), csv(parts.columns, kept));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const backend of backends()) {
    describe(`sample (${backend})`, () => {
      let database: Database;
      before(async () => {
        database = await testDatabase(backend, { seeded: false });
      });
      after(() => database.close());

      test('imports the organisations with their type, country, PIC and participation count', async () => {
        const r = await cordis(database, dir);
        assert.equal(r.code, 0, r.err);
        assert.match(r.out, /^created 200, updated 0, skipped 0, failed 0 \(200 rows\)\n$/);
        assert.match(
          r.err,
          /file, pic: \d+ organisations of the participations file are not in the organisations file/,
        );
        const rows = await database.db
          .selectFrom('organisations')
          .selectAll()
          .where('pic', 'is not', null)
          .execute();
        assert.equal(rows.length, 200);
        const byPic = new Map(rows.map((o) => [o.pic!, o]));
        for (const s of sample) {
          const o = byPic.get(s.orgId!);
          assert.ok(o, s.orgId);
          assert.equal(o.type, CORDIS_TYPES[s.activityType!] ?? 'other', s.orgId);
          assert.equal(o.country_code, s.country);
          assert.equal(o.participations, counts.get(s.orgId!) ?? 0, s.orgId);
          assert.equal(o.status, 'published');
          assert.equal(o.sample, false, 'real public data is not sample data');
          assert.equal(o.region_code, null, 'CORDIS has no NUTS codes');
        }
        assert.ok(
          [...counts.values()].some((n) => n > 1),
          'the sample has organisations with several participations',
        );
      });

      test('names read as Mac Roman are repaired, correct accents are kept', async () => {
        const broken = sample.filter((s) => /√|¬/.test(`${s.name}${s.shortName}${s.city}`));
        assert.ok(broken.length > 0, 'the sample holds mojibake');
        const rows = await database.db
          .selectFrom('organisations')
          .select(['pic', 'name', 'acronym', 'city'])
          .where(
            'pic',
            'in',
            broken.map((b) => b.orgId!),
          )
          .execute();
        for (const o of rows)
          assert.doesNotMatch(`${o.name} ${o.acronym ?? ''} ${o.city ?? ''}`, /√|¬/, o.pic!);
        const joeckel = await database.db
          .selectFrom('organisations')
          .select(['name', 'acronym'])
          .where('name', '=', 'JOECKEL BERNHARD')
          .executeTakeFirst();
        if (joeckel) assert.equal(joeckel.acronym, null, 'a short name in sentence case is not an acronym');
      });

      test('a second import changes nothing; a curated profile keeps its fields, participations refresh', async () => {
        const one = sample[0]!;
        await database.db
          .updateTable('organisations')
          .set({ name: 'Curated Name', city: 'Curated City', participations: 999 })
          .where('pic', '=', one.orgId!)
          .execute();
        const before = Number(
          (await sql<{ n: number }>`select count(*)::int as n from organisations`.execute(database.db))
            .rows[0]!.n,
        );
        const r = await cordis(database, dir);
        assert.equal(r.code, 0, r.err);
        assert.match(r.out, /^created 0, updated 1, skipped 199, failed 0/);
        const o = await database.db
          .selectFrom('organisations')
          .selectAll()
          .where('pic', '=', one.orgId!)
          .executeTakeFirstOrThrow();
        assert.deepEqual(
          [o.name, o.city, o.participations],
          ['Curated Name', 'Curated City', counts.get(one.orgId!) ?? 0],
        );
        assert.equal(
          Number(
            (await sql<{ n: number }>`select count(*)::int as n from organisations`.execute(database.db))
              .rows[0]!.n,
          ),
          before,
        );
      });

      test('a directory without the files, or a file without the CORDIS columns, is refused', async () => {
        const empty = mkdtempSync(join(tmpdir(), 'nexum-cordis-empty-'));
        try {
          const none = await cordis(database, empty);
          assert.equal(none.code, 1);
          assert.match(none.err, /No CORDIS organisations file/);
          writeFileSync(join(empty, 'organisations.csv'), 'name,type\nA,company\n');
          const wrong = await cordis(database, empty);
          assert.equal(wrong.code, 1);
          assert.match(wrong.err, /lacks the column\(s\) orgId, activityType, country/);
        } finally {
          rmSync(empty, { recursive: true, force: true });
        }
      });
    });
  }

  describe('the real files (16,592 organisation rows, 144,726 participations)', () => {
    let database: Database;
    before(async () => {
      database = await testDatabase('pglite', { seeded: false });
    });
    after(() => database.close());

    // Expected figures computed from the files with Python's csv module: 16,281 of the 35,871 PICs
    // that took part have a row in the organisations file, covering 110,696 participations.
    test('every organisation with a PIC is imported, and every participation of a named PIC is counted', async () => {
      const r = await cordis(database, CORDIS_DIR);
      assert.equal(r.code, 0, r.err);
      // One row (KAYSER ITALIA SRL) has no orgId: it cannot be matched again, so it is not imported.
      assert.match(r.out, /^created 16,591, updated 0, skipped 0, failed 1 \(16,592 rows\)/);
      assert.match(r.err, /row \d+, pic: No PIC \(orgId\)/);
      assert.match(
        r.err,
        /19,590 organisations of the participations file are not in the organisations file/,
      );
      const totals = await sql<{ n: number; participations: number; active: number; mojibake: number }>`
        select count(*)::int as n, sum(participations)::int as participations,
               count(*) filter (where participations > 0)::int as active,
               count(*) filter (where name ~ '√' or city ~ '√' or acronym ~ '√')::int as mojibake
        from organisations where pic is not null`.execute(database.db);
      assert.deepEqual(totals.rows[0], { n: 16_591, participations: 110_696, active: 16_281, mojibake: 0 });
      const types = await database.db
        .selectFrom('organisations')
        .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('type')
        .execute();
      assert.deepEqual(Object.fromEntries(types.map((t) => [t.type, Number(t.n)])), {
        company: 10_341,
        research_centre: 1931,
        other: 1592,
        university: 1399,
        public_authority: 1328,
      });
      const munster = await database.db
        .selectFrom('organisations')
        .select(['name', 'city'])
        .where('acronym', '=', '52N')
        .executeTakeFirstOrThrow();
      assert.deepEqual(munster, {
        name: '52°North Initiative for Geospatial Open Source Software GmbH',
        city: 'Münster',
      });
    });
  });
});
