import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../src/server/db/schema.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

interface Summary {
  id: string;
  slug: string;
  name: string;
  type: string;
  countryCode: string | null;
  regionCode: string | null;
  sample: boolean;
}
interface FacetValue {
  value: string;
  count: number;
  label?: { en: string; it: string };
}
interface List {
  items: Summary[];
  total: number;
  sort: string;
  textMatch: string;
  facets: Record<string, FacetValue[]>;
}

const published = (db: Kysely<DB>) => db.selectFrom('organisations as o').where('o.status', '=', 'published');
const countOf = async (q: ReturnType<typeof published>) =>
  Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

for (const backend of backends()) {
  describe(`directory search (${backend})`, () => {
    let t: TestApp;
    let db: Kysely<DB>;
    const list = async (query: string): Promise<List> => {
      const res = await t.request({ method: 'GET', url: `/api/v1/organisations?${query}` });
      assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
      return res.json();
    };
    const facet = (r: List, key: string) => new Map(r.facets[key]!.map((v) => [v.value, v.count]));
    before(async () => {
      t = await testApp(backend);
      db = t.database.db;
    });
    after(() => t.close());

    describe('filters', () => {
      test('type, repeated: any of the values', async () => {
        const r = await list('type=cluster&type=university&pageSize=100');
        assert.ok(r.items.every((o) => o.type === 'cluster' || o.type === 'university'));
        assert.equal(r.total, await countOf(published(db).where('o.type', 'in', ['cluster', 'university'])));
        assert.ok(r.items.some((o) => o.type === 'cluster') && r.items.some((o) => o.type === 'university'));
      });

      test('country and region, repeated; a region covers the regions below it', async () => {
        const r = await list('country=BE&country=ES&pageSize=100');
        assert.equal(r.total, await countOf(published(db).where('o.country_code', 'in', ['BE', 'ES'])));
        assert.ok(r.items.every((o) => o.countryCode === 'BE' || o.countryCode === 'ES'));
        const regions = await list('region=ES5&region=BE10&pageSize=100');
        assert.ok(regions.items.every((o) => o.regionCode?.startsWith('ES5') || o.regionCode === 'BE10'));
        assert.ok(
          regions.items.some((o) => o.regionCode === 'ES52') &&
            regions.items.some((o) => o.regionCode === 'ES51'),
        );
        assert.equal(
          regions.total,
          await countOf(
            published(db).where((eb) =>
              eb.or([eb('o.region_code', 'like', 'ES5%'), eb('o.region_code', '=', 'BE10')]),
            ),
          ),
        );
      });

      test('ecosystem, NACE section, NACE code prefix, S3 area, size and ESCA label', async () => {
        const eco = await list('ecosystem=energy_intensive&ecosystem=renewable_energy&pageSize=100');
        assert.equal(
          eco.total,
          await countOf(
            published(db).where((eb) =>
              eb(eb.ref('o.ecosystems'), '&&', eb.val(['energy_intensive', 'renewable_energy'])),
            ),
          ),
        );
        assert.ok(eco.items.some((o) => o.slug === 'lombardy-green-chemistry-association'));
        assert.ok(eco.items.some((o) => o.slug === 'lombardy-energy-cleantech-cluster'));

        const section = await list('nace=Q&pageSize=100');
        assert.ok(
          section.items.some((o) => o.slug === 'politecnico-di-milano'),
          'NACE 85.4 is in section Q',
        );
        assert.equal(
          section.total,
          await countOf(published(db).where((eb) => eb(eb.ref('o.nace_sections'), '@>', eb.val(['Q'])))),
        );
        // A division covers its groups and classes: 20 ⊃ 20.1 ⊃ 20.14.
        const division = await list('nace=20&pageSize=100');
        const group = await list('nace=20.1&pageSize=100');
        const cls = await list('nace=20.14&pageSize=100');
        assert.ok(cls.total > 0);
        assert.ok(division.total >= group.total && group.total >= cls.total);
        const rows = await published(db)
          .select('o.nace_codes')
          .where(
            'o.id',
            'in',
            cls.items.map((o) => o.id),
          )
          .execute();
        assert.ok(rows.every((r) => r.nace_codes.includes('20.14')));
        assert.equal(
          division.total,
          await countOf(
            published(db).where(
              sql<SqlBool>`exists (select 1 from unnest(o.nace_codes) c where c like '20%')`,
            ),
          ),
        );

        const s3 = await list(`s3=${encodeURIComponent('Advanced manufacturing')}&pageSize=1`);
        assert.equal(
          s3.total,
          await countOf(
            published(db).where((eb) => eb(eb.ref('o.s3_areas'), '@>', eb.val(['Advanced manufacturing']))),
          ),
        );
        assert.ok(s3.total > 0);

        const size = await list('size=micro&size=large&pageSize=1');
        assert.equal(size.total, await countOf(published(db).where('o.size_band', 'in', ['micro', 'large'])));
        const label = await list('label=gold&pageSize=100');
        assert.ok(label.total > 0 && label.items.every((o) => o.type === 'cluster'));
        assert.equal(label.total, await countOf(published(db).where('o.esca_label', '=', 'gold')));
      });

      test('filters combine: every filter must match', async () => {
        const r = await list('type=company&ecosystem=energy_intensive&size=small&pageSize=100');
        assert.equal(
          r.total,
          await countOf(
            published(db)
              .where('o.type', '=', 'company')
              .where('o.size_band', '=', 'small')
              .where((eb) => eb(eb.ref('o.ecosystems'), '@>', eb.val(['energy_intensive']))),
          ),
        );
        assert.ok(r.total > 0);
      });

      test('drafts are never listed nor counted', async () => {
        const before = await list('q=Invisible%20Draft%20Foundry');
        await db
          .insertInto('organisations')
          .values({
            slug: 'invisible-draft-foundry',
            name: 'Invisible Draft Foundry',
            type: 'company',
            status: 'draft',
          })
          .execute();
        const after = await list('q=Invisible%20Draft%20Foundry');
        assert.equal(before.total, 0);
        assert.equal(after.total, 0);
      });
    });

    describe('facets', () => {
      test('each facet applies every filter but its own (disjunctive), with counts that add up', async () => {
        const r = await list('type=cluster&country=IT');
        const types = facet(r, 'type');
        for (const [type, count] of types) {
          assert.equal(count, (await list(`country=IT&type=${type}&pageSize=1`)).total, `type ${type}`);
        }
        assert.equal(
          [...types.values()].reduce((s, n) => s + n, 0),
          (await list('country=IT&pageSize=1')).total,
          'one type each: the type counts sum to the total without the type filter',
        );
        for (const [country, count] of facet(r, 'country')) {
          assert.equal(
            count,
            (await list(`type=cluster&country=${country}&pageSize=1`)).total,
            `country ${country}`,
          );
        }
        assert.ok(facet(r, 'country').size > 1, 'other countries stay selectable');
        for (const [eco, count] of facet(r, 'ecosystem')) {
          assert.equal(count, (await list(`type=cluster&country=IT&ecosystem=${eco}&pageSize=1`)).total, eco);
        }
        assert.equal(types.get('cluster'), r.total);
      });

      test('every facet is present, with labels for regions and NACE sections in both languages', async () => {
        const r = await list('');
        assert.deepEqual(Object.keys(r.facets).sort(), [
          'country',
          'ecosystem',
          'label',
          'nace',
          'region',
          's3',
          'size',
          'type',
        ]);
        const itc4 = r.facets.region!.find((v) => v.value === 'ITC4');
        assert.deepEqual(itc4?.label, { en: 'Lombardia', it: 'Lombardia' });
        const c = r.facets.nace!.find((v) => v.value === 'C');
        assert.deepEqual(c?.label, { en: 'Manufacturing', it: 'Attività manifatturiere' });
        assert.ok(r.facets.label!.length === 3 && r.facets.size!.length === 4);
        const counts = r.facets.type!.map((v) => v.count);
        assert.deepEqual(
          counts,
          [...counts].sort((a, b) => b - a),
          'largest first',
        );
      });

      test('a selected value is always listed, even with no match', async () => {
        const r = await list('region=ZZ1&label=gold&s3=Nothing%20like%20this');
        assert.equal(r.total, 0);
        assert.deepEqual(
          r.facets.region!.find((v) => v.value === 'ZZ1'),
          { value: 'ZZ1', count: 0 },
        );
        assert.deepEqual(
          r.facets.s3!.find((v) => v.value === 'Nothing like this'),
          { value: 'Nothing like this', count: 0 },
        );
      });

      test('counts follow changes at once', async () => {
        const before = await list('country=SI');
        const tourism = facet(before, 'ecosystem').get('tourism') ?? 0;
        await db
          .insertInto('organisations')
          .values({
            slug: 'bled-tourism-board-test',
            name: 'Bled Tourism Board',
            type: 'public_authority',
            country_code: 'SI',
            region_code: 'SI04',
            ecosystems: ['tourism'],
          })
          .execute();
        const after = await list('country=SI');
        assert.equal(after.total, before.total + 1);
        assert.equal(facet(after, 'ecosystem').get('tourism'), tourism + 1);
        assert.equal(facet(await list(''), 'country').get('SI'), after.total);
        await db
          .updateTable('organisations')
          .set({ status: 'draft' })
          .where('slug', '=', 'bled-tourism-board-test')
          .execute();
        assert.equal((await list('country=SI')).total, before.total);
      });
    });

    describe('text search', () => {
      test('ranks the Lombardy Green Chemistry Association first for "green chemistry"', async () => {
        const r = await list('q=green%20chemistry');
        assert.equal(r.items[0]?.slug, 'lombardy-green-chemistry-association');
        assert.equal(r.sort, 'relevance');
        assert.equal(r.textMatch, 'fulltext');
      });

      test('is accent- and case-insensitive', async () => {
        for (const q of ['universita', 'UNIVERSITÀ', 'Università degli studi', 'Universitá']) {
          const r = await list(`q=${encodeURIComponent(q)}`);
          assert.ok(
            r.items.some((o) => o.slug === 'universita-di-bergamo'),
            q,
          );
        }
        const valencia = await list('q=valencia');
        assert.ok(
          valencia.items.some((o) => o.slug === 'ivace'),
          'València (city) without its accent',
        );
      });

      test('matches word prefixes, for type-ahead', async () => {
        for (const q of ['polit', 'politec', 'green chem', 'POLI MIL']) {
          const r = await list(`q=${encodeURIComponent(q)}`);
          assert.ok(
            r.items.some(
              (o) => o.slug === 'politecnico-di-milano' || o.slug === 'lombardy-green-chemistry-association',
            ),
            q,
          );
        }
      });

      test('searches keywords, offers and needs, not only names', async () => {
        // Only in their keywords: LGCA's 'bioeconomy', ECCP's 'matchmaking'.
        assert.equal((await list('q=bioeconomy')).items[0]?.slug, 'lombardy-green-chemistry-association');
        assert.ok((await list('q=matchmaking')).items.some((o) => o.slug === 'eccp'));
        const offer = await db
          .selectFrom('organisations')
          .select(['slug', 'offers'])
          .where('offers', 'like', 'We offer toll manufacturing%')
          .executeTakeFirstOrThrow();
        const byOffer = await list('q=toll%20manufacturing&pageSize=100');
        assert.ok(byOffer.items.some((o) => o.slug === offer.slug));
        const byNeed = await list('q=feedstock%20suppliers&pageSize=1');
        assert.ok(byNeed.total > 0);
        assert.equal(
          byNeed.total,
          await countOf(published(db).where('o.seeks', 'like', '%feedstock suppliers%')),
        );
      });

      test('finds misspelt names by similarity when no word matches', async () => {
        const r = await list('q=politecnco');
        assert.equal(r.textMatch, 'similar');
        assert.equal(r.items[0]?.slug, 'politecnico-di-milano');
        const two = await list('q=politecnco%20milano');
        assert.equal(two.items[0]?.slug, 'politecnico-di-milano');
        const nothing = await list('q=xqzxqzxqz');
        assert.equal(nothing.total, 0);
        assert.deepEqual(nothing.items, []);
      });

      test('punctuation alone matches nothing, and cannot break the query', async () => {
        for (const q of ['%', "'", '&|!', ':*', '(', 'ʼ', '\\']) {
          const r = await list(`q=${encodeURIComponent(q)}`);
          assert.equal(r.total, 0, q);
        }
        const r = await list(`q=${encodeURIComponent("green & chemistry's | !(")}`);
        assert.ok(r.items.some((o) => o.slug === 'lombardy-green-chemistry-association'));
      });
    });

    describe('sorting and pages', () => {
      test('by name: real before generated, then case and accents ignored', async () => {
        const r = await list('sample=false&sort=name&pageSize=100');
        const key = (s: string) =>
          s
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase();
        const names = r.items.map((o) => key(o.name));
        assert.deepEqual(
          names,
          [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        );
        const all = await list('sort=name&pageSize=100');
        assert.ok(all.items.slice(0, r.total).every((o) => !o.sample));
      });

      test('newest and participations', async () => {
        await db
          .insertInto('organisations')
          .values({
            slug: 'brand-new-cluster',
            name: 'Brand New Cluster',
            type: 'cluster',
            sample: false,
            participations: 9999,
          })
          .execute();
        const newest = await list('sort=newest&pageSize=3');
        assert.equal(newest.items[0]?.slug, 'brand-new-cluster');
        const busy = await list('sort=participations&pageSize=3');
        assert.equal(busy.items[0]?.slug, 'brand-new-cluster');
        const rows = await published(db)
          .select(['o.slug', 'o.participations'])
          .where('o.sample', '=', true)
          .orderBy('o.participations', 'desc')
          .limit(5)
          .execute();
        const sampleBusy = await list('sort=participations&sample=true&pageSize=5');
        assert.deepEqual(sampleBusy.items.map((o) => o.slug).length, 5);
        assert.equal(
          (
            await published(db)
              .select('o.participations')
              .where('o.slug', '=', sampleBusy.items[0]!.slug)
              .executeTakeFirstOrThrow()
          ).participations,
          rows[0]!.participations,
        );
        await db.deleteFrom('organisations').where('slug', '=', 'brand-new-cluster').execute();
      });

      test('relevance is the default only with q; any sort pages without overlap', async () => {
        assert.equal((await list('')).sort, 'name');
        assert.equal((await list('q=cluster')).sort, 'relevance');
        for (const sort of ['relevance', 'name', 'newest', 'participations']) {
          const p1 = await list(`q=cluster&sort=${sort}&pageSize=5&page=1`);
          const p2 = await list(`q=cluster&sort=${sort}&pageSize=5&page=2`);
          const all = await list(`q=cluster&sort=${sort}&pageSize=10`);
          assert.deepEqual(
            [...p1.items, ...p2.items].map((o) => o.id),
            all.items.map((o) => o.id),
            sort,
          );
        }
      });
    });

    describe('bad input', () => {
      test('is a 400 naming the field', async () => {
        const cases: [string, string][] = [
          ['ecosystem=space_tourism', 'querystring.ecosystem'],
          ['ecosystem=digital&ecosystem=nope', 'querystring.ecosystem'],
          ['nace=ZZ', 'querystring.nace'],
          ['nace=1', 'querystring.nace'],
          ['nace=99.9', 'querystring.nace'],
          ['nace=C&nace=20.999', 'querystring.nace'],
          ['pageSize=101', 'querystring.pageSize'],
          ['sort=random', 'querystring.sort'],
          ['size=huge', 'querystring.size'],
          ['label=platinum', 'querystring.label'],
          ['type=cluster&type=spaceship', 'querystring.type'],
          ['country=IT&country=italy', 'querystring.country'],
          ['region=IT-C4', 'querystring.region'],
          [`s3=${'x'.repeat(121)}`, 'querystring.s3'],
          [Array.from({ length: 31 }, () => 'type=cluster').join('&'), 'querystring.type'],
          [`q=${'x'.repeat(201)}`, 'querystring.q'],
          ['q=a%00b', 'querystring.q'],
          ['s3=a%00b', 'querystring.s3'],
        ];
        for (const [q, field] of cases) {
          const res = await t.request({ method: 'GET', url: `/api/v1/organisations?${q}` });
          assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
          const fields = (res.json().error.details?.fields ?? []).map((f: { field: string }) => f.field);
          assert.ok(fields.includes(field), `${q}: expected ${field}, got ${res.body}`);
        }
      });

      test('the same rules hold for the map and the export', async () => {
        for (const url of [
          '/api/v1/organisations/map?ecosystem=x',
          '/api/v1/organisations/export?nace=99.9',
          '/api/v1/organisations/export?format=xlsx',
        ]) {
          const res = await t.request({ method: 'GET', url });
          assert.equal(res.statusCode, 400, url);
          assert.ok(res.json().error.details.fields.length > 0);
        }
      });
    });
  });
}
