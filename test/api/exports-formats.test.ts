import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TestApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { type ExportsFixture, exportsFixture } from './exports.fixture.ts';

for (const backend of backends()) {
  describe(`agenda exports: frab JSON and PDF (${backend})`, () => {
    let f: ExportsFixture;
    let t: TestApp;

    before(async () => {
      f = await exportsFixture(backend);
      t = f.t;
    });
    after(() => f.t.close());

    describe('frab schedule JSON', () => {
      test('days, rooms, local times and durations in the event zone', async () => {
        const res = await t.request({ method: 'GET', url: `/api/v1/events/${f.eventId}/schedule.json` });
        assert.equal(res.statusCode, 200, res.body);
        assert.match(String(res.headers['content-type']), /^application\/json/);
        const { schedule } = res.json();
        assert.equal(schedule.version, '2');
        assert.equal(schedule.base_url, 'http://localhost:3000/');
        const c = schedule.conference;
        assert.equal(c.acronym, f.slug);
        assert.equal(c.title, 'Clusters meet Regions — Milano, 2030');
        assert.deepEqual(
          [c.start, c.end, c.daysCount, c.time_zone_name],
          ['2030-03-26', '2030-03-27', 2, 'Europe/Rome'],
        );
        assert.deepEqual(
          c.days.map((d: { index: number; date: string }) => [d.index, d.date]),
          [
            [1, '2030-03-26'],
            [2, '2030-03-27'],
          ],
        );
        assert.equal(c.days[0].day_start, '2030-03-26T04:00:00+01:00');
        assert.deepEqual(Object.keys(c.days[0].rooms), ['Auditorium Testori']);
        assert.deepEqual(Object.keys(c.days[1].rooms).sort(), [
          'MIND Milano Innovation District',
          'Sala Biagi',
        ]);
        const [keynote, panel] = c.days[0].rooms['Auditorium Testori'];
        assert.deepEqual(
          [keynote.start, keynote.duration, keynote.date],
          ['09:30', '00:45', '2030-03-26T09:30:00+01:00'],
        );
        assert.deepEqual([panel.start, panel.duration], ['14:00', '01:30']);
        assert.equal(keynote.guid, f.ids.keynote);
        assert.equal(typeof keynote.id, 'number');
        assert.equal(keynote.type, 'Keynote');
        assert.equal(keynote.room, 'Auditorium Testori');
        assert.deepEqual(
          panel.persons.map((p: { public_name: string; role: string }) => [p.public_name, p.role]),
          [
            ['Antonio Novo', 'moderator'],
            ['Kyle Winters', 'panellist'],
          ],
        );
        for (const key of [
          'slug',
          'subtitle',
          'track',
          'language',
          'abstract',
          'description',
          'logo',
          'links',
          'attachments',
          'recording_license',
          'do_not_record',
        ]) {
          assert.ok(key in keynote, key);
        }
      });
    });

    describe('PDF agenda', () => {
      test('title, dates, venue, days with local times, f.people with roles, pitches and page numbers', async () => {
        const res = await t.request({ method: 'GET', url: `/api/v1/events/${f.eventId}/agenda.pdf` });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.headers['content-type'], 'application/pdf');
        assert.match(
          String(res.headers['content-disposition']),
          new RegExp(`filename="${f.slug}-agenda\\.pdf"`),
        );
        const pages = await pdfPages(res.rawPayload);
        const text = pages.join('\n');
        for (const expected of [
          'Clusters meet Regions — Milano, 2030',
          '26–27 March 2030',
          'Palazzo Lombardia',
          'Tuesday, 26 March 2030',
          'Wednesday, 27 March 2030',
          'Auditorium Testori',
          '09:30–10:15',
          'Keynote: manufacturing, AI; and people',
          'Speaker: Prof. Tullio Tolio (Politecnico di Milano)',
          'Moderator: Antonio Novo',
          'SnowIt (start-up, SnowIt srl)',
          '09:00–10:00*',
          '* Time is an estimate',
          'Europe/Rome',
          `Page 1 of ${pages.length}`,
        ]) {
          assert.ok(text.includes(expected), `missing "${expected}" in ${text}`);
        }
        assert.ok(text.indexOf('09:30–10:15') < text.indexOf('14:00–15:30'));
      });

      test('in Italian with ?lang=it or the locale cookie', async () => {
        for (const opts of [
          { url: `/api/v1/events/${f.eventId}/agenda.pdf?lang=it` },
          { url: `/api/v1/events/${f.eventId}/agenda.pdf`, headers: { cookie: 'nexum_locale=it' } },
        ]) {
          const res = await t.request({ method: 'GET', ...opts });
          assert.equal(res.statusCode, 200);
          const text = (await pdfPages(res.rawPayload)).join('\n');
          for (const expected of [
            'PROGRAMMA',
            'Martedì 26 marzo 2030',
            'Relatore',
            'Tavola rotonda'.toUpperCase(),
            'Pagina 1 di',
          ]) {
            assert.ok(text.includes(expected), `missing "${expected}" in ${text}`);
          }
        }
      });
    });
  });
}
