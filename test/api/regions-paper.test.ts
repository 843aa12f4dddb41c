import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { indicatorsRepo } from '../../src/features/regions/indicators.repo.ts';
import { indicatorsService } from '../../src/features/regions/indicators.service.ts';
import { doesBetter } from '../../src/features/regions/paper.compare.ts';
import { paperRepo } from '../../src/features/regions/paper.repo.ts';
import { paperService } from '../../src/features/regions/paper.service.ts';
import { esc } from '../../src/features/regions/paper.svg.ts';
import { regionsRepo } from '../../src/features/regions/regions.repo.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { pdfPages } from '../helpers/pdf.ts';

interface Section {
  key: string;
  language: string;
  version: number;
  body: string;
  sample: boolean;
  restoredFrom: number | null;
  author: { name: string } | null;
}
interface Figure {
  year: number;
  value: number | null;
  source: string;
}

for (const backend of backends()) {
  describe(`region Input Paper (${backend})`, () => {
    let t: TestApp;
    let admin: { cookie: string };
    let editor: { email: string; cookie: string };
    let outsider: { cookie: string };
    const valencia = '/api/v1/regions/ES52/paper';
    const save = (key: string, payload: object, cookie?: string, base = valencia) =>
      t.request({
        method: 'POST',
        url: `${base}/sections/${key}/versions`,
        payload,
        ...(cookie ? { cookie } : {}),
      });
    const html = async (url: string) => {
      const res = await t.request({ method: 'GET', url });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      return res.body;
    };
    /** The region's, the country's and the EU's figure of an indicator, as the indicators API gives them. */
    const figures = async (code: string, id: string) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/regions/${code}/indicators` });
      const i = res.json().indicators.find((x: { indicator: { id: string } }) => x.indicator.id === id) as {
        latest: Figure;
        eu: Figure[];
        country: { figures: Figure[] };
      };
      return {
        latest: i.latest,
        eu: i.eu.find((f) => f.year === i.latest.year)!,
        country: i.country.figures.find((f) => f.year === i.latest.year)!,
      };
    };

    before(async () => {
      t = await testApp(backend);
      admin = await t.user({ admin: true, name: 'Platform Admin' });
      editor = await t.user({ name: 'Valencia Editor' });
      outsider = await t.user({ name: 'Not An Editor' });
      const granted = await t.request({
        method: 'POST',
        url: '/api/v1/regions/ES52/editors',
        cookie: admin.cookie,
        payload: { email: editor.email },
      });
      assert.equal(granted.statusCode, 201, granted.body);
    });
    after(() => t.close());

    test('anyone reads the sections; only the region’s editors and administrators write them', async () => {
      const list = await t.request({ method: 'GET', url: `${valencia}/sections` });
      assert.equal(list.statusCode, 200);
      assert.deepEqual(list.json(), { items: [], canEdit: false });
      const body = { language: 'en', body: 'Valencia’s introduction.' };
      assert.equal((await save('introduction', body)).statusCode, 401);
      const refused = await save('introduction', body, outsider.cookie);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'forbidden');
      assert.equal(
        (await save('introduction', body, editor.cookie, '/api/v1/regions/ITC4/paper')).statusCode,
        403,
        'an editor of Valencia does not write Lombardy’s paper',
      );
      const saved = await save('introduction', body, editor.cookie);
      assert.equal(saved.statusCode, 201, saved.body);
      assert.equal(saved.json().version, 1);
      assert.equal(saved.json().author.name, 'Valencia Editor');
      assert.equal(
        (await save('outlook', { language: 'it', body: 'Prospettive.' }, admin.cookie)).statusCode,
        201,
      );
      const mine = await t.request({ method: 'GET', url: `${valencia}/sections`, cookie: editor.cookie });
      assert.equal(mine.json().canEdit, true);
      assert.deepEqual(
        mine.json().items.map((s: Section) => `${s.key}/${s.language}/${s.version}`),
        ['introduction/en/1', 'outlook/it/1'],
      );
    });

    test('invalid sections answer 400 with the reason', async () => {
      const cases: [string, object, string, RegExp][] = [
        ['introduction', { language: 'en', body: '<p>HTML</p>' }, 'body.body', /Plain text only/],
        ['introduction', { language: 'fr', body: 'x' }, 'body.language', /en or it/],
        ['introduction', { language: 'en', body: 'x'.repeat(30_001) }, 'body.body', /30000/],
        ['introduction', { language: 'en' }, 'body.body', /./],
        ['summary', { language: 'en', body: 'x' }, 'params.key', /One of/],
      ];
      for (const [key, payload, field, message] of cases) {
        const res = await save(key, payload, editor.cookie);
        assert.equal(res.statusCode, 400, `${key} ${JSON.stringify(payload).slice(0, 80)}: ${res.body}`);
        const hit = res.json().error.details.fields.find((f: { field: string }) => f.field === field);
        assert.ok(hit, res.body);
        assert.match(hit.message, message);
      }
      const versions = await t.request({
        method: 'GET',
        url: `${valencia}/sections/introduction/versions?lang=de`,
      });
      assert.equal(versions.statusCode, 400);
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/regions/ZZ9/paper/sections' })).statusCode,
        404,
      );
    });

    test('every save is a version: older ones are listed and restorable, the latest is shown', async () => {
      const first = 'First text.\r\n\r\nIts second paragraph.   ';
      assert.equal(
        (await save('challenges', { language: 'en', body: first }, editor.cookie)).statusCode,
        201,
      );
      const second = await save('challenges', { language: 'en', body: 'Second text.' }, editor.cookie);
      assert.equal(second.json().version, 2);
      const versions = await t.request({
        method: 'GET',
        url: `${valencia}/sections/challenges/versions?lang=en`,
      });
      assert.equal(versions.statusCode, 200);
      const items = versions.json().items as Section[];
      assert.deepEqual(
        items.map((v) => [v.version, v.body]),
        [
          [2, 'Second text.'],
          [1, 'First text.\n\nIts second paragraph.'],
        ],
      );
      const refused = await t.request({
        method: 'POST',
        url: `${valencia}/sections/challenges/versions/1/restore`,
        cookie: outsider.cookie,
        payload: { language: 'en' },
      });
      assert.equal(refused.statusCode, 403);
      const restored = await t.request({
        method: 'POST',
        url: `${valencia}/sections/challenges/versions/1/restore`,
        cookie: editor.cookie,
        payload: { language: 'en' },
      });
      assert.equal(restored.statusCode, 201, restored.body);
      assert.equal(restored.json().version, 3);
      assert.equal(restored.json().restoredFrom, 1);
      assert.equal(restored.json().body, 'First text.\n\nIts second paragraph.');
      const missing = await t.request({
        method: 'POST',
        url: `${valencia}/sections/challenges/versions/9/restore`,
        cookie: editor.cookie,
        payload: { language: 'en' },
      });
      assert.equal(missing.statusCode, 404);
      const latest = (await t.request({ method: 'GET', url: `${valencia}/sections` })).json()
        .items as Section[];
      assert.equal(latest.find((s) => s.key === 'challenges')?.version, 3);
      const page = await html(`${valencia}?lang=en`);
      assert.ok(page.includes('<p>First text.</p><p>Its second paragraph.</p>'), 'the latest, in paragraphs');
      assert.ok(!page.includes('Second text.'), 'older versions are not printed');
    });

    test('saves at the same moment get consecutive versions, none lost', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          save('megatrends', { language: 'it', body: `Bozza ${i + 1}` }, editor.cookie),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode),
        Array(12).fill(201),
      );
      assert.deepEqual(
        results.map((r) => r.json().version as number).sort((a, b) => a - b),
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
    });

    test('the HTML paper is a complete document with the real figures, their source and year', async () => {
      const page = await html('/api/v1/regions/ITC4/paper?lang=en');
      assert.match(page, /^<!doctype html>\n<html lang="en">/);
      assert.match(page, /<title>Input Paper: Lombardia<\/title>/);
      assert.match(page, /<h1>Lombardia<\/h1>/);
      assert.ok(page.includes('NUTS ITC4 · Italy'));
      const gerd = await figures('ITC4', 'gerd_pc_gdp');
      assert.deepEqual([gerd.latest.year, gerd.latest.value, gerd.latest.source], [2019, 1.34, 'eurostat']);
      // Key figure: value, unit, source and year together.
      assert.ok(
        page.includes(
          '<span class="value">1.34 <small>% of GDP</small></span><span class="meta">Eurostat, 2019</span>',
        ),
        'GERD key figure with source and year',
      );
      // Landscape row: Lombardy, Italy and the EU27 of the same year, and the difference.
      const eu = gerd.eu.value!.toFixed(2);
      const it = gerd.country.value!.toFixed(2);
      const row = page.match(/<tr><th scope="row">R&amp;D intensity \(GERD\).*?<\/tr>/)?.[0] ?? '';
      assert.ok(row.includes('1.34 <span class="meta">(2019)</span>'), row);
      assert.ok(row.includes(`${eu} <span class="meta">(2019)</span>`), row);
      assert.ok(row.includes(`${it} <span class="meta">(2019)</span>`), row);
      assert.ok(row.includes(`${(1.34 - gerd.eu.value!).toFixed(2)} p.p.`), row);
      assert.ok(row.includes('<td>Eurostat</td>'), row);
      // The chart is a vector drawing with a text alternative, and its figures are a table.
      assert.match(
        page,
        /<svg viewBox="0 0 \d+ \d+" width="100%" role="img" aria-labelledby="chart-0-t chart-0-d"/,
      );
      assert.ok(page.includes('R&amp;D intensity (GERD) (% of GDP): the figures of the chart'));
      // A figure the database does not hold is shown as missing.
      assert.match(
        page,
        /Regional Innovation Scoreboard group<\/dt><dd><span class="missing">No figure in the database/,
      );
      // Sources with their licences.
      for (const licence of ['CC BY 4.0', 'Eurostat reuse policy'])
        assert.ok(page.includes(licence), licence);
      assert.ok(page.includes('NACE Rev. 2.1'));
    });

    test('the ecosystem comes from the directory, sample organisations counted apart and flagged', async () => {
      const region = (await t.request({ method: 'GET', url: '/api/v1/regions/ITC4' })).json();
      const page = await html('/api/v1/regions/ITC4/paper?lang=en');
      assert.ok(
        page.includes(`holds ${region.ecosystem.total.toLocaleString('en-GB')} published organisations`),
      );
      assert.ok(page.includes(`${region.ecosystem.sample} of them are generated sample organisations`));
      const afil = region.ecosystem.clusters.find((c: { slug: string }) => c.slug === 'afil');
      assert.ok(
        page.includes(
          `Associazione Fabbrica Intelligente Lombardia</a></th><td class="n">${afil.members}</td>`,
        ),
      );
      assert.ok(page.includes('of which sample'));
      // The seeded introduction is demo text and says so; unwritten sections have a placeholder.
      assert.ok(page.includes('Demo text: written for the demonstration'));
      assert.ok(page.includes('the first edition of the series held in Italy'));
      assert.equal(page.match(/This section has not been written yet/g)?.length, 3);
      // The peers are the nearest regions like this one (all four dimensions).
      const similar = (
        await t.request({ method: 'GET', url: '/api/v1/regions/ITC4/similar?limit=5' })
      ).json();
      assert.ok(page.includes('Regions like this one'));
      for (const p of similar.peers) assert.ok(page.includes(esc(p.name)), `peer ${p.name} in the paper`);
    });

    test('the Italian paper has Italian headings and numbers', async () => {
      const page = await html('/api/v1/regions/ITC4/paper?lang=it');
      assert.match(page, /<html lang="it">/);
      for (const h of [
        'Dati principali',
        'Quadro economico',
        'L’ecosistema regionale',
        'Fonti e attribuzioni',
        'Introduzione',
      ]) {
        assert.ok(page.includes(`>${h}</h2>`), h);
      }
      assert.ok(page.includes('1,34 <small>% del PIL</small>'), 'Italian decimal comma');
      assert.ok(page.includes('La Lombardia ha ospitato'));
      // The language cookie chooses when ?lang is absent.
      const res = await t.request({
        method: 'GET',
        url: '/api/v1/regions/ITC4/paper',
        headers: { cookie: 'nexum_locale=it' },
      });
      assert.match(res.body, /<html lang="it">/);
      // A section written only in the other language is shown in it, marked with its language.
      const it = await html(`${valencia}?lang=en`);
      assert.ok(it.includes('Not written in this language yet: the text follows in Italian.'));
      assert.ok(it.includes('<div lang="it"><p>Prospettive.</p></div>'));
    });

    test('the PDF is valid, tagged, and holds the region, its figures and the Italian headings', async () => {
      const res = await t.request({
        method: 'GET',
        url: '/api/v1/regions/ITC4/paper?lang=en',
        headers: { accept: 'application/pdf' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(String(res.headers['content-disposition']), /input-paper-ITC4-lombardia-en\.pdf/);
      const bytes = res.rawPayload;
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      assert.ok(bytes.includes('/StructTreeRoot'), 'tagged: a structure tree');
      assert.ok(bytes.includes('/Lang (en)'));
      const text = (await pdfPages(bytes)).join('\n');
      assert.ok(text.includes('Lombardia'));
      assert.ok(text.includes('1.34 % of GDP'), 'GERD key figure');
      assert.ok(text.includes('Key figures'));
      const itRes = await t.request({ method: 'GET', url: '/api/v1/regions/ITC4/paper?lang=it&format=pdf' });
      assert.equal(itRes.headers['content-type'], 'application/pdf');
      const itText = (await pdfPages(itRes.rawPayload)).join('\n');
      for (const h of ['Dati principali', 'Quadro economico', 'Fonti e attribuzioni'])
        assert.ok(itText.includes(h), h);
      assert.ok(itText.includes('1,34 % del PIL'));
    });

    test('HTML unless PDF is asked for; unknown regions 404, bad parameters 400', async () => {
      const browser = await t.request({
        method: 'GET',
        url: '/api/v1/regions/ITC4/paper',
        headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
      });
      assert.equal(browser.headers['content-type'], 'text/html; charset=utf-8');
      const html = await t.request({
        method: 'GET',
        url: '/api/v1/regions/ITC4/paper?format=html',
        headers: { accept: 'application/pdf' },
      });
      assert.equal(html.headers['content-type'], 'text/html; charset=utf-8', '?format wins over Accept');
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/regions/ZZ99/paper' })).statusCode, 404);
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/regions/ITC4/paper?lang=de' })).statusCode,
        400,
      );
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/regions/ITC4/paper?format=docx' })).statusCode,
        400,
      );
    });

    test('the OpenAPI document names the paper’s HTML and PDF media types', async () => {
      const spec = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
      const op = spec.paths['/api/v1/regions/{code}/paper'].get;
      assert.equal(op.operationId, 'getRegionInputPaper');
      assert.ok(op.summary && op.description);
      assert.deepEqual(Object.keys(op.responses['200'].content).sort(), ['application/pdf', 'text/html']);
      assert.equal(op.responses['200'].content['application/pdf'].schema.format, 'binary');
      for (const [path, method] of [
        ['/api/v1/regions/{code}/paper/sections', 'get'],
        ['/api/v1/regions/{code}/paper/sections/{key}/versions', 'post'],
        ['/api/v1/regions/{code}/paper/sections/{key}/versions/{version}/restore', 'post'],
        ['/api/v1/regions/{code}/s3-priorities', 'post'],
        ['/api/v1/regions/{code}/editors', 'post'],
      ] as const) {
        const o = spec.paths[path]?.[method];
        assert.ok(o?.operationId && o.summary, `${method} ${path}`);
      }
    });

    test('with a peer finder, the paper shows what the peers do better, with both figures', async () => {
      const db = t.database.db;
      const regions = regionsRepo(db);
      const indicators = indicatorsService(db, indicatorsRepo(db), regions);
      const paper = paperService({
        repo: paperRepo(db),
        regions,
        indicators,
        s3: t.services.s3,
        sections: t.services.sections,
        peers: async () => [{ code: 'ES52' }, { code: 'ITC4' }, { code: 'ZZ99' }],
      });
      const model = await paper.model('ITC4', 'en');
      assert.deepEqual(
        model.peers?.map((p) => p.code),
        ['ES52'],
        'itself and unknown codes are left out',
      );
      const [own, peer] = await Promise.all([indicators.forRegion('ITC4'), indicators.forRegion('ES52')]);
      const better = doesBetter(own, peer);
      assert.ok(better.every((b) => b.peer > b.own && b.indicator.higherIsBetter === true));
      assert.equal(model.peers![0]!.better.length, Math.min(6, better.length));
      assert.ok(
        !better.some((b) => b.indicator.id === 'gerd_pc_gdp'),
        'Valencia’s 1.10 % is not better than 1.34 %',
      );
      const reverse = doesBetter(peer, own);
      assert.ok(reverse.some((b) => b.indicator.id === 'gerd_pc_gdp' && b.year === 2019 && b.own === 1.1));
      const page = (await paper.html('ITC4', 'en')).body;
      assert.ok(page.includes('Regions like this one'));
      assert.ok(
        page.includes('What Comunitat Valenciana does better') || page.includes('does not do better'),
      );
    });

    test('the event page data says whether to link the host region’s paper; organisers can turn it off', async () => {
      const ev = (
        await t.request({ method: 'GET', url: '/api/v1/events/clusters-meet-regions-milan-2024' })
      ).json();
      assert.equal(ev.hostRegion.code, 'ITC4');
      assert.equal(ev.showInputPaper, true);
      const off = await t.request({
        method: 'PATCH',
        url: `/api/v1/events/${ev.id}`,
        cookie: admin.cookie,
        payload: { showInputPaper: false },
      });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().showInputPaper, false);
    });
  });
}
