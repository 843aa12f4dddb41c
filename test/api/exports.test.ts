import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { TestApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { type ExportsFixture, exportsFixture, ICS, snap, vevents } from './exports.fixture.ts';

for (const backend of backends()) {
  describe(`agenda exports: calendars and access (${backend})`, () => {
    let f: ExportsFixture;
    let t: TestApp;

    before(async () => {
      f = await exportsFixture(backend);
      t = f.t;
    });
    after(() => f.t.close());
    const register = (...a: Parameters<ExportsFixture['register']>) => f.register(...a);
    const createEvent = (...a: Parameters<ExportsFixture['createEvent']>) => f.createEvent(...a);
    const publish = (...a: Parameters<ExportsFixture['publish']>) => f.publish(...a);
    describe('event calendar', () => {
      test('is the current published version as text/calendar with a file name', async () => {
        const res = await t.request({ method: 'GET', url: `/api/v1/events/${f.eventId}/calendar.ics` });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.headers['content-type'], ICS);
        assert.match(String(res.headers['content-disposition']), new RegExp(`filename="${f.slug}\\.ics"`));
        assert.ok(res.body.includes('\r\n'));
        const events = vevents(res.body);
        assert.deepEqual(
          events.map((e) => e.summary),
          [
            'Keynote: manufacturing, AI; and people',
            'Interregional collaboration',
            'Start-up pitching',
            'Site visit: MIND Milano Innovation District',
          ],
        );
        const keynote = events[0]!;
        assert.equal(keynote.uid, `${f.ids.keynote}@localhost`);
        assert.equal(keynote.sequence, 2);
        assert.equal(keynote.startDate.toJSDate().toISOString(), '2030-03-26T08:30:00.000Z');
        assert.equal(keynote.endDate.toJSDate().toISOString(), '2030-03-26T09:15:00.000Z');
        assert.match(
          keynote.description,
          /^The future of manufacturing\nin Lombardy\n\nSpeaker: Prof\. Tullio Tolio \(Politecnico di Milano\)/,
        );
        assert.equal(
          keynote.location,
          'Auditorium Testori, Palazzo Lombardia, Piazza Città di Lombardia 1, 20124 Milano',
        );
        assert.equal(
          keynote.component.getFirstPropertyValue('url'),
          `http://localhost:3000/events/${f.slug}/agenda#session-${f.ids.keynote}`,
        );
        assert.deepEqual(keynote.component.getFirstProperty('categories')?.getValues(), ['Keynote']);
        assert.match(
          events[1]!.description,
          /Moderator: Antonio Novo \(European Clusters Alliance\)\nPanellist: Kyle Winters/,
        );
        assert.match(events[2]!.description, /SnowIt \(start-up, SnowIt srl\)/);
        // A site visit happens at the place visited, not at the venue.
        assert.equal(events[3]!.location, 'MIND Milano Innovation District');
      });

      test('by slug, in Italian with ?lang=it, and 304 while unchanged', async () => {
        const it = await t.request({ method: 'GET', url: `/api/v1/events/${f.slug}/calendar.ics?lang=it` });
        assert.equal(it.statusCode, 200);
        assert.deepEqual(vevents(it.body)[1]!.component.getFirstProperty('categories')?.getValues(), [
          'Tavola rotonda',
        ]);
        const first = await t.request({ method: 'GET', url: `/api/v1/events/${f.eventId}/calendar.ics` });
        const again = await t.request({
          method: 'GET',
          url: `/api/v1/events/${f.eventId}/calendar.ics`,
          headers: { 'if-none-match': String(first.headers.etag) },
        });
        assert.equal(again.statusCode, 304);
        assert.equal(
          await t
            .request({ method: 'GET', url: `/api/v1/events/${f.eventId}/calendar.ics?lang=fr` })
            .then((r) => r.statusCode),
          400,
        );
      });

      test('per person: only the sessions where that person has a role', async () => {
        const res = await t.request({
          method: 'GET',
          url: `/api/v1/events/${f.eventId}/people/${f.people.novo}/calendar.ics`,
        });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.headers['content-type'], ICS);
        assert.deepEqual(
          vevents(res.body).map((e) => e.summary),
          ['Interregional collaboration'],
        );
        const cal = new ICAL.Component(ICAL.parse(res.body));
        assert.match(String(cal.getFirstPropertyValue('x-wr-calname')), /Antonio Novo/);
        const unknown = await t.request({
          method: 'GET',
          url: `/api/v1/events/${f.eventId}/people/00000000-0000-4000-8000-000000000000/calendar.ics`,
        });
        assert.equal(unknown.statusCode, 404);
        assert.equal(unknown.json().error.code, 'not_found');
      });

      test('without a published agenda, the event is the only item; a cancelled event is CANCELLED', async () => {
        const e = await createEvent({ title: 'Nothing published yet', status: 'published' });
        const res = await t.request({ method: 'GET', url: `/api/v1/events/${e.id}/calendar.ics` });
        const events = vevents(res.body);
        assert.equal(events.length, 1);
        assert.equal(events[0]!.uid, `${e.id}@localhost`);
        assert.equal(events[0]!.summary, 'Nothing published yet');
        assert.equal(events[0]!.startDate.toJSDate().toISOString(), '2030-03-26T08:00:00.000Z');
        await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${e.id}`,
          cookie: f.admin,
          payload: { status: 'cancelled' },
        });
        const cancelled = await t.request({ method: 'GET', url: `/api/v1/events/${e.id}/calendar.ics` });
        assert.equal(vevents(cancelled.body)[0]!.component.getFirstPropertyValue('status'), 'CANCELLED');
      });
    });

    describe('drafts never leak', () => {
      let draft: { id: string; slug: string };
      const urls = () => [
        `/api/v1/events/${draft.id}/calendar.ics`,
        `/api/v1/events/${draft.slug}/people/${f.people.tolio}/calendar.ics`,
        `/api/v1/events/${draft.id}/schedule.json`,
        `/api/v1/events/${draft.id}/agenda.pdf`,
      ];
      before(async () => {
        draft = await createEvent({ title: 'A draft workshop' });
        await publish(draft.id, 1, [
          snap(randomUUID(), {
            type: 'keynote',
            title: 'Secret keynote',
            startsAt: '2030-03-26T08:30:00Z',
            endsAt: '2030-03-26T09:00:00Z',
          }),
        ]);
      });

      test('anonymous visitors and other users get 404; organisers and administrators get the files', async () => {
        const stranger = (await t.user()).cookie;
        for (const url of urls()) {
          for (const cookie of [undefined, stranger]) {
            const res = await t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
            assert.equal(res.statusCode, 404, `${url} ${cookie ? 'stranger' : 'anonymous'}`);
            assert.ok(!res.body.includes('Secret keynote'));
          }
          const own = await t.request({ method: 'GET', url, cookie: f.admin });
          assert.equal(own.statusCode, 200, `${url}: ${own.body}`);
        }
      });

      test('a registration to a draft event has no feed', async () => {
        const reg = await register(draft.id);
        const res = await t.request({ method: 'GET', url: `/api/v1/calendar/${reg.token}.ics` });
        assert.equal(res.statusCode, 404);
      });

      test('an unknown event is 404', async () => {
        for (const url of [
          '/api/v1/events/no-such-event/calendar.ics',
          '/api/v1/events/00000000-0000-4000-8000-000000000000/schedule.json',
        ]) {
          assert.equal((await t.request({ method: 'GET', url })).statusCode, 404, url);
        }
      });
    });

    test('every export route is documented in OpenAPI', async () => {
      const spec = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
      const ops = Object.values(
        spec.paths as Record<string, Record<string, { operationId?: string }>>,
      ).flatMap((p) => Object.values(p).map((o) => o.operationId));
      for (const id of [
        'eventCalendar',
        'personCalendar',
        'personalCalendarFeed',
        'eventScheduleFrab',
        'eventAgendaPdf',
      ]) {
        assert.ok(ops.includes(id), id);
      }
    });
  });
}
