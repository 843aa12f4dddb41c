import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
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

function assertFieldError(res: LightMyRequestResponse, field: string) {
  assert.equal(res.statusCode, 400, res.body);
  const body = res.json();
  assert.equal(typeof body.error.code, 'string');
  assert.equal(typeof body.error.message, 'string');
  const fields = (body.error.details?.fields ?? []).map((f: { field: string }) => f.field);
  assert.ok(fields.includes(field), `expected a field error on ${field}, got ${res.body}`);
}

for (const backend of backends()) {
  describe(`directory (${backend})`, () => {
    let t: TestApp;
    let admin: string;
    const list = async (query: string) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/organisations?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: Summary[]; total: number; page: number; pageSize: number };
    };
    before(async () => {
      t = await testApp(backend);
      admin = (await t.user({ admin: true })).cookie;
    });
    after(() => t.close());

    describe('GET /api/v1/organisations', () => {
      test('defaults to page 1 of 20, with the total', async () => {
        const r = await list('');
        assert.equal(r.page, 1);
        assert.equal(r.pageSize, 20);
        assert.equal(r.items.length, 20);
        assert.ok(r.total > 750, `total ${r.total}`);
      });

      test('cluster= lists the members of a cluster, by slug or id, matching its profile', async () => {
        const profile = (await t.request({ method: 'GET', url: '/api/v1/organisations/afil' })).json();
        const bySlug = await list('cluster=afil&pageSize=5');
        assert.equal(bySlug.total, profile.members.total);
        assert.ok(bySlug.total > 24, 'AFIL has more members than its profile shows');
        assert.equal(profile.members.items.length, 24);
        const byId = await list(`cluster=${profile.id}&pageSize=5`);
        assert.equal(byId.total, bySlug.total);
        const none = await list('cluster=no-such-cluster');
        assert.equal(none.total, 0);
        const bad = await t.request({ method: 'GET', url: '/api/v1/organisations?cluster=Not%20A%20Slug' });
        assert.equal(bad.statusCode, 400);
      });

      test('pages do not overlap and cover the total', async () => {
        const p1 = await list('type=cluster&pageSize=3&page=1');
        const p2 = await list('type=cluster&pageSize=3&page=2');
        assert.equal(p1.total, p2.total);
        const ids1 = new Set(p1.items.map((o) => o.id));
        assert.ok(
          p2.items.every((o) => !ids1.has(o.id)),
          'page 2 repeats page 1',
        );
        const all = await list(`type=cluster&pageSize=100`);
        assert.equal(all.items.length, all.total, 'fewer than 100 clusters');
        assert.deepEqual(
          [...p1.items, ...p2.items].map((o) => o.id),
          all.items.slice(0, 6).map((o) => o.id),
          'stable order across pages',
        );
        const beyond = await list(`type=cluster&pageSize=3&page=${Math.ceil(p1.total / 3) + 1}`);
        assert.deepEqual(beyond.items, []);
        assert.equal(beyond.total, p1.total);
      });

      test('real organisations come before generated ones, and both are present', async () => {
        const real = await list('sample=false&pageSize=100');
        const generated = await list('sample=true&pageSize=1');
        assert.ok(real.total >= 20, `real: ${real.total}`);
        assert.ok(generated.total >= 750, `generated: ${generated.total}`);
        assert.ok(real.items.every((o) => o.sample === false));
        assert.ok(generated.items.every((o) => o.sample === true));
        assert.equal((await list('')).total, real.total + generated.total);
        const first = await list(`pageSize=${Math.min(real.total, 100)}`);
        assert.ok(
          first.items.every((o) => !o.sample),
          'real ones first',
        );
        const afil = real.items.find((o) => o.slug === 'afil');
        assert.ok(afil, 'AFIL is a real organisation');
        assert.equal(afil.sample, false);
      });

      test('filters by type', async () => {
        const r = await list('type=university&pageSize=100');
        assert.ok(r.total >= 2);
        assert.ok(r.items.every((o) => o.type === 'university'));
        assert.ok(r.items.some((o) => o.slug === 'politecnico-di-milano'));
      });

      test('filters by country', async () => {
        const be = await list('country=BE&pageSize=100');
        assert.ok(be.total >= 3);
        assert.ok(be.items.every((o) => o.countryCode === 'BE'));
        assert.ok(be.items.some((o) => o.slug === 'eccp'));
        const it = await list('country=IT&pageSize=1');
        assert.ok(it.total >= 750);
      });

      test('filters by region, a region prefix covering the regions below it', async () => {
        const itc4 = await list('region=ITC4&pageSize=100');
        assert.ok(itc4.total >= 750, `ITC4: ${itc4.total}`);
        assert.ok(itc4.items.every((o) => o.regionCode === 'ITC4'));
        const itc = await list('region=ITC&pageSize=100');
        assert.ok(itc.total >= itc4.total, 'ITC includes ITC4');
        assert.ok(itc.items.every((o) => o.regionCode?.startsWith('ITC')));
        assert.ok(itc.items.some((o) => o.regionCode === 'ITC4'));
        const it = await list('region=IT&pageSize=1');
        assert.ok(it.total >= itc.total);
        const nowhere = await list('region=ZZ&pageSize=1');
        assert.equal(nowhere.total, 0);
      });

      test('combines filters', async () => {
        const r = await list('region=ITC4&type=cluster&sample=false&pageSize=100');
        assert.deepEqual(r.items.map((o) => o.slug).sort(), [
          'afil',
          'lombardy-energy-cleantech-cluster',
          'lombardy-green-chemistry-association',
        ]);
      });

      test('q is case- and accent-insensitive', async () => {
        for (const q of ['universita', 'UNIVERSITÀ', 'Universita degli studi', 'bergamo']) {
          const r = await list(`q=${encodeURIComponent(q)}`);
          assert.ok(
            r.items.some((o) => o.name === 'Università degli Studi di Bergamo'),
            `q=${q}: ${r.items.map((o) => o.name).join(', ')}`,
          );
        }
      });

      test('q matches acronyms and treats LIKE wildcards literally', async () => {
        const afil = await list('q=AFIL');
        assert.ok(afil.items.some((o) => o.slug === 'afil'));
        for (const q of ['%', '_', '\\']) {
          const r = await list(`q=${encodeURIComponent(q)}&sample=false&pageSize=100`);
          assert.ok(r.total < 5, `q=${q} matched ${r.total}: wildcards must be escaped`);
        }
        const none = await list('q=zzzz-nothing-like-this');
        assert.equal(none.total, 0);
        assert.deepEqual(none.items, []);
      });

      test('bad parameters are 400 with a field error', async () => {
        const cases: [string, string][] = [
          ['type=spaceship', 'querystring.type'],
          ['pageSize=101', 'querystring.pageSize'],
          ['pageSize=0', 'querystring.pageSize'],
          ['page=0', 'querystring.page'],
          ['page=abc', 'querystring.page'],
          ['country=italy', 'querystring.country'],
          ['country=it', 'querystring.country'],
          ['region=ITC4%25', 'querystring.region'],
          ['sample=yes', 'querystring.sample'],
        ];
        for (const [q, field] of cases) {
          assertFieldError(await t.request({ method: 'GET', url: `/api/v1/organisations?${q}` }), field);
        }
      });
    });

    describe('GET /api/v1/organisations/:id', () => {
      test('by slug and by id give the same profile', async () => {
        const bySlug = await t.request({ method: 'GET', url: '/api/v1/organisations/politecnico-di-milano' });
        assert.equal(bySlug.statusCode, 200);
        const o = bySlug.json();
        assert.equal(o.name, 'Politecnico di Milano');
        assert.equal(o.sample, false);
        assert.equal(o.regionCode, 'ITC4');
        assert.equal(o.regionName, 'Lombardia');
        assert.equal(o.foundedYear, 1863);
        assert.equal(o.website, 'https://www.polimi.it');
        const byId = await t.request({ method: 'GET', url: `/api/v1/organisations/${o.id}` });
        assert.equal(byId.statusCode, 200);
        assert.deepEqual(byId.json(), o);
      });

      test('people of the organisation are listed', async () => {
        const o = (
          await t.request({ method: 'GET', url: '/api/v1/organisations/politecnico-di-milano' })
        ).json();
        const names = o.people.map((p: { fullName: string }) => p.fullName);
        for (const n of ['Tullio Tolio', 'Marcello Urgo', 'Marcello Colledani'])
          assert.ok(names.includes(n), n);
      });

      test('unknown slugs and ids are 404', async () => {
        for (const ref of ['no-such-organisation', '00000000-0000-4000-8000-000000000000']) {
          const res = await t.request({ method: 'GET', url: `/api/v1/organisations/${ref}` });
          assert.equal(res.statusCode, 404);
          assert.equal(res.json().error.code, 'not_found');
        }
      });

      test('a generated organisation is marked sample', async () => {
        const one = (await list('sample=true&pageSize=1')).items[0]!;
        const res = await t.request({ method: 'GET', url: `/api/v1/organisations/${one.slug}` });
        assert.equal(res.statusCode, 200);
        assert.equal(res.json().sample, true);
      });

      test('AFIL lists its members, with counts by type that sum to the total', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/organisations/afil' });
        assert.equal(res.statusCode, 200);
        const afil = res.json();
        assert.equal(afil.type, 'cluster');
        const { total, byType, items } = afil.members;
        assert.ok(total > 0);
        assert.equal(
          byType.reduce((s: number, t: { count: number }) => s + t.count, 0),
          total,
        );
        assert.equal(
          new Set(byType.map((t: { type: string }) => t.type)).size,
          byType.length,
          'each type once',
        );
        assert.equal(items.length, Math.min(total, 24));
        assert.ok(afil.events.some((e: { slug: string }) => e.slug === 'clusters-meet-regions-milan-2024'));
        // A member knows its cluster.
        const member = await t.request({ method: 'GET', url: `/api/v1/organisations/${items[0].slug}` });
        assert.ok(member.json().clusters.some((c: { slug: string }) => c.slug === 'afil'));
      });
    });

    describe('PATCH /api/v1/organisations/:id', () => {
      const patch = (payload: unknown, slug = 'icim-group') =>
        t.request({
          method: 'PATCH',
          url: `/api/v1/organisations/${slug}`,
          cookie: admin,
          payload: payload as object,
        });

      test('a bad website is a 400 on body.website', async () => {
        for (const website of ['not a url', 'javascript:alert(1)', 'ftp://example.org']) {
          assertFieldError(await patch({ website }), 'body.website');
        }
      });

      test('a bad e-mail is a 400 on body.email', async () => {
        assertFieldError(await patch({ email: 'nope' }), 'body.email');
      });

      test('an unknown or malformed region code is a 400 on body.regionCode', async () => {
        assertFieldError(await patch({ regionCode: 'ZZ99' }), 'body.regionCode');
        assertFieldError(await patch({ regionCode: 'ITC' }), 'body.regionCode');
        assertFieldError(await patch({ regionCode: 'itc4' }), 'body.regionCode');
      });

      test('an empty body, an empty name or an out-of-range year is a 400', async () => {
        for (const payload of [{}, { name: '  ' }, { foundedYear: 999 }, { foundedYear: 2024.5 }]) {
          const res = await patch(payload);
          assert.equal(res.statusCode, 400, `${JSON.stringify(payload)} → ${res.body}`);
        }
      });

      test('an unknown organisation is 404', async () => {
        const res = await patch({ city: 'x' }, 'no-such-organisation');
        assert.equal(res.statusCode, 404);
      });

      test('a valid change persists and moves updatedAt', async () => {
        const before = (await t.request({ method: 'GET', url: '/api/v1/organisations/icim-group' })).json();
        const res = await patch({
          description: 'Certification, inspection and testing.',
          website: 'https://www.icim.it',
          city: '  Milano ',
          foundedYear: 1988,
          email: 'info@icim.example',
        });
        assert.equal(res.statusCode, 200, res.body);
        const after = (await t.request({ method: 'GET', url: '/api/v1/organisations/icim-group' })).json();
        assert.deepEqual(res.json(), { ...after, canEdit: true });
        assert.equal(after.description, 'Certification, inspection and testing.');
        assert.equal(after.website, 'https://www.icim.it');
        assert.equal(after.city, 'Milano');
        assert.equal(after.foundedYear, 1988);
        assert.equal(after.email, 'info@icim.example');
        assert.equal(after.name, before.name, 'untouched fields stay');
        assert.equal(after.slug, before.slug);
        assert.notEqual(after.updatedAt, before.updatedAt);
        assert.ok(Date.parse(after.updatedAt) > Date.parse(before.updatedAt));
      });

      test('empty strings clear optional fields; a region moves the country', async () => {
        const res = await patch({ website: '', email: '', acronym: '', regionCode: 'ES52' });
        assert.equal(res.statusCode, 200, res.body);
        const o = res.json();
        assert.equal(o.website, null);
        assert.equal(o.email, null);
        assert.equal(o.acronym, null);
        assert.equal(o.regionCode, 'ES52');
        assert.equal(o.countryCode, 'ES');
        assert.equal(o.regionName, 'Comunitat Valenciana');
        const back = await patch({ regionCode: 'ITC4' });
        assert.equal(back.json().countryCode, 'IT');
      });
    });
  });
}
