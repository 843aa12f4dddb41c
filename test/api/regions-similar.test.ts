import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseCsv } from '../../src/features/regions/csv.ts';
import type { Comparison, SimilarRegions } from '../../src/features/regions/similarity.schemas.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

interface Latest {
  indicator: { id: string; dimension: string | null };
  latest: { year: number; value: number | null; valueText: string | null } | null;
}

for (const backend of backends()) {
  describe(`regions like mine and compare (${backend})`, () => {
    let t: TestApp;
    const get = (url: string, headers: Record<string, string> = {}) =>
      t.request({ method: 'GET', url, headers });
    const similar = async (query: string, code = 'ITC4') => {
      const res = await get(`/api/v1/regions/${code}/similar?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as SimilarRegions;
    };
    const latestOf = async (code: string) => {
      const body = (await get(`/api/v1/regions/${code}/indicators`)).json();
      return new Map((body.indicators as Latest[]).map((i) => [i.indicator.id, i]));
    };
    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    test('a region is its own nearest neighbour at distance 0, and is left out unless asked', async () => {
      const body = await similar('dimensions=economy,innovation,structure&limit=5&includeSelf=true');
      const [self, next] = body.peers;
      assert.equal(self!.code, 'ITC4');
      assert.equal(self!.distance, 0);
      assert.ok(self!.dimensions.every((d) => d.distance === 0 && d.shared === d.of && d.of > 0));
      assert.ok(next!.distance > 0);
      const peers = (await similar('limit=20')).peers;
      assert.equal(peers.length, 20);
      assert.ok(!peers.some((p) => p.code === 'ITC4'));
      for (let i = 1; i < peers.length; i++) {
        const [a, b] = [peers[i - 1]!, peers[i]!];
        assert.ok(a.distance < b.distance || (a.distance === b.distance && a.code < b.code), 'sorted');
      }
      assert.ok(
        peers.every((p) => p.code.length === 4),
        'peers are NUTS 2 regions like ITC4',
      );
      assert.deepEqual((await similar('limit=20')).peers, peers, 'deterministic');
    });

    test('reasons name real dimensions with the regions’ real latest figures', async () => {
      const body = await similar('dimensions=innovation,structure&limit=10');
      const mine = await latestOf('ITC4');
      const catalogue = new Map(
        (await get('/api/v1/indicators'))
          .json()
          .items.map((i: { id: string; dimension: string }) => [i.id, i.dimension]),
      );
      let checked = 0;
      for (const peer of body.peers) {
        const theirs = await latestOf(peer.code);
        for (const r of peer.reasons) {
          assert.ok(body.dimensions.includes(r.dimension), `${r.dimension} was chosen`);
          if (r.kind !== 'indicator') continue;
          assert.equal(
            catalogue.get(r.indicator),
            r.dimension,
            `${r.indicator} is a ${r.dimension} indicator`,
          );
          for (const [fig, source] of [
            [r.region, mine],
            [r.peer, theirs],
          ] as const) {
            const latest: Latest['latest'] | undefined = source.get(r.indicator)?.latest;
            assert.deepEqual(
              { value: latest?.value, year: latest?.year },
              fig,
              `${peer.code} ${r.indicator}`,
            );
          }
          assert.ok(r.gap <= 0.25);
          assert.ok(r.text.startsWith(`similar ${r.label}: `), r.text);
          checked++;
        }
      }
      assert.ok(checked >= 5, `only ${checked} indicator reasons`);
      // Piemonte, the nearest: reasons as the API promises them, with units and years.
      const first = body.peers[0]!;
      assert.equal(first.code, 'ITC1');
      assert.ok(first.dimensions.every((d) => d.distance !== null && d.shared === d.of));
      assert.match(first.reasons.map((r) => r.text).join('; '), /\d+(\.\d+)? vs \d+(\.\d+)? .+ \(20\d\d\)/);
    });

    test('the chosen dimensions change the result and what is compared', async () => {
      const economy = await similar('dimensions=economy&limit=5');
      const innovation = await similar('dimensions=innovation&limit=5');
      assert.notDeepEqual(
        economy.peers.map((p) => p.code),
        innovation.peers.map((p) => p.code),
      );
      assert.deepEqual(economy.dimensions, ['economy']);
      assert.ok(economy.features.length >= 2 && economy.features.every((f) => f.dimension === 'economy'));
      assert.ok(
        economy.peers.every((p) => p.dimensions.length === 1 && p.dimensions[0]!.dimension === 'economy'),
      );
      assert.ok(economy.peers.every((p) => p.reasons.every((r) => r.dimension === 'economy')));
      assert.ok(innovation.features.some((f) => f.id === 'gerd_pc_gdp'));
    });

    test('Valencia among Lombardy’s peers on innovation and structure: where it ranks', async () => {
      const all = await similar('dimensions=innovation,structure&limit=500');
      const rank = all.peers.findIndex((p) => p.code === 'ES52') + 1;
      const es = all.peers[rank - 1]!;
      assert.ok(rank > 0, 'ES52 is compared');
      assert.ok(
        es.dimensions.every((d) => d.distance !== null),
        'on both dimensions',
      );
      const reason = es.reasons.find((r) => r.kind === 'indicator' && r.indicator === 'gerd_pc_gdp');
      assert.equal(reason?.text, 'similar R&D intensity (GERD): 1.34 vs 1.10 % of GDP (2019)');
    });

    test('bad input is a 400 with the error shape, an unknown region a 404', async () => {
      for (const q of [
        'dimensions=culture',
        'dimensions=',
        'dimensions=economy,economy',
        'limit=0',
        'limit=many',
        'includeSelf=perhaps',
      ]) {
        const res = await get(`/api/v1/regions/ITC4/similar?${q}`);
        assert.equal(res.statusCode, 400, q);
        const { error } = res.json();
        assert.equal(error.code, 'validation_failed', q);
        assert.ok(error.message && Array.isArray(error.details.fields), q);
      }
      const unknown = await get('/api/v1/regions/ZZ99/similar');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'not_found');
      assert.equal((await get('/api/v1/regions/IT-C4/similar')).statusCode, 400);
    });

    test('ecosystems: unknown without organisations, compared once regions have enough; caches follow', async () => {
      const before = await similar('dimensions=ecosystems,innovation&limit=500');
      assert.equal(
        before.ecosystems.regions,
        0,
        'the demo data hold no region with enough real organisations',
      );
      assert.ok(
        before.peers.every((p) => p.dimensions.find((d) => d.dimension === 'ecosystems')!.distance === null),
      );
      const db = t.database.db;
      let n = 0;
      const add = (region: string, ecosystems: string[][], sample = false) =>
        db
          .insertInto('organisations')
          .values(
            ecosystems.map((e) => ({
              slug: `eco-test-${n++}`,
              name: `Ecosystem test ${n}`,
              type: 'company' as const,
              country_code: region.slice(0, 2),
              region_code: region,
              ecosystems: e,
              sample,
            })),
          )
          .execute();
      const times = (k: number, e: string[]) => Array.from({ length: k }, () => e);
      await add('ES52', [...times(6, ['digital', 'health']), ...times(4, ['tourism'])]);
      await add('DE21', [...times(7, ['digital', 'health']), ...times(3, ['mobility_transport_automotive'])]);
      await add('FR10', [...times(2, ['digital']), ...times(8, ['tourism', 'cultural_creative'])]);
      await add('ITC1', [...times(9, ['agri_food']), ['digital']]);
      // Generated sample organisations never count.
      await add('NL32', times(20, ['digital']), true);

      const after = await similar('dimensions=ecosystems&limit=10', 'ES52');
      assert.equal(after.ecosystems.regions, 4);
      assert.deepEqual(after.peers.map((p) => p.code).sort(), ['DE21', 'FR10', 'ITC1']);
      const de = after.peers[0]!;
      assert.equal(de.code, 'DE21');
      const eco = de.reasons.find((r) => r.kind === 'ecosystems');
      assert.ok(eco && eco.kind === 'ecosystems');
      assert.deepEqual(
        eco.ecosystems.map((e) => [e.ecosystem, e.region, e.peer]),
        [
          // Health first: fewer regions have it, so the same share stands further above the mean.
          ['health', 0.6, 0.7],
          ['digital', 0.6, 0.7],
        ],
      );
      assert.equal(eco.text, 'both strong in the Health and Digital ecosystems');
      // A region without organisations is unknown on ecosystems, not a perfect or a zero match.
      const mixed = await similar('dimensions=ecosystems,innovation&limit=500', 'ES52');
      const at = mixed.peers.find((p) => p.code === 'AT34')!;
      const atEco = at.dimensions.find((d) => d.dimension === 'ecosystems')!;
      assert.equal(atEco.distance, null);
      assert.equal(at.distance, at.dimensions.find((d) => d.dimension === 'innovation')!.distance);
    });

    test('an import of figures shows in the next answer (same scoreboard group)', async () => {
      const admin = (await t.user({ admin: true })).cookie;
      const peer = (await similar('dimensions=innovation&limit=1')).peers[0]!;
      assert.ok(!peer.reasons.some((r) => r.kind === 'category'));
      const csv = [
        'nuts_code,indicator,year,value,unit,source',
        'ITC4,ris_group,2023,Moderate Innovator +,group,European Commission RIS 2023',
        `${peer.code},ris_group,2023,Moderate Innovator +,group,European Commission RIS 2023`,
      ].join('\n');
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/indicators/import',
        headers: { 'content-type': 'text/csv' },
        payload: csv,
        cookie: admin,
      });
      assert.equal(res.statusCode, 200, res.body);
      const now = (await similar('dimensions=innovation&limit=1')).peers[0]!;
      assert.equal(now.code, peer.code, 'a category is a reason, not a distance');
      const group = now.reasons.find((r) => r.kind === 'category');
      assert.deepEqual(group && { ...group, text: undefined }, {
        kind: 'category',
        dimension: 'innovation',
        indicator: 'ris_group',
        label: 'Regional Innovation Scoreboard group',
        value: 'Moderate Innovator +',
        year: 2023,
        text: undefined,
      });
      assert.equal(group?.text, 'same Regional Innovation Scoreboard group: Moderate Innovator +');
    });

    test('compare: JSON with each region’s latest figure, year, source and series', async () => {
      const res = await get('/api/v1/regions/compare?codes=itc4,ES52,DE21');
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as Comparison;
      assert.deepEqual(
        body.regions.map((r) => [r.code, r.name]),
        [
          ['ITC4', 'Lombardia'],
          ['ES52', 'Comunitat Valenciana'],
          ['DE21', 'Oberbayern'],
        ],
      );
      const gerd = body.indicators.find((i) => i.indicator.id === 'gerd_pc_gdp')!;
      assert.equal(gerd.indicator.unit, 'pc_gdp');
      assert.deepEqual(
        gerd.regions.map((r) => r.code),
        ['ITC4', 'ES52', 'DE21'],
      );
      const [lom, val] = gerd.regions;
      assert.deepEqual(lom!.latest, { year: 2019, value: 1.34, valueText: null, source: 'eurostat' });
      assert.deepEqual(val!.latest, { year: 2019, value: 1.1, valueText: null, source: 'eurostat' });
      assert.ok(lom!.series.length >= 5);
      assert.ok(
        lom!.series.every((f, i, s) => i === 0 || s[i - 1]!.year < f.year),
        'oldest first',
      );
      assert.deepEqual(lom!.series.at(-1), lom!.latest);
      const mine = await latestOf('DE21');
      for (const i of body.indicators) {
        assert.deepEqual(
          i.regions[2]!.latest?.value ?? null,
          mine.get(i.indicator.id)?.latest?.value ?? null,
        );
      }
      assert.ok(body.sources.some((s) => s.id === 'eurostat' && s.attribution));
      assert.equal(body.indicators[0]!.indicator.dimension, 'economy', 'economy first, in catalogue order');
    });

    test('compare: CSV, one row per region × indicator × year, by ?format=csv or Accept', async () => {
      const json = (await get('/api/v1/regions/compare?codes=ITC4,ES52')).json() as Comparison;
      const res = await get('/api/v1/regions/compare?codes=ITC4,ES52&format=csv');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.match(
        String(res.headers['content-disposition']),
        /attachment; filename="regions-ITC4-ES52.csv"/,
      );
      const rows = parseCsv(res.body);
      assert.deepEqual(rows[0], [
        'nuts_code',
        'region',
        'indicator',
        'label',
        'year',
        'value',
        'unit',
        'source',
      ]);
      const expected = json.indicators.reduce(
        (s, i) => s + i.regions.reduce((t, r) => t + r.series.length, 0),
        0,
      );
      assert.equal(rows.length - 1, expected);
      assert.ok(
        rows.some(
          (r) => r.join() === 'ITC4,Lombardia,gerd_pc_gdp,R&D intensity (GERD),2019,1.34,pc_gdp,eurostat',
        ),
      );
      assert.ok(
        rows.some((r) => r[0] === 'ES52' && r[2] === 'gdp_pps_hab' && r[4] === '2023' && r[5] === '77'),
      );
      const byAccept = await get('/api/v1/regions/compare?codes=ITC4,ES52', { accept: 'text/csv' });
      assert.equal(byAccept.body, res.body);
      const explicitJson = await get('/api/v1/regions/compare?codes=ITC4,ES52&format=json', {
        accept: 'text/csv',
      });
      assert.match(String(explicitJson.headers['content-type']), /application\/json/);
    });

    test('compare takes 2 to 6 distinct NUTS codes', async () => {
      const status = async (codes: string) =>
        (await get(`/api/v1/regions/compare?codes=${codes}`)).statusCode;
      assert.equal(await status('ITC4'), 400);
      assert.equal(await status(''), 400);
      assert.equal(await status('ITC4,ITC4'), 400);
      assert.equal(await status('ITC4,ES52,DE21,FR10,NL32,PL91,SE11'), 400);
      assert.equal(await status('ITC4,not-a-code'), 400);
      assert.equal(await status('ITC4,ES52,DE21,FR10,NL32,PL91'), 200);
      assert.equal((await get('/api/v1/regions/compare')).statusCode, 400);
      const unknown = await get('/api/v1/regions/compare?codes=ITC4,ZZ99');
      assert.equal(unknown.statusCode, 404);
      assert.deepEqual(unknown.json().error.details, { missing: ['ZZ99'] });
    });

    test('both routes are documented with operationId, summary, description and named responses', async () => {
      const spec = (await get('/api/openapi.json')).json();
      for (const [path, id] of [
        ['/api/v1/regions/{code}/similar', 'getSimilarRegions'],
        ['/api/v1/regions/compare', 'compareRegions'],
      ]) {
        const op = spec.paths[path!].get;
        assert.equal(op.operationId, id);
        assert.ok(op.summary && op.description);
        for (const s of ['200', '400', '404']) assert.ok(op.responses[s]?.description, `${id} ${s}`);
      }
      const compare = spec.paths['/api/v1/regions/compare'].get.responses['200'].content;
      assert.ok(compare['application/json'].schema && compare['text/csv'].schema);
    });
  });
}
