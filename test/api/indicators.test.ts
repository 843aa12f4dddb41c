import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { IndicatorImportReport as Report } from '../../src/features/regions/indicators.import.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

const HEADER = 'nuts_code,indicator,year,value,unit,source';
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;

for (const backend of backends()) {
  describe(`regional indicators (${backend})`, () => {
    let t: TestApp;
    let admin: string;
    const upload = async (body: string, query = '', cookie = admin) => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/indicators/import${query}`,
        headers: { 'content-type': 'text/csv' },
        payload: body,
        cookie,
      });
      return res;
    };
    const imported = async (body: string, query = '') => {
      const res = await upload(body, query);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Report;
    };
    before(async () => {
      t = await testApp(backend);
      admin = (await t.user({ admin: true })).cookie;
    });
    after(() => t.close());

    test('a fresh database holds the shipped figures, each with its year and source', async () => {
      const res = await t.request({ method: 'GET', url: '/api/v1/regions/ITC4/indicators' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const gerd = body.indicators.find(
        (i: { indicator: { id: string } }) => i.indicator.id === 'gerd_pc_gdp',
      );
      // SOURCE.md: ITC4 Lombardia 2019 = 1.34 % of GDP (Eurostat rd_e_gerdreg)
      assert.deepEqual(gerd.latest, { year: 2019, value: 1.34, valueText: null, source: 'eurostat' });
      assert.equal(gerd.indicator.unit, 'pc_gdp');
      assert.equal(gerd.country.code, 'IT');
      assert.ok(
        gerd.eu.some((f: { year: number }) => f.year === 2019),
        'EU27 aggregate for 2019',
      );
      assert.ok(gerd.rank.position >= 1 && gerd.rank.position <= gerd.rank.of && gerd.rank.of > 100);
      const rii = body.indicators.find((i: { indicator: { id: string } }) => i.indicator.id === 'rii_2019');
      assert.equal(rii.latest.value, 90.731);
      assert.deepEqual(body.sources.map((s: { id: string }) => s.id).sort(), [
        'eurostat',
        'eurostat-derived',
        'i40-db',
        'ris-2019',
      ]);
      assert.ok(
        body.sources.every((s: { attribution: string; licence: string }) => s.attribution && s.licence),
      );
      // Never invented: the 2023 scoreboard group is not in the shipped data.
      assert.equal(
        body.indicators.find((i: { indicator: { id: string } }) => i.indicator.id === 'ris_group'),
        undefined,
      );
    });

    test('one indicator across the regions of a level and a country, ranked', async () => {
      const res = await t.request({
        method: 'GET',
        url: '/api/v1/indicators/gerd_pc_gdp/values?level=2&country=IT&year=2019',
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.items.length, 21);
      const ranks = body.items.map((i: { rank: number }) => i.rank).sort((a: number, b: number) => a - b);
      assert.equal(ranks[0], 1);
      const top = body.items.find((i: { rank: number }) => i.rank === 1);
      assert.ok(body.items.every((i: { value: number }) => i.value <= top.value));
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/indicators/nope/values' })).statusCode,
        404,
      );
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/indicators/gerd_pc_gdp/values?level=7' })).statusCode,
        400,
      );
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/regions/ZZ99/indicators' })).statusCode,
        404,
      );
    });

    test('import: good rows, bad codes, duplicates and units, with a line per refused row', async () => {
      const r = await imported(
        csv(
          'ITC4,ris_group,2023,Moderate Innovator+,group,European Commission RIS 2023',
          'ES52,ris_group,2023,moderate innovator +,group,European Commission RIS 2023',
          'ITC4,gerd_pc_gdp,2030,1.5,% of GDP,eurostat',
          'XX99,gerd_pc_gdp,2019,1.1,pc_gdp,eurostat',
          'HR04,gerd_pc_gdp,2019,0.8,pc_gdp,eurostat',
          'ITC4,gerd_pc_gdp,2030,1.6,pc_gdp,eurostat',
          'ITC4,gerd_pc_gdp,2031,1.6,EUR per inhabitant,eurostat',
          'ITC4,gerd_pc_gdp,2032,"1,6",pc_gdp,eurostat',
          'ITC4,gerd_pc_gdp,19,1.6,pc_gdp,eurostat',
          'ITC4,ris_group,2021,Great Innovator,group,x',
          'FR71,tertiary_pc_25_64,2030,40,pc_pop_25_64,eurostat',
          'ITC4,gerd_pc_gdp,2033,,pc_gdp,eurostat',
          'ITC4,gerd_pc_gdp,2034,1.4,pc_gdp,',
        ),
      );
      assert.equal(r.rows, 13);
      assert.equal(r.created, 4, JSON.stringify(r.problems));
      assert.equal(r.failed, 9);
      const at = (row: number) => r.problems.find((p) => p.row === row);
      assert.match(at(5)?.message ?? '', /XX99 is not a NUTS 2021 region/);
      assert.match(at(6)?.message ?? '', /HR04 .*split or merged.*HR02, HR05, HR06/);
      assert.match(at(7)?.message ?? '', /Duplicate of line 4/);
      assert.match(at(8)?.message ?? '', /measured in "pc_gdp", not "EUR per inhabitant"/);
      assert.match(at(9)?.message ?? '', /decimal comma: write 1\.6/);
      assert.equal(at(10)?.column, 'year');
      assert.match(at(11)?.message ?? '', /not a scoreboard group/);
      assert.equal(at(13)?.column, 'value');
      assert.equal(at(14)?.column, 'source');
      assert.deepEqual(r.mapped, [{ from: 'FR71', to: 'FRK2', rows: 1 }]);
      assert.deepEqual(r.newSources, ['european-commission-ris-2023']);

      const lombardy = (await t.request({ method: 'GET', url: '/api/v1/regions/ITC4/indicators' })).json();
      const group = lombardy.indicators.find(
        (i: { indicator: { id: string } }) => i.indicator.id === 'ris_group',
      );
      assert.deepEqual(group.latest, {
        year: 2023,
        value: null,
        valueText: 'Moderate Innovator +',
        source: 'european-commission-ris-2023',
      });
      assert.ok(lombardy.sources.some((s: { id: string }) => s.id === 'european-commission-ris-2023'));
    });

    test('import is idempotent: the same file again changes nothing, a new value is an update', async () => {
      const file = csv(
        'DEA1,gerd_pc_gdp,2031,2.5,pc_gdp,eurostat',
        'DEA2,gerd_pc_gdp,2031,2.6,pc_gdp,eurostat',
      );
      const first = await imported(file);
      assert.deepEqual([first.created, first.updated, first.unchanged], [2, 0, 0]);
      const again = await imported(file);
      assert.deepEqual([again.created, again.updated, again.unchanged], [0, 0, 2]);
      const changed = await imported(csv('DEA1,gerd_pc_gdp,2031,2.7,pc_gdp,eurostat'));
      assert.deepEqual([changed.created, changed.updated, changed.unchanged], [0, 1, 0]);
      const dry = await imported(
        csv('DEA1,gerd_pc_gdp,2031,9,pc_gdp,eurostat', 'DEA3,gerd_pc_gdp,2031,1,pc_gdp,eurostat'),
        '?dryRun=true',
      );
      assert.deepEqual([dry.created, dry.updated], [1, 1]);
      const v = (
        await t.request({ method: 'GET', url: '/api/v1/indicators/gerd_pc_gdp/values?year=2031' })
      ).json();
      assert.deepEqual(
        v.items.map((i: { code: string; value: number }) => [i.code, i.value]),
        [
          ['DEA1', 2.7],
          ['DEA2', 2.6],
        ],
      );
    });

    test('only administrators import; a file without the columns is refused whole', async () => {
      const user = (await t.user()).cookie;
      assert.equal((await upload(csv('ITC4,gerd_pc_gdp,2040,1,pc_gdp,eurostat'), '', user)).statusCode, 403);
      assert.equal((await upload(csv('ITC4,gerd_pc_gdp,2040,1,pc_gdp,eurostat'), '', '')).statusCode, 401);
      const res = await upload('code,value\nITC4,1\n');
      assert.equal(res.statusCode, 400);
      assert.match(
        res.json().error.message,
        /lacks the column\(s\) nuts_code, indicator, year, unit, source/,
      );
    });
  });
}
