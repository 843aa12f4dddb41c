/** Directory profiles: creating one, every field and its validation, the change log, NACE look-ups. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { joinByInvitation } from './invitation-fixtures.ts';

function assertFieldError(res: LightMyRequestResponse, field: string) {
  assert.equal(res.statusCode, 400, res.body);
  const fields = (res.json().error.details?.fields ?? []).map((f: { field: string }) => f.field);
  assert.ok(fields.includes(field), `expected a field error on ${field}, got ${res.body}`);
}

let n = 0;
const unique = () => `${process.pid}-${++n}`;

for (const backend of backends()) {
  describe(`directory profiles (${backend})`, () => {
    let t: TestApp;
    let owner: { id: string; email: string; cookie: string };
    let admin: { id: string; cookie: string };
    let outsider: { cookie: string };

    const create = (payload: object, cookie = owner.cookie) =>
      t.request({ method: 'POST', url: '/api/v1/organisations', cookie, payload });
    const patch = (id: string, payload: object, cookie = owner.cookie) =>
      t.request({ method: 'PATCH', url: `/api/v1/organisations/${id}`, cookie, payload });
    const get = (id: string, cookie?: string) =>
      t.request({ method: 'GET', url: `/api/v1/organisations/${id}`, ...(cookie ? { cookie } : {}) });
    const changes = (id: string, cookie = owner.cookie, query = '') =>
      t.request({ method: 'GET', url: `/api/v1/organisations/${id}/changes${query}`, cookie });

    before(async () => {
      t = await testApp(backend);
      owner = await t.user({ name: 'Owner Person' });
      admin = await t.user({ admin: true, name: 'Platform Admin' });
      outsider = await t.user();
    });
    after(() => t.close());

    describe('POST /api/v1/organisations', () => {
      test('anyone signed in creates a draft they administer; the slug is unique and never "new"', async () => {
        const res = await create({
          name: 'New',
          type: 'startup',
          regionCode: 'ITC4',
          website: 'https://new.example',
        });
        assert.equal(res.statusCode, 201, res.body);
        const o = res.json();
        assert.equal(o.status, 'draft');
        assert.equal(o.slug, 'new-2');
        assert.equal(o.canEdit, true);
        assert.equal(o.viewerRole, 'admin');
        assert.equal(o.countryCode, 'IT');
        assert.equal(o.sample, false);
        const again = await create({ name: 'New', type: 'startup' });
        assert.equal(again.json().slug, 'new-3');
        const me = (await t.request({ method: 'GET', url: '/api/v1/me', cookie: owner.cookie })).json();
        assert.ok(
          me.organisations.some(
            (m: { organisationId: string; role: string }) => m.organisationId === o.id && m.role === 'admin',
          ),
        );
      });

      test('a draft is invisible to anonymous visitors and other users, and not listed', async () => {
        const name = `Hidden draft ${unique()}`;
        const o = (await create({ name, type: 'company' })).json();
        assert.equal((await get(o.slug)).statusCode, 404);
        assert.equal((await get(o.id, outsider.cookie)).statusCode, 404);
        assert.equal((await get(o.id, owner.cookie)).statusCode, 200);
        assert.equal((await get(o.id, admin.cookie)).statusCode, 200);
        const list = await t.request({
          method: 'GET',
          url: `/api/v1/organisations?q=${encodeURIComponent(name)}`,
        });
        assert.equal(list.json().total, 0);
        assert.equal((await patch(o.id, { city: 'x' }, outsider.cookie)).statusCode, 404);
      });

      test('needs a name and a type, and a signed-in user', async () => {
        assertFieldError(await create({ type: 'company' }), 'body.name');
        assertFieldError(await create({ name: 'X' }), 'body.type');
        assertFieldError(await create({ name: 'X', type: 'spaceship' }), 'body.type');
        const anon = await t.request({
          method: 'POST',
          url: '/api/v1/organisations',
          payload: { name: 'X', type: 'company' },
        });
        assert.equal(anon.statusCode, 401);
      });

      test('creation validates every field like an edit, and logs the initial values', async () => {
        assertFieldError(await create({ name: 'X', type: 'company', escaLabel: 'gold' }), 'body.escaLabel');
        assertFieldError(
          await create({ name: 'X', type: 'company', naceCodes: ['99.99'] }),
          'body.naceCodes',
        );
        const res = await create({
          name: 'Cluster Lombardo Test',
          type: 'cluster',
          escaLabel: 'silver',
          escaYear: 2023,
          keywords: ['robotics'],
        });
        assert.equal(res.statusCode, 201, res.body);
        const log = (await changes(res.json().id)).json();
        assert.equal(log.total, 1);
        assert.equal(log.items[0].action, 'create');
        assert.equal(log.items[0].user.name, 'Owner Person');
        assert.deepEqual(log.items[0].changes.escaLabel, { before: null, after: 'silver' });
        assert.deepEqual(log.items[0].changes.keywords, { before: null, after: ['robotics'] });
      });
    });

    describe('PATCH /api/v1/organisations/:id with the profile fields', () => {
      let cluster: { id: string; slug: string };
      before(async () => {
        cluster = (await create({ name: `Profile cluster ${unique()}`, type: 'cluster' })).json();
      });

      test('every field is saved and returned; lists are trimmed and de-duplicated', async () => {
        const res = await patch(cluster.id, {
          acronym: 'PCT',
          description: 'A cluster for tests.',
          sizeBand: 'small',
          offers: 'Test beds',
          seeks: 'Partners in Spain',
          keywords: [' robotics ', 'Robotics', 'machine  vision'],
          ecosystems: ['digital', 'electronics', 'digital'],
          s3Areas: ['Advanced manufacturing'],
          naceCodes: ['C', '26.11', '62'],
          programmes: ['Italian national technology cluster'],
          escaLabel: 'gold',
          escaYear: 2024,
          managerName: 'Maria Rossi',
          managerEmail: 'maria@cluster.example',
          regionCode: 'ITC4',
          foundedYear: 2012,
        });
        assert.equal(res.statusCode, 200, res.body);
        const o = res.json();
        assert.equal(o.acronym, 'PCT');
        assert.equal(o.sizeBand, 'small');
        assert.equal(o.offers, 'Test beds');
        assert.equal(o.seeks, 'Partners in Spain');
        assert.deepEqual(o.keywords, ['robotics', 'machine vision']);
        assert.deepEqual(o.ecosystems, ['digital', 'electronics']);
        assert.deepEqual(o.s3Areas, ['Advanced manufacturing']);
        assert.deepEqual(
          o.nace.map((x: { code: string }) => x.code),
          ['C', '26.11', '62'],
        );
        const manufacturing = o.nace.find((x: { code: string }) => x.code === 'C');
        assert.equal(manufacturing.nameEn, 'Manufacturing');
        assert.equal(manufacturing.nameIt, 'Attività manifatturiere');
        assert.equal(o.nace.find((x: { code: string }) => x.code === '62').section, 'K');
        assert.deepEqual(o.programmes, ['Italian national technology cluster']);
        assert.equal(o.escaLabel, 'gold');
        assert.equal(o.escaYear, 2024);
        assert.equal(o.managerName, 'Maria Rossi');
        assert.equal(o.managerEmail, 'maria@cluster.example');
        assert.deepEqual((await get(cluster.id, owner.cookie)).json(), o);
        // The database derives the NACE sections the directory filters on.
        const row = await t.database.db
          .selectFrom('organisations')
          .select('nace_sections')
          .where('id', '=', cluster.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(row.nace_sections, ['C', 'K']);
      });

      test('each field error names its field', async () => {
        const cases: [object, string][] = [
          [{ ecosystems: ['space_tourism'] }, 'body.ecosystems.0'],
          [{ naceCodes: ['not a code'] }, 'body.naceCodes.0'],
          [{ naceCodes: ['10.11', '98.76'] }, 'body.naceCodes'],
          [{ sizeBand: 'huge' }, 'body.sizeBand'],
          [{ escaLabel: 'platinum' }, 'body.escaLabel'],
          [{ escaYear: 1990 }, 'body.escaYear'],
          [{ managerEmail: 'not-an-email' }, 'body.managerEmail'],
          [{ email: 'nope' }, 'body.email'],
          [{ website: 'javascript:alert(1)' }, 'body.website'],
          [{ regionCode: 'ITC' }, 'body.regionCode'],
          [{ regionCode: 'ZZ99' }, 'body.regionCode'],
          [{ countryCode: 'ZZ' }, 'body.countryCode'],
          [{ countryCode: 'italy' }, 'body.countryCode'],
          [{ keywords: ['ok', ''] }, 'body.keywords.1'],
          [{ keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }, 'body.keywords'],
          [{ type: 'spaceship' }, 'body.type'],
        ];
        for (const [payload, field] of cases) assertFieldError(await patch(cluster.id, payload), field);
      });

      test('ESCA labels belong to clusters only; a year needs its label', async () => {
        const company = (await create({ name: `Company ${unique()}`, type: 'company' })).json();
        assertFieldError(await patch(company.id, { escaLabel: 'bronze' }), 'body.escaLabel');
        // Turning a labelled cluster into a company keeps no orphan label: it must be removed first.
        assertFieldError(await patch(cluster.id, { type: 'company' }), 'body.escaLabel');
        const both = await patch(cluster.id, { type: 'association', escaLabel: null, escaYear: null });
        assert.equal(both.statusCode, 200, both.body);
        assertFieldError(await patch(cluster.id, { escaYear: 2022 }), 'body.escaYear');
        const back = await patch(cluster.id, { type: 'cluster', escaLabel: 'gold', escaYear: 2024 });
        assert.equal(back.statusCode, 200, back.body);
      });

      test('a country without a region; a region sets the country', async () => {
        const o = (
          await create({ name: `Country only ${unique()}`, type: 'university', countryCode: 'BE' })
        ).json();
        assert.equal(o.countryCode, 'BE');
        assert.equal(o.regionCode, null);
        const moved = (await patch(o.id, { regionCode: 'ES52' })).json();
        assert.equal(moved.countryCode, 'ES');
      });

      test('only the organisation’s admins and platform administrators edit it', async () => {
        const o = (await create({ name: `Guarded ${unique()}`, type: 'company' })).json();
        await t.request({
          method: 'POST',
          url: `/api/v1/organisations/${o.id}/submit`,
          cookie: owner.cookie,
        });
        await t.request({
          method: 'POST',
          url: `/api/v1/organisations/${o.id}/publish`,
          cookie: admin.cookie,
        });
        assert.equal((await patch(o.id, { city: 'Nope' }, outsider.cookie)).statusCode, 403);
        assert.equal((await patch(o.id, { city: 'Bergamo' }, admin.cookie)).statusCode, 200);
        assert.equal((await get(o.id)).json().city, 'Bergamo');
      });
    });

    describe('the change log', () => {
      test('records who changed which field from what to what; nothing when nothing changes', async () => {
        const o = (await create({ name: `Logged ${unique()}`, type: 'company', city: 'Milano' })).json();
        const first = await patch(o.id, { city: 'Bergamo', keywords: ['laser'], description: '' });
        assert.equal(first.statusCode, 200);
        const same = await patch(o.id, { city: 'Bergamo' });
        assert.equal(same.statusCode, 200);
        assert.equal(
          same.json().updatedAt,
          first.json().updatedAt,
          'an edit that changes nothing is no edit',
        );
        await patch(o.id, { keywords: ['laser', 'optics'] }, admin.cookie);
        const log = (await changes(o.id)).json();
        assert.deepEqual(
          log.items.map((c: { action: string }) => c.action),
          ['update', 'update', 'create'],
        );
        const [second, firstEdit] = log.items;
        assert.equal(second.user.id, admin.id);
        assert.deepEqual(second.changes, { keywords: { before: ['laser'], after: ['laser', 'optics'] } });
        assert.equal(firstEdit.user.id, owner.id);
        assert.deepEqual(firstEdit.changes, {
          city: { before: 'Milano', after: 'Bergamo' },
          keywords: { before: [], after: ['laser'] },
        });
        assert.ok(Date.parse(firstEdit.createdAt) <= Date.parse(second.createdAt));
        const page = (await changes(o.id, owner.cookie, '?pageSize=1&page=2')).json();
        assert.equal(page.total, 3);
        assert.equal(page.items.length, 1);
        assert.equal(page.items[0].id, firstEdit.id);
      });

      test('is for the organisation’s admins and platform administrators only', async () => {
        const o = (await create({ name: `Private log ${unique()}`, type: 'company' })).json();
        const member = await t.user();
        await joinByInvitation(t, o.id, owner.cookie, member, 'member');
        assert.equal((await changes(o.id, admin.cookie)).statusCode, 200);
        assert.equal((await changes(o.id, member.cookie)).statusCode, 403);
        assert.equal((await changes(o.id, outsider.cookie)).statusCode, 404, 'a draft is not revealed');
        const anon = await t.request({ method: 'GET', url: `/api/v1/organisations/${o.id}/changes` });
        assert.equal(anon.statusCode, 401);
        assert.equal((await changes('afil', outsider.cookie)).statusCode, 403);
      });

      test('reads entries written as plain values (e.g. by an import) as "set to"', async () => {
        const o = (await create({ name: `Imported ${unique()}`, type: 'company' })).json();
        await t.database.db
          .insertInto('organisation_changes')
          .values({
            organisation_id: o.id,
            user_id: null,
            action: 'import',
            changes: JSON.stringify({ city: 'Lecco' }),
          })
          .execute();
        const [latest] = (await changes(o.id)).json().items;
        assert.equal(latest.action, 'import');
        assert.equal(latest.user, null);
        assert.deepEqual(latest.changes, { city: { before: null, after: 'Lecco' } });
      });
    });

    describe('web pages', () => {
      test('/organisations/new is the page that adds one, not a missing profile called "new"', async () => {
        const res = await t.request({ method: 'GET', url: '/organisations/new' });
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /<title>Add an organisation · Nexum<\/title>/);
        const review = await t.request({ method: 'GET', url: '/admin/review' });
        assert.equal(review.statusCode, 200);
        assert.equal((await t.request({ method: 'GET', url: '/organisations/no-such-one' })).statusCode, 404);
      });
    });

    describe('GET /api/v1/nace', () => {
      const nace = async (q: string, limit = 20) => {
        const res = await t.request({
          method: 'GET',
          url: `/api/v1/nace?q=${encodeURIComponent(q)}&limit=${limit}`,
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().items as { code: string; nameEn: string; nameIt: string; level: number }[];
      };

      test('finds codes by prefix, exact code first', async () => {
        const items = await nace('62');
        assert.equal(items[0]!.code, '62');
        assert.ok(
          items.every((i) => i.code.startsWith('62')),
          items.map((i) => i.code).join(),
        );
        assert.ok(items.some((i) => i.code === '62.10'));
        assert.equal((await nace('c'))[0]!.code, 'C');
      });

      test('finds codes by English or Italian words, accent-insensitive', async () => {
        assert.ok((await nace('software publishing')).some((i) => i.code.startsWith('58')));
        const it = await nace('attivita manifatturiere');
        assert.equal(it[0]!.code, 'C');
        assert.equal(it[0]!.nameEn, 'Manufacturing');
        assert.ok((await nace('ATTIVITÀ')).length > 0);
      });

      test('empty lists the sections; wildcards are literal; bad limits are 400', async () => {
        const sections = await nace('', 50);
        assert.ok(sections.length >= 21);
        assert.ok(sections.every((s) => s.level === 1));
        assert.deepEqual(await nace('%'), []);
        assert.deepEqual(await nace('_'), []);
        const bad = await t.request({ method: 'GET', url: '/api/v1/nace?limit=500' });
        assertFieldError(bad, 'querystring.limit');
      });
    });
  });
}
