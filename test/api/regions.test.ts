import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

interface RegionSummary {
  code: string;
  name: string;
  nameLatn: string;
  level: number;
  countryCode: string;
  parentCode: string | null;
}

// biome-ignore format: a table
const EU27 = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

for (const backend of backends()) {
  describe(`regions (${backend})`, () => {
    let t: TestApp;
    const list = async (query: string) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/regions?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: RegionSummary[]; total: number; page: number; pageSize: number };
    };
    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    describe('GET /api/v1/regions', () => {
      test('37 countries at level 0: the EU27 and the others NUTS 2021 covers', async () => {
        const r = await list('level=0&pageSize=500');
        assert.equal(r.total, 37);
        assert.equal(r.items.length, 37);
        const codes = r.items.map((x) => x.code);
        for (const c of EU27) assert.ok(codes.includes(c), `missing ${c}`);
        for (const c of ['NO', 'CH', 'IS', 'TR']) assert.ok(codes.includes(c), `missing ${c}`);
        assert.ok(r.items.every((x) => x.level === 0 && x.parentCode === null && x.countryCode === x.code));
      });

      test('334 regions at level 2 (NUTS 2021), each under a level-1 parent', async () => {
        const r = await list('level=2&pageSize=500');
        assert.equal(r.total, 334);
        assert.equal(r.items.length, 334);
        assert.ok(r.items.every((x) => x.code.length === 4 && x.parentCode === x.code.slice(0, 3)));
        const level1 = await list('level=1&pageSize=500');
        const parents = new Set(level1.items.map((x) => x.code));
        assert.ok(
          r.items.every((x) => parents.has(x.parentCode!)),
          'every parent exists',
        );
        assert.ok(level1.items.every((x) => x.code.length === 3 && x.parentCode === x.code.slice(0, 2)));
      });

      test('all levels together, no level 3', async () => {
        const all = await list('pageSize=1');
        const [l0, l1, l2] = await Promise.all([
          list('level=0&pageSize=1'),
          list('level=1&pageSize=1'),
          list('level=2&pageSize=1'),
        ]);
        assert.equal(all.total, l0.total + l1.total + l2.total);
        const res = await t.request({ method: 'GET', url: '/api/v1/regions?level=3' });
        assert.equal(res.statusCode, 400);
      });

      test('filters by country', async () => {
        const r = await list('country=IT&level=2');
        assert.equal(r.total, 21, 'Italy has 21 NUTS 2 regions');
        assert.ok(r.items.every((x) => x.countryCode === 'IT'));
        assert.ok(r.items.some((x) => x.code === 'ITC4'));
      });

      test('filters by parent', async () => {
        const r = await list('parent=ITC');
        assert.deepEqual(
          r.items.map((x) => x.code),
          ['ITC1', 'ITC2', 'ITC3', 'ITC4'],
        );
        const it = await list('parent=IT');
        assert.deepEqual(
          it.items.map((x) => x.code),
          ['ITC', 'ITF', 'ITG', 'ITH', 'ITI'],
        );
      });

      test('q "lombard" finds Lombardia (ITC4)', async () => {
        const r = await list('q=lombard');
        assert.ok(
          r.items.some((x) => x.code === 'ITC4' && x.name === 'Lombardia'),
          JSON.stringify(r.items),
        );
      });

      test('q is accent-insensitive and matches codes', async () => {
        const r = await list('q=cataluna');
        assert.ok(
          r.items.some((x) => x.code === 'ES51'),
          JSON.stringify(r.items),
        );
        const at = await list(`q=${encodeURIComponent('OSTERREICH')}&level=0`);
        assert.deepEqual(
          at.items.map((x) => x.code),
          ['AT'],
        );
        const fr = await list(`q=${encodeURIComponent('Île-de')}`);
        assert.ok(
          fr.items.some((x) => x.code === 'FR10'),
          JSON.stringify(fr.items),
        );
        const code = await list('q=itc4');
        assert.ok(code.items.some((x) => x.code === 'ITC4'));
        const none = await list('q=zzzzzz');
        assert.equal(none.total, 0);
      });

      test('pages', async () => {
        const p1 = await list('level=2&pageSize=10&page=1');
        const p2 = await list('level=2&pageSize=10&page=2');
        assert.equal(p1.items.length, 10);
        assert.ok(p2.items.every((x) => !p1.items.some((y) => y.code === x.code)));
        assert.ok(p1.items.at(-1)!.code < p2.items[0]!.code, 'ordered by code');
      });

      test('bad parameters are 400', async () => {
        for (const q of ['level=9', 'level=x', 'country=ita', 'parent=IT-C', 'pageSize=501', 'page=0']) {
          const res = await t.request({ method: 'GET', url: `/api/v1/regions?${q}` });
          assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
          assert.equal(res.json().error.code, 'validation_failed');
        }
      });
    });

    describe('GET /api/v1/regions/:code', () => {
      test('ITC4 has its ancestors, organisations and the Milan workshop', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/regions/ITC4' });
        assert.equal(res.statusCode, 200, res.body);
        const r = res.json();
        assert.equal(r.code, 'ITC4');
        assert.equal(r.name, 'Lombardia');
        assert.equal(r.level, 2);
        assert.equal(r.parentCode, 'ITC');
        assert.deepEqual(
          r.ancestors.map((a: { code: string }) => a.code),
          ['IT', 'ITC'],
        );
        assert.deepEqual(
          r.ancestors.map((a: { level: number }) => a.level),
          [0, 1],
        );
        assert.deepEqual(r.children, []);
        assert.ok(r.organisationCount >= 750, `organisationCount ${r.organisationCount}`);
        assert.equal(r.organisations.length, 24);
        assert.ok(r.organisations.every((o: { regionCode: string }) => o.regionCode === 'ITC4'));
        assert.ok(r.organisations.some((o: { slug: string }) => o.slug === 'afil'));
        const milan = r.events.find((e: { slug: string }) => e.slug === 'clusters-meet-regions-milan-2024');
        assert.ok(milan, 'the Milan workshop');
        assert.equal(milan.startsAt, '2024-03-26T08:00:00.000Z');
        assert.equal(milan.timeZone, 'Europe/Rome');
      });

      test('the organisation count agrees with the directory', async () => {
        const region = (await t.request({ method: 'GET', url: '/api/v1/regions/ITC4' })).json();
        const dir = (
          await t.request({ method: 'GET', url: '/api/v1/organisations?region=ITC4&pageSize=1' })
        ).json();
        assert.equal(region.organisationCount, dir.total);
      });

      test('a level-1 region has children and counts the organisations below it', async () => {
        const r = (await t.request({ method: 'GET', url: '/api/v1/regions/ITC' })).json();
        assert.deepEqual(
          r.children.map((c: { code: string }) => c.code),
          ['ITC1', 'ITC2', 'ITC3', 'ITC4'],
        );
        assert.deepEqual(
          r.ancestors.map((a: { code: string }) => a.code),
          ['IT'],
        );
        const itc4 = (await t.request({ method: 'GET', url: '/api/v1/regions/ITC4' })).json();
        assert.ok(r.organisationCount >= itc4.organisationCount);
        assert.ok(r.events.some((e: { slug: string }) => e.slug === 'clusters-meet-regions-milan-2024'));
      });

      test('a country has no ancestors', async () => {
        const r = (await t.request({ method: 'GET', url: '/api/v1/regions/IT' })).json();
        assert.deepEqual(r.ancestors, []);
        assert.equal(r.parentCode, null);
        assert.equal(r.children.length, 5);
      });

      test('a lower-case code works', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/regions/itc4' });
        assert.equal(res.statusCode, 200);
        assert.equal(res.json().code, 'ITC4');
        assert.deepEqual(
          res.json().ancestors.map((a: { code: string }) => a.code),
          ['IT', 'ITC'],
        );
      });

      test('an unknown code is 404', async () => {
        for (const code of ['ZZ99', 'ITZ', 'XX']) {
          const res = await t.request({ method: 'GET', url: `/api/v1/regions/${code}` });
          assert.equal(res.statusCode, 404, code);
          assert.equal(res.json().error.code, 'not_found');
        }
      });

      test('a malformed code is 400 on params.code', async () => {
        for (const code of ['I', 'ITC4XX', 'IT-C', '12AB', 'ITC%254']) {
          const res = await t.request({ method: 'GET', url: `/api/v1/regions/${code}` });
          assert.equal(res.statusCode, 400, `${code}: ${res.body}`);
          assert.deepEqual(
            res.json().error.details.fields.map((f: { field: string }) => f.field),
            ['params.code'],
          );
        }
      });
    });
  });
}
