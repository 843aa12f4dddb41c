import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EXCHANGE_COLUMNS } from '../../src/features/organisations/exchange-format.ts';
import { searchRepo } from '../../src/features/organisations/search.repo.ts';
import { directoryFilterQuery } from '../../src/features/organisations/search.schemas.ts';
import { searchService } from '../../src/features/organisations/search.service.ts';
import { parseCsv } from '../../src/features/regions/csv.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

interface MapData {
  total: number;
  unlocated: number;
  textMatch: string;
  regions: { code: string; name: string; countryCode: string; count: number }[];
  countries: { code: string; count: number }[];
}

for (const backend of backends()) {
  describe(`directory map and export (${backend})`, () => {
    let t: TestApp;
    let admin: string;
    const get = async <T>(url: string, cookie?: string): Promise<T> => {
      const res = await t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      return res.json();
    };
    const total = async (query: string) =>
      (await get<{ total: number }>(`/api/v1/organisations?${query}&pageSize=1`)).total;
    const csvOf = async (query: string, cookie?: string) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/organisations/export?format=csv&${query}`,
        ...(cookie ? { cookie } : {}),
      });
      assert.equal(res.statusCode, 200, res.body);
      return { res, rows: parseCsv(res.body) };
    };

    before(async () => {
      t = await testApp(backend);
      admin = (await t.user({ admin: true })).cookie;
      // An organisation whose fields look like spreadsheet formulas, and one without a region.
      await t.database.db
        .insertInto('organisations')
        .values([
          {
            slug: 'formula-works',
            name: '=HYPERLINK("http://evil.example","Formula Works")',
            acronym: '+FW',
            type: 'company',
            country_code: 'SI',
            region_code: 'SI04',
            city: '@Ljubljana',
            keywords: ['-minus', 'plain'],
            description: 'Line one,\r\n"quoted" line two',
          },
          { slug: 'nowhere-lab', name: 'Nowhere Lab', type: 'research_centre', country_code: 'SI' },
        ])
        .execute();
    });
    after(() => t.close());

    describe('GET /api/v1/organisations/map', () => {
      test('counts per region and per country add up to the list total, for any filter', async () => {
        for (const query of [
          '',
          'type=cluster',
          'country=SI',
          'q=chemistry',
          'ecosystem=digital&size=small',
          'q=politecnco',
        ]) {
          const map = await get<MapData>(`/api/v1/organisations/map?${query}`);
          const listTotal = await total(query);
          assert.equal(map.total, listTotal, query);
          const inRegions = map.regions.reduce((s, r) => s + r.count, 0);
          assert.equal(inRegions + map.unlocated, map.total, `${query}: regions + unlocated`);
          assert.ok(map.countries.reduce((s, c) => s + c.count, 0) <= map.total);
        }
      });

      test('each region count equals the list filtered by that region', async () => {
        const map = await get<MapData>('/api/v1/organisations/map?type=cluster');
        assert.ok(map.regions.length > 5);
        for (const r of map.regions.slice(0, 6)) {
          assert.equal(r.count, await total(`type=cluster&region=${r.code}`), r.code);
          assert.match(r.code, /^[A-Z]{2}[0-9A-Z]{2}$/);
        }
        const itc4 = map.regions.find((r) => r.code === 'ITC4');
        assert.deepEqual(
          { name: itc4?.name, countryCode: itc4?.countryCode },
          { name: 'Lombardia', countryCode: 'IT' },
        );
        const si = await get<MapData>('/api/v1/organisations/map?country=SI');
        assert.ok(si.unlocated >= 1, 'Nowhere Lab has no region');
        assert.deepEqual(si.countries, [{ code: 'SI', count: si.total }]);
      });

      test('a misspelt name falls back to similar names, as the list does', async () => {
        const map = await get<MapData>('/api/v1/organisations/map?q=politecnco');
        assert.equal(map.textMatch, 'similar');
        assert.ok(map.regions.some((r) => r.code === 'ITC4'));
      });
    });

    describe('GET /api/v1/organisations/export', () => {
      test('CSV: UTF-8 with a byte order mark, the exchange columns, one row per match, as an attachment', async () => {
        const { res, rows } = await csvOf('type=cluster');
        assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
        assert.match(
          String(res.headers['content-disposition']),
          /^attachment; filename="nexum-organisations-\d{4}-\d{2}-\d{2}\.csv"$/,
        );
        assert.equal(res.rawPayload[0], 0xef, 'BOM');
        assert.deepEqual(rows[0], [...EXCHANGE_COLUMNS]);
        assert.equal(rows.length - 1, await total('type=cluster'));
        const col = (name: string) => EXCHANGE_COLUMNS.indexOf(name as (typeof EXCHANGE_COLUMNS)[number]);
        const lgca = rows.find((r) => r[col('name')] === 'Lombardy Green Chemistry Association');
        assert.ok(lgca);
        assert.equal(lgca[col('type')], 'cluster');
        assert.equal(lgca[col('region')], 'ITC4');
        assert.equal(lgca[col('country')], 'IT');
        assert.deepEqual(lgca[col('keywords')]!.split(';'), ['green chemistry', 'bio-based', 'bioeconomy']);
        assert.ok(
          rows.slice(1).every((r) => r[col('type')] === 'cluster' && r.length === EXCHANGE_COLUMNS.length),
        );
      });

      test('applies every filter, text included', async () => {
        for (const query of [
          'q=green%20chemistry',
          'country=SI',
          'ecosystem=energy_intensive&type=company',
          'nace=Q',
        ]) {
          const { rows } = await csvOf(query);
          assert.equal(rows.length - 1, await total(query), query);
        }
      });

      test('escapes cells that look like formulas, and quotes commas, quotes and line breaks', async () => {
        const { rows } = await csvOf('country=SI');
        const col = (name: string) => EXCHANGE_COLUMNS.indexOf(name as (typeof EXCHANGE_COLUMNS)[number]);
        const row = rows.find((r) => r[col('name')]?.includes('HYPERLINK'));
        assert.ok(row);
        assert.equal(row[col('name')], `'=HYPERLINK("http://evil.example","Formula Works")`);
        assert.equal(row[col('acronym')], "'+FW");
        assert.equal(row[col('city')], "'@Ljubljana");
        assert.equal(row[col('keywords')], "'-minus;plain");
        assert.equal(row[col('description')], 'Line one,\r\n"quoted" line two');
      });

      test('JSON: an array of objects with the exchange columns, lists as arrays', async () => {
        const res = await t.request({
          method: 'GET',
          url: '/api/v1/organisations/export?format=json&country=BE',
        });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
        assert.match(String(res.headers['content-disposition']), /^attachment; filename=".*\.json"$/);
        const items = res.json() as Record<string, unknown>[];
        assert.equal(items.length, await total('country=BE'));
        for (const item of items) assert.deepEqual(Object.keys(item), [...EXCHANGE_COLUMNS]);
        const eccp = items.find((i) => i.name === 'European Cluster Collaboration Platform');
        assert.deepEqual(eccp?.keywords, ['cluster cooperation', 'internationalisation', 'matchmaking']);
        const empty = await t.request({
          method: 'GET',
          url: '/api/v1/organisations/export?format=json&q=zzzzqqqq',
        });
        assert.deepEqual(empty.json(), []);
      });

      test('managers’ e-mail addresses only for platform administrators', async () => {
        const col = EXCHANGE_COLUMNS.indexOf('manager_email');
        const anonymous = (await csvOf('type=cluster&label=gold')).rows.slice(1);
        assert.ok(anonymous.length > 0);
        assert.ok(
          anonymous.every((r) => r[col] === ''),
          'no e-mails for visitors',
        );
        const user = (await t.user()).cookie;
        assert.ok((await csvOf('type=cluster&label=gold', user)).rows.slice(1).every((r) => r[col] === ''));
        const asAdmin = (await csvOf('type=cluster&label=gold', admin)).rows.slice(1);
        assert.ok(
          asAdmin.every((r) => r[col]!.includes('@')),
          'administrators get them',
        );
        const names = EXCHANGE_COLUMNS.indexOf('manager_name');
        assert.ok(
          anonymous.every((r) => r[names] !== ''),
          'names are not withheld',
        );
      });

      test('streams in keyset batches: every match exactly once', async () => {
        // A small batch size walks many batches over the demo data.
        const service = searchService(searchRepo(t.database.db), { exportBatch: 7 });
        const chunks = await service.exportFile(null, directoryFilterQuery.parse({ country: 'IT' }), 'csv');
        const parts: string[] = [];
        for await (const chunk of chunks) parts.push(chunk);
        assert.ok(parts.length > 20, `${parts.length} chunks`);
        const rows = parseCsv(parts.join('')).slice(1);
        assert.equal(rows.length, await total('country=IT'));
        const names = rows.map((r) => r[2]!);
        assert.equal(new Set(names).size, names.length, 'no row twice');
        const json = await service.exportFile(null, directoryFilterQuery.parse({ country: 'IT' }), 'json');
        let text = '';
        for await (const chunk of json) text += chunk;
        assert.equal((JSON.parse(text) as unknown[]).length, rows.length);
      });
    });
  });
}
