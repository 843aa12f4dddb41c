import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  registerCalendarSource,
  unregisterCalendarSource,
} from '../../src/features/events/exports/calendar-sources.ts';
import type { TestApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { type ExportsFixture, exportsFixture, ICS, vevents } from './exports.fixture.ts';

for (const backend of backends()) {
  describe(`agenda exports: personal calendar feed (${backend})`, () => {
    let f: ExportsFixture;
    let t: TestApp;

    before(async () => {
      f = await exportsFixture(backend);
      t = f.t;
    });
    after(() => f.t.close());
    const register = (...a: Parameters<ExportsFixture['register']>) => f.register(...a);
    describe('personal feed', () => {
      test('has the event, the sessions with a role, the site visits signed up for and contributed items', async () => {
        const reg = await register(f.eventId, { personId: f.people.winters });
        await t.database.db
          .insertInto('session_signups')
          .values({ session_id: f.ids.visit, registration_id: reg.id })
          .execute();
        const seen: string[] = [];
        registerCalendarSource('test-meetings', async (db, registration) => {
          seen.push(registration.id);
          assert.equal(typeof db.selectFrom, 'function');
          return [
            {
              id: 'meeting-1',
              title: 'B2B meeting with AFIL',
              startsAt: '2030-03-27T10:00:00Z',
              endsAt: '2030-03-27T10:20:00Z',
              location: 'Table 12',
              url: '/events/x/meetings',
            },
          ];
        });
        try {
          const res = await t.request({ method: 'GET', url: `/api/v1/calendar/${reg.token}.ics` });
          assert.equal(res.statusCode, 200, res.body);
          assert.equal(res.headers['content-type'], ICS);
          assert.equal(res.headers['x-robots-tag'], 'noindex');
          const events = vevents(res.body);
          assert.deepEqual(
            events.map((e) => e.uid),
            [
              `${f.eventId}@localhost`,
              `${f.ids.panel}@localhost`,
              `${f.ids.visit}@localhost`,
              'test-meetings-meeting-1@localhost',
            ],
          );
          assert.equal(events[0]!.summary, 'Clusters meet Regions — Milano, 2030');
          assert.equal(events[3]!.location, 'Table 12');
          assert.equal(
            events[3]!.component.getFirstPropertyValue('url'),
            'http://localhost:3000/events/x/meetings',
          );
          assert.deepEqual(seen, [reg.id]);
        } finally {
          unregisterCalendarSource('test-meetings');
        }
      });

      test('a participant without a role or sign-up gets the event alone; a wait-listed one as TENTATIVE', async () => {
        const reg = await register(f.eventId, { status: 'waitlisted' });
        const events = vevents(
          (await t.request({ method: 'GET', url: `/api/v1/calendar/${reg.token}.ics` })).body,
        );
        assert.equal(events.length, 1);
        assert.equal(events[0]!.component.getFirstPropertyValue('status'), 'TENTATIVE');
      });

      test('unknown, malformed, cancelled and rejected tokens are 404', async () => {
        const cancelled = await register(f.eventId, { status: 'cancelled' });
        const rejected = await register(f.eventId, { status: 'rejected' });
        for (const token of [
          cancelled.token,
          rejected.token,
          randomBytes(32).toString('base64url'),
          'x',
          '%27--',
        ]) {
          const res = await t.request({ method: 'GET', url: `/api/v1/calendar/${token}.ics` });
          assert.equal(res.statusCode, 404, token);
        }
        // The token is the credential: being signed in as the owner does not replace it.
        const own = await register(f.eventId);
        const wrong = await t.request({
          method: 'GET',
          url: `/api/v1/calendar/${own.token.slice(0, -2)}xx.ics`,
        });
        assert.equal(wrong.statusCode, 404);
      });
    });
  });
}
