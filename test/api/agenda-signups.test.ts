import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { RegistrationStatus } from '../../src/server/db/schema.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

const MILAN = 'clusters-meet-regions-milan-2024';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

for (const backend of backends()) {
  describe(`site-visit sign-ups (${backend})`, () => {
    let t: TestApp;
    let admin: string;
    let eventId: string;
    let visitId: string;
    let talkId: string;

    /** A signed-in user with a registration for the event in the given status (none: no registration). */
    async function participant(status: RegistrationStatus | null, event = eventId) {
      const u = await t.user();
      if (status) {
        await t.database.db
          .insertInto('registrations')
          .values({
            event_id: event,
            user_id: u.id,
            category: 'cluster',
            status,
            badge_code: randomBytes(12).toString('hex'),
            calendar_token: randomBytes(12).toString('hex'),
          })
          .execute();
      }
      return u;
    }
    const signUp = (cookie: string | undefined, session = visitId, event = eventId) =>
      t.request({
        method: 'POST',
        url: `/api/v1/events/${event}/sessions/${session}/signup`,
        ...(cookie ? { cookie } : {}),
      });
    const withdraw = (cookie: string, session = visitId) =>
      t.request({ method: 'DELETE', url: `/api/v1/events/${eventId}/sessions/${session}/signup`, cookie });
    const addSession = async (payload: object) => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/events/${eventId}/sessions`,
        cookie: admin,
        payload,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().session.id as string;
    };
    const publish = async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/events/${eventId}/agenda/publish`,
        cookie: admin,
      });
      assert.equal(res.statusCode, 201, res.body);
    };

    before(async () => {
      t = await testApp(backend);
      admin = (await t.user({ admin: true })).cookie;
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/events',
        cookie: admin,
        payload: {
          title: 'Clusters meet Regions — Lisbon',
          startsAt: '2031-04-08T09:00:00+01:00',
          endsAt: '2031-04-09T17:00:00+01:00',
          timeZone: 'Europe/Lisbon',
          status: 'published',
        },
      });
      eventId = res.json().id;
      visitId = await addSession({
        type: 'site_visit',
        title: 'Visit to the port',
        startsAt: '2031-04-09T14:00:00+01:00',
        endsAt: '2031-04-09T16:00:00+01:00',
        capacity: 2,
      });
      talkId = await addSession({
        type: 'keynote',
        title: 'Keynote',
        startsAt: '2031-04-08T09:30:00+01:00',
        endsAt: '2031-04-08T10:00:00+01:00',
      });
      await publish();
    });
    after(() => t.close());

    test('needs a signed-in participant with a confirmed registration', async () => {
      assert.equal((await signUp(undefined)).statusCode, 401);
      for (const status of [null, 'waitlisted', 'pending', 'cancelled'] as const) {
        const u = await participant(status);
        const res = await signUp(u.cookie);
        assert.equal(res.statusCode, 403, `${status}: ${res.body}`);
      }
    });

    test('never goes over capacity; signing up twice holds one seat; withdrawing frees it', async () => {
      const [a, b, c] = [
        await participant('confirmed'),
        await participant('confirmed'),
        await participant('confirmed'),
      ];
      const first = await signUp(a.cookie);
      assert.equal(first.statusCode, 201, first.body);
      assert.deepEqual(first.json(), { sessionId: visitId, signedUp: true, seatsLeft: 1 });
      const again = await signUp(a.cookie);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().seatsLeft, 1);
      assert.equal((await signUp(b.cookie)).json().seatsLeft, 0);
      const full = await signUp(c.cookie);
      assert.equal(full.statusCode, 409, full.body);

      const seen = (
        await t.request({ method: 'GET', url: `/api/v1/events/${eventId}/agenda`, cookie: a.cookie })
      ).json();
      const visit = seen.sessions.find((s: Json) => s.id === visitId);
      assert.deepEqual([visit.seatsLeft, visit.signedUp, seen.canSignUp], [0, true, true]);
      const anonymous = (await t.request({ method: 'GET', url: `/api/v1/events/${eventId}/agenda` })).json();
      assert.deepEqual(
        [anonymous.sessions.find((s: Json) => s.id === visitId).signedUp, anonymous.canSignUp],
        [false, false],
      );
      assert.equal(anonymous.sessions.find((s: Json) => s.id === talkId).seatsLeft, null);

      const out = await withdraw(a.cookie);
      assert.equal(out.statusCode, 200, out.body);
      assert.deepEqual(out.json(), { sessionId: visitId, signedUp: false, seatsLeft: 1 });
      assert.equal((await withdraw(a.cookie)).statusCode, 200, 'withdrawing twice is harmless');
      assert.equal((await signUp(c.cookie)).statusCode, 201);
      assert.equal((await signUp(a.cookie)).statusCode, 409);

      // A participant whose registration is cancelled no longer holds a seat.
      await t.database.db
        .updateTable('registrations')
        .set({ status: 'cancelled' })
        .where('user_id', '=', b.id)
        .execute();
      assert.equal((await signUp(a.cookie)).statusCode, 201);

      const list = await t.request({
        method: 'GET',
        url: `/api/v1/events/${eventId}/sessions/${visitId}/signups`,
        cookie: admin,
      });
      assert.equal(list.statusCode, 200, list.body);
      assert.equal(list.json().items.length, 2);
      const forbidden = await t.request({
        method: 'GET',
        url: `/api/v1/events/${eventId}/sessions/${visitId}/signups`,
        cookie: a.cookie,
      });
      assert.equal(forbidden.statusCode, 403);
    });

    test('only published sessions with seats that have not started take sign-ups', async () => {
      const u = await participant('confirmed');
      assert.equal((await signUp(u.cookie, talkId)).statusCode, 400, 'no capacity');
      const draftOnly = await addSession({
        type: 'site_visit',
        title: 'Not published yet',
        startsAt: '2031-04-09T14:00:00+01:00',
        endsAt: '2031-04-09T15:00:00+01:00',
        capacity: 10,
      });
      assert.equal((await signUp(u.cookie, draftOnly)).statusCode, 404);
      assert.equal((await signUp(u.cookie, '00000000-0000-4000-8000-000000000000')).statusCode, 404);
      // Milan 2024 is over: its site visits have started long ago.
      const milan = (await t.request({ method: 'GET', url: `/api/v1/events/${MILAN}/agenda` })).json();
      const mind = milan.sessions.find((s: Json) => s.type === 'site_visit');
      const visitor = await participant('confirmed', milan.eventId);
      assert.equal((await signUp(visitor.cookie, mind.id, MILAN)).statusCode, 409);
    });

    (backend === 'postgres' ? test : () => {})(
      '50 concurrent sign-ups for 10 seats take exactly 10 (PostgreSQL)',
      async () => {
        const id = await addSession({
          type: 'site_visit',
          title: 'Popular visit',
          startsAt: '2031-04-09T14:00:00+01:00',
          endsAt: '2031-04-09T17:00:00+01:00',
          capacity: 10,
        });
        await publish();
        const users = [];
        for (let i = 0; i < 50; i++) users.push(await participant('confirmed'));
        const results = await Promise.all(users.map((u) => signUp(u.cookie, id)));
        const codes = results.map((r) => r.statusCode);
        assert.equal(codes.filter((c) => c === 201).length, 10, codes.join(','));
        assert.equal(codes.filter((c) => c === 409).length, 40, codes.join(','));
        const rows = await t.database.db
          .selectFrom('session_signups')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('session_id', '=', id)
          .executeTakeFirstOrThrow();
        assert.equal(Number(rows.n), 10);
      },
    );
  });
}
