/** Fixtures for the B2B tests: an event with a B2B session, organisations and confirmed participants. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, RegistrationCategory } from '../../src/server/db/schema.ts';

let n = 0;
export const unique = () => `${process.pid}-${Date.now().toString(36)}-${++n}`;

export async function b2bEvent(
  db: Kysely<DB>,
  opts: {
    mode?: 'first_come' | 'scheduler';
    /** Slot starts of the B2B session (UTC), 30 minutes each. */
    start?: string;
    slots?: number;
    tables?: number;
  } = {},
) {
  const start = new Date(opts.start ?? '2031-05-06T13:00:00Z');
  const end = new Date(start.getTime() + (opts.slots ?? 2) * 30 * 60_000);
  const slug = `b2b-test-${unique()}`;
  const event = await db
    .insertInto('events')
    .values({
      slug,
      title: `B2B test ${slug}`,
      starts_at: new Date(start.getTime() - 4 * 3600_000),
      ends_at: new Date(end.getTime() + 3600_000),
      time_zone: 'Europe/Rome',
      status: 'published',
      b2b_mode: opts.mode ?? 'scheduler',
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
  const session = await db
    .insertInto('event_sessions')
    .values({
      event_id: event.id,
      type: 'b2b',
      title: 'B2B meetings',
      starts_at: start,
      ends_at: end,
      room: 'Sala B2B',
      b2b_slot_minutes: 30,
      b2b_tables: opts.tables ?? 2,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const slotKeys = Array.from(
    { length: opts.slots ?? 2 },
    (_, i) => `${session.id}@${new Date(start.getTime() + i * 30 * 60_000).toISOString()}`,
  );
  return { ...event, sessionId: session.id, slotKeys };
}

export async function organisation(db: Kysely<DB>, name: string, country = 'IT', ecosystems = ['digital']) {
  return db
    .insertInto('organisations')
    .values({
      slug: `b2b-org-${unique()}`,
      name,
      type: 'company',
      status: 'published',
      country_code: country,
      ecosystems,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/** A registration of the user for the event (confirmed unless told otherwise). */
export async function register(
  db: Kysely<DB>,
  eventId: string,
  userId: string,
  opts: {
    organisationId?: string | null;
    status?: 'confirmed' | 'waitlisted' | 'pending';
    category?: RegistrationCategory;
    personId?: string | null;
    consent?: boolean;
  } = {},
) {
  const row = await db
    .insertInto('registrations')
    .values({
      event_id: eventId,
      user_id: userId,
      category: opts.category ?? 'company',
      organisation_id: opts.organisationId ?? null,
      person_id: opts.personId ?? null,
      status: opts.status ?? 'confirmed',
      badge_code: randomBytes(12).toString('hex'),
      calendar_token: randomBytes(24).toString('hex'),
      consent_contact_at: opts.consent ? new Date() : null,
    })
    .returning(['id', 'calendar_token'])
    .executeTakeFirstOrThrow();
  return row;
}
