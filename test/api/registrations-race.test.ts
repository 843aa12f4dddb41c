/**
 * Registration never over-books: 1 000 concurrent registrations (1 000 users) for 160 seats admit exactly
 * 160 and wait-list 840, with a waiting list numbered 1…840 without gaps. PostgreSQL only: PGlite runs
 * one query at a time, so there is no race to lose there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Actor } from '../../src/features/accounts/actor.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { BASIC, registrationEvent } from './registrations-fixtures.ts';

const actor = (u: { id: string; email: string; name: string }): Actor => ({
  userId: u.id,
  email: u.email,
  name: u.name,
  isAdmin: false,
  locale: 'en',
  via: 'session',
  organisationRoles: new Map(),
  eventRoles: new Map(),
});

for (const backend of backends()) {
  (backend === 'postgres' ? describe : () => {})(`registration race (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      // 1 000 requests at once on purpose: no admission queue, so the database sees the whole race.
      t = await testApp(backend, { env: { MAX_CONCURRENT_REQUESTS: '0' } });
    });
    after(() => t.close());

    test('1 000 concurrent registrations for 160 seats: exactly 160 confirmed, 840 waitlisted', async () => {
      const db = t.database.db;
      const ev = await registrationEvent(db, { capacity: 160 });
      const users = await db
        .insertInto('users')
        .values(
          Array.from({ length: 1000 }, (_, i) => ({
            email: `race-${i}-${ev.id.slice(0, 8)}@race.example.org`,
            name: `Racer ${String(i).padStart(4, '0')}`,
            password_hash: '!',
          })),
        )
        .returning(['id', 'email', 'name'])
        .execute();
      const started = performance.now();
      const results = await Promise.allSettled(
        users.map((u) =>
          t.services.registrations.register(actor(u), ev.slug, { ...BASIC, category: 'company' } as never),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const failed = results.filter((r) => r.status === 'rejected');
      assert.equal(failed.length, 0, String((failed[0] as PromiseRejectedResult | undefined)?.reason));
      const counts = await db
        .selectFrom('registrations')
        .select(['status', sql<number>`count(*)::int`.as('n')])
        .where('event_id', '=', ev.id)
        .groupBy('status')
        .execute();
      assert.deepEqual(Object.fromEntries(counts.map((c) => [c.status, c.n])), {
        confirmed: 160,
        waitlisted: 840,
      });
      const positions = results
        .map((r) => (r.status === 'fulfilled' ? r.value.waitlistPosition : null))
        .filter((p): p is number => p !== null)
        .sort((a, b) => a - b);
      // Every waitlisted participant has a distinct place: 1, 2, … 840.
      assert.deepEqual(
        positions,
        Array.from({ length: 840 }, (_, i) => i + 1),
      );
      const mails = await db
        .selectFrom('email_outbox')
        .select(['kind', sql<number>`count(*)::int`.as('n')])
        .where('event_id', '=', ev.id)
        .groupBy('kind')
        .execute();
      assert.deepEqual(Object.fromEntries(mails.map((m) => [m.kind, m.n])), {
        registration_confirmed: 160,
        registration_waitlisted: 840,
      });
      assert.ok(seconds < 30, `took ${seconds.toFixed(1)} s`);
      console.log(`# 1000 concurrent registrations in ${seconds.toFixed(1)} s`);
    });
  });
}
