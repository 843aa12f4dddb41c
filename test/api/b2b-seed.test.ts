/** The B2B part of the Milan demo: requests with a Zipf-like popularity, a valid published schedule. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { milan2024B2b } from '../../src/server/db/seed/milan2024-b2b.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { register } from './b2b-fixtures.ts';

const MILAN = 'clusters-meet-regions-milan-2024';

for (const backend of backends()) {
  describe(`B2B demo data (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    test('generates requests, a published schedule without double bookings, and outcomes', async () => {
      const db = t.database.db;
      const milan = await db
        .selectFrom('events')
        .select('id')
        .where('slug', '=', MILAN)
        .executeTakeFirstOrThrow();
      const ctx = { eventId: milan.id, orgIds: new Map(), personIds: new Map() };
      // Start from the part's own input: Milan's B2B sessions and enough confirmed participants.
      await db.deleteFrom('b2b_requests').where('event_id', '=', milan.id).execute();
      await db.deleteFrom('b2b_profiles').where('event_id', '=', milan.id).execute();
      await db.deleteFrom('b2b_schedule_runs').where('event_id', '=', milan.id).execute();
      await db
        .deleteFrom('b2b_blocked_slots')
        .where(
          'registration_id',
          'in',
          db.selectFrom('registrations').select('id').where('event_id', '=', milan.id),
        )
        .execute();
      const sessions = await db
        .selectFrom('event_sessions')
        .select('id')
        .where('event_id', '=', milan.id)
        .where('type', '=', 'b2b')
        .execute();
      if (sessions.length === 0) {
        await db
          .insertInto('event_sessions')
          .values({
            event_id: milan.id,
            type: 'b2b',
            title: 'B2B meetings',
            starts_at: '2024-03-26T14:45:00Z',
            ends_at: '2024-03-26T16:25:00Z',
            b2b_slot_minutes: 20,
            b2b_tables: 20,
          })
          .execute();
      }
      const confirmed = await db
        .selectFrom('registrations')
        .select('id')
        .where('event_id', '=', milan.id)
        .where('status', '=', 'confirmed')
        .execute();
      for (let i = confirmed.length; i < 60; i++) {
        const u = await t.user({ name: `Demo participant ${i}` });
        await register(db, milan.id, u.id);
      }

      await milan2024B2b(db, ctx);

      const requests = await db
        .selectFrom('b2b_requests')
        .select(['addressee_id', 'status', 'sample'])
        .where('event_id', '=', milan.id)
        .execute();
      assert.ok(requests.length >= 60, `${requests.length} requests`);
      assert.ok(requests.every((r) => r.sample));
      const accepted = requests.filter((r) => r.status === 'accepted').length;
      assert.ok(accepted > requests.length / 2 && accepted < requests.length, 'a mix of answers');
      // Zipf-like: the most requested participant is asked far more often than the median one.
      const asked = new Map<string, number>();
      for (const r of requests) asked.set(r.addressee_id, (asked.get(r.addressee_id) ?? 0) + 1);
      const counts = [...asked.values()].sort((a, b) => b - a);
      assert.ok(counts[0]! >= 4 * counts[Math.floor(counts.length / 2)]!, `skew ${counts.slice(0, 5)}`);

      const organiser = await t.user({ name: 'Demo organiser' });
      await db
        .insertInto('event_members')
        .values({ event_id: milan.id, user_id: organiser.id, role: 'organiser' })
        .execute();
      const dash = (
        await t.request({
          method: 'GET',
          url: `/api/v1/events/${MILAN}/b2b/dashboard`,
          cookie: organiser.cookie,
        })
      ).json();
      assert.ok(dash.scheduled > 0.8 * accepted, `${dash.scheduled} of ${accepted} scheduled`);
      assert.ok(dash.lastRun.publishedAt);
      assert.equal(dash.lastRun.stale, false, 'the published run matches the data');
      assert.ok(dash.outcomes.held > 0);
      const plan = (
        await t.request({
          method: 'GET',
          url: `/api/v1/events/${MILAN}/b2b/table-plan`,
          cookie: organiser.cookie,
        })
      ).json();
      for (const s of plan.slots) {
        const people = s.meetings.flatMap((m: { participants: { registrationId: string }[] }) =>
          m.participants.map((p) => p.registrationId),
        );
        assert.equal(new Set(people).size, people.length, 'nobody twice in a slot');
        assert.ok(s.meetings.length <= s.tables);
      }
    });
  });
}
