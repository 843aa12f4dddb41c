/**
 * Security review of the events and B2B routes: credentials and fields that must not reach other people,
 * references across events, and malformed input that must never end in a 500.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { b2bEvent, register as b2bRegister, unique } from './b2b-fixtures.ts';
import { BASIC, registrationEvent } from './registrations-fixtures.ts';

for (const backend of backends()) {
  describe(`security review of events and B2B (${backend})`, () => {
    let t: TestApp;
    let admin: Awaited<ReturnType<TestApp['user']>>;

    before(async () => {
      t = await testApp(backend, { seeded: true });
      admin = await t.user({ admin: true });
    });
    after(() => t.close());

    test('the calendar feed token reaches the participant only, never the organisers', async () => {
      const organiser = await t.user();
      const participant = await t.user();
      const ev = await registrationEvent(t.database.db, { organiserId: organiser.id });
      const created = await t.request({
        method: 'POST',
        url: `/api/v1/events/${ev.slug}/registrations`,
        cookie: participant.cookie,
        payload: BASIC,
      });
      assert.equal(created.statusCode, 201, created.body);
      const own = created.json();
      assert.match(own.calendarUrl, /\/api\/v1\/calendar\/[\w-]+\.ics$/);
      const token = /calendar\/([\w-]+)\.ics$/.exec(own.calendarUrl)![1]!;

      const seenByOrganiser: string[] = [];
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/events/${ev.slug}/registrations`,
        cookie: organiser.cookie,
      });
      assert.equal(list.statusCode, 200, list.body);
      seenByOrganiser.push(list.body);
      const one = await t.request({
        method: 'GET',
        url: `/api/v1/registrations/${own.id}`,
        cookie: organiser.cookie,
      });
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(one.json().calendarUrl, null);
      seenByOrganiser.push(one.body);
      const checkIn = await t.request({
        method: 'POST',
        url: `/api/v1/registrations/${own.id}/check-in`,
        cookie: organiser.cookie,
      });
      assert.equal(checkIn.statusCode, 200, checkIn.body);
      seenByOrganiser.push(checkIn.body);
      const cancelled = await t.request({
        method: 'POST',
        url: `/api/v1/registrations/${own.id}/cancel`,
        cookie: organiser.cookie,
      });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      seenByOrganiser.push(cancelled.body);
      for (const body of seenByOrganiser) assert.ok(!body.includes(token), 'an organiser got the feed token');

      const mine = await t.request({
        method: 'GET',
        url: `/api/v1/registrations/${own.id}`,
        cookie: participant.cookie,
      });
      assert.equal(mine.json().calendarUrl, own.calendarUrl);
    });

    test('a B2B profile cannot name an organisation the participant may not see', async () => {
      const ev = await b2bEvent(t.database.db);
      const me = await t.user();
      await b2bRegister(t.database.db, ev.id, me.id);
      const draft = await t.database.db
        .insertInto('organisations')
        .values({
          slug: `hidden-draft-${unique()}`,
          name: 'Hidden draft org',
          type: 'company',
          status: 'draft',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const res = await t.request({
        method: 'PUT',
        url: `/api/v1/events/${ev.slug}/b2b/profile`,
        cookie: me.cookie,
        payload: { offer: 'x', seek: 'y', organisationId: draft.id },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.details.fields[0].field, 'body.organisationId');
      const peer = await t.user();
      await b2bRegister(t.database.db, ev.id, peer.id);
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/events/${ev.slug}/b2b/participants`,
        cookie: peer.cookie,
      });
      assert.equal(list.statusCode, 200, list.body);
      assert.ok(!list.body.includes('Hidden draft org'));
    });

    test('an accepted pitch shows its placement only once the agenda with it is published', async () => {
      const organiser = await t.user();
      const ev = await registrationEvent(t.database.db, { organiserId: organiser.id });
      const db = t.database.db;
      await db
        .insertInto('pitch_calls')
        .values({ event_id: ev.id, description: '', criteria: '[]' })
        .execute();
      const e = await db
        .selectFrom('events')
        .select('starts_at')
        .where('id', '=', ev.id)
        .executeTakeFirstOrThrow();
      const starts = new Date(e.starts_at);
      const session = await db
        .insertInto('event_sessions')
        .values({
          event_id: ev.id,
          type: 'pitching',
          title: 'Secret draft session',
          starts_at: starts,
          ends_at: new Date(starts.getTime() + 3_600_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('pitches')
        .values({
          event_id: ev.id,
          kind: 'startup',
          title: 'Placed pitch',
          status: 'accepted',
          session_id: session.id,
        })
        .execute();
      const list = (cookie?: string) =>
        t.request({ method: 'GET', url: `/api/v1/events/${ev.slug}/pitches`, ...(cookie ? { cookie } : {}) });
      const anonymous = await list();
      assert.equal(anonymous.statusCode, 200, anonymous.body);
      assert.ok(!anonymous.body.includes('Secret draft session'), 'the draft agenda leaked through a pitch');
      assert.match((await list(organiser.cookie)).body, /Secret draft session/);
      const published = await t.request({
        method: 'POST',
        url: `/api/v1/events/${ev.slug}/agenda/publish`,
        cookie: organiser.cookie,
      });
      assert.equal(published.statusCode, 201, published.body);
      assert.equal((await list()).json().items[0].session.title, 'Secret draft session');
    });

    test('registering with an organisation does not list the participant on its public profile', async () => {
      const ev = await registrationEvent(t.database.db);
      const stranger = await t.user({ name: 'Ignazio Estraneo' });
      const afil = await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('slug', '=', 'afil')
        .executeTakeFirstOrThrow();
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/events/${ev.slug}/registrations`,
        cookie: stranger.cookie,
        payload: { ...BASIC, organisationId: afil.id, jobTitle: 'Self-appointed director' },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().organisation.id, afil.id, 'the registration keeps the organisation');
      const profile = await t.request({ method: 'GET', url: `/api/v1/organisations/${afil.id}` });
      assert.equal(profile.statusCode, 200, profile.body);
      assert.ok(!profile.body.includes('Ignazio Estraneo'), 'the participant appeared on the public profile');
    });

    test('nothing of a draft event answers 200 to anonymous visitors or other users', async () => {
      const organiser = await t.user();
      const outsider = await t.user();
      const ev = await registrationEvent(t.database.db, { status: 'draft', organiserId: organiser.id });
      const db = t.database.db;
      await db
        .insertInto('pitch_calls')
        .values({ event_id: ev.id, description: '', criteria: '[]' })
        .execute();
      await db
        .insertInto('event_summaries')
        .values({ event_id: ev.id, body_html: '<p>Draft</p>', published: true })
        .execute();
      const spec = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const leaks: string[] = [];
      let checked = 0;
      for (const [path, methods] of Object.entries(spec.paths)) {
        if (!path.startsWith('/api/v1/events/{id}') || !methods.get) continue;
        const url = path
          .replace('{id}', ev.slug)
          .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        for (const cookie of [undefined, outsider.cookie]) {
          const res = await t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
          checked += 1;
          if (res.statusCode < 300)
            leaks.push(`${url} (${cookie ? 'user' : 'anonymous'}) → ${res.statusCode}`);
        }
        const own = await t.request({ method: 'GET', url, cookie: organiser.cookie });
        assert.ok(own.statusCode !== 500, `${url} → 500 for the organiser`);
      }
      assert.ok(checked > 40, `only ${checked} requests`);
      assert.deepEqual(leaks, []);
    });

    test('a cancelled registration does not bring its site-visit seat back when registering again', async () => {
      const organiser = await t.user();
      const ev = await registrationEvent(t.database.db, { organiserId: organiser.id });
      const e = await t.database.db
        .selectFrom('events')
        .select('starts_at')
        .where('id', '=', ev.id)
        .executeTakeFirstOrThrow();
      const starts = new Date(e.starts_at).getTime();
      const created = await t.request({
        method: 'POST',
        url: `/api/v1/events/${ev.slug}/sessions`,
        cookie: organiser.cookie,
        payload: {
          type: 'site_visit',
          title: 'One-seat visit',
          startsAt: new Date(starts + 3_600_000).toISOString(),
          endsAt: new Date(starts + 7_200_000).toISOString(),
          capacity: 1,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const sessionId = created.json().session.id;
      const publish = await t.request({
        method: 'POST',
        url: `/api/v1/events/${ev.slug}/agenda/publish`,
        cookie: organiser.cookie,
      });
      assert.equal(publish.statusCode, 201, publish.body);
      const register = (cookie: string) =>
        t.request({ method: 'POST', url: `/api/v1/events/${ev.slug}/registrations`, cookie, payload: BASIC });
      const signUp = (cookie: string) =>
        t.request({ method: 'POST', url: `/api/v1/events/${ev.slug}/sessions/${sessionId}/signup`, cookie });

      const a = await t.user();
      const b = await t.user();
      const regA = (await register(a.cookie)).json();
      assert.equal((await signUp(a.cookie)).statusCode, 201);
      const cancel = await t.request({
        method: 'POST',
        url: `/api/v1/registrations/${regA.id}/cancel`,
        cookie: a.cookie,
      });
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.equal((await register(b.cookie)).statusCode, 201);
      assert.equal((await signUp(b.cookie)).statusCode, 201, 'the seat A gave back is free');
      assert.equal((await register(a.cookie)).statusCode, 201);

      const taken = await t.database.db
        .selectFrom('session_signups as ss')
        .innerJoin('registrations as r', 'r.id', 'ss.registration_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('ss.session_id', '=', sessionId)
        .where('r.status', '=', 'confirmed')
        .executeTakeFirstOrThrow();
      assert.equal(Number(taken.n), 1, 'the one-seat visit is over-booked');
      const agenda = (
        await t.request({ method: 'GET', url: `/api/v1/events/${ev.slug}/agenda`, cookie: a.cookie })
      ).json();
      const visit = agenda.sessions.find((x: { id: string }) => x.id === sessionId);
      assert.deepEqual([visit.seatsLeft, visit.signedUp], [0, false]);
    });

    test('a summary that grows past the limit when sanitised is refused with 400, not a 500', async () => {
      const organiser = await t.user();
      const ev = await registrationEvent(t.database.db, { organiserId: organiser.id });
      const res = await t.request({
        method: 'PUT',
        url: `/api/v1/events/${ev.slug}/summary`,
        cookie: organiser.cookie,
        payload: { bodyHtml: `<p>${'&'.repeat(150_000)}</p>`, published: true },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.details.fields[0].field, 'body.bodyHtml');
    });

    test('malformed ids, params and bodies never answer 500', async () => {
      const spec = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const values = [
        'x',
        '00000000-0000-0000-0000-000000000000',
        "'%3B--",
        'clusters-meet-regions-milan-2024',
      ];
      const bodies: unknown[] = [{}, { id: 'x', ids: ['x'], slot: 'x@y', code: "'", page: -1 }, '[]'];
      const failures: string[] = [];
      const seen = new Map<number, number>();
      for (const [path, methods] of Object.entries(spec.paths)) {
        if (!path.startsWith('/api/v1/')) continue;
        for (const method of Object.keys(methods)) {
          for (const v of values) {
            const url = path.replace(/\{[^}]+\}/g, v);
            for (const cookie of [undefined, admin.cookie]) {
              for (const body of method === 'get' ? [undefined] : bodies) {
                const res = await t.request({
                  method: method.toUpperCase() as 'GET',
                  url: `${url}${method === 'get' ? '?page=0&pageSize=-3&size=huge&lang=xx&q=%25' : ''}`,
                  ...(cookie ? { cookie } : {}),
                  ...(body === undefined
                    ? {}
                    : typeof body === 'string'
                      ? { payload: body, headers: { 'content-type': 'application/json' } }
                      : { payload: body as object }),
                });
                seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
                if (res.statusCode >= 500) failures.push(`${method} ${url} → ${res.statusCode} ${res.body}`);
              }
            }
          }
        }
      }
      assert.ok((seen.get(400) ?? 0) > 100, 'the sweep reached the routes');
      assert.deepEqual(failures, []);
    });
  });
}
