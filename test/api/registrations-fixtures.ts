import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.ts';

let n = 0;

/** A published event starting in `startsInDays` days (negative: over), with an organiser if given. */
export async function registrationEvent(
  db: Kysely<DB>,
  opts: {
    capacity?: number | null;
    requiresApproval?: boolean;
    status?: 'draft' | 'published' | 'cancelled';
    startsInDays?: number;
    opensAt?: Date | null;
    closesAt?: Date | null;
    organiserId?: string;
  } = {},
) {
  n += 1;
  const starts = new Date(Date.now() + (opts.startsInDays ?? 30) * 86_400_000);
  const ends = new Date(starts.getTime() + 8 * 3_600_000);
  const slug = `reg-event-${Date.now().toString(36)}-${n}-${randomBytes(3).toString('hex')}`;
  const e = await db
    .insertInto('events')
    .values({
      slug,
      title: `Registration test ${n}`,
      starts_at: starts,
      ends_at: ends,
      time_zone: 'Europe/Rome',
      venue_name: 'Palazzo Lombardia',
      city: 'Milano',
      status: opts.status ?? 'published',
      capacity: opts.capacity === undefined ? null : opts.capacity,
      requires_approval: opts.requiresApproval ?? false,
      registration_opens_at: opts.opensAt ?? null,
      registration_closes_at: opts.closesAt ?? null,
    })
    .returning(['id', 'slug'])
    .executeTakeFirstOrThrow();
  if (opts.organiserId)
    await db
      .insertInto('event_members')
      .values({ event_id: e.id, user_id: opts.organiserId, role: 'organiser' })
      .execute();
  return e;
}

export const BASIC = { category: 'company', countryCode: 'IT', consentContact: true, consentPhotos: false };
