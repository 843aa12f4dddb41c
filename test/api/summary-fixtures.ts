// Fixtures of the event summary tests: events with an organiser, registrations inserted directly (the
// registration feature has its own tests), multipart bodies and generated images.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { DB, RegistrationCategory } from '../../src/server/db/schema.ts';

let n = 0;
const unique = () => `${Date.now().toString(36)}-${++n}-${randomBytes(3).toString('hex')}`;

/** A published event ending `endsInDays` from now (negative: over), organised by `organiserId`. */
export async function summaryEvent(
  db: Kysely<DB>,
  opts: { organiserId?: string; endsInDays?: number; status?: 'draft' | 'published' | 'cancelled' } = {},
) {
  const ends = new Date(Date.now() + (opts.endsInDays ?? 30) * 86_400_000);
  const starts = new Date(ends.getTime() - 8 * 3_600_000);
  const slug = `summary-event-${unique()}`;
  const e = await db
    .insertInto('events')
    .values({
      slug,
      title: `Summary test ${slug}`,
      starts_at: starts,
      ends_at: ends,
      time_zone: 'Europe/Rome',
      venue_name: 'Palazzo Lombardia',
      venue_address: 'Piazza Città di Lombardia 1, 20124 Milano',
      city: 'Milano',
      host_region_code: 'ITC4',
      status: opts.status ?? 'published',
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

/** A confirmed registration of a new user, with or without photo consent. */
export async function registration(
  db: Kysely<DB>,
  eventId: string,
  opts: {
    name?: string;
    category?: RegistrationCategory;
    country?: string | null;
    consentPhotos?: boolean;
    checkedIn?: boolean;
    status?: 'confirmed' | 'waitlisted' | 'cancelled';
  } = {},
) {
  const id = unique();
  const user = await db
    .insertInto('users')
    .values({ email: `reg-${id}@example.org`, name: opts.name ?? `Participant ${id}`, password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = await db
    .insertInto('registrations')
    .values({
      event_id: eventId,
      user_id: user.id,
      category: opts.category ?? 'company',
      country_code: opts.country === undefined ? 'IT' : opts.country,
      status: opts.status ?? 'confirmed',
      consent_photos_at: opts.consentPhotos === false ? null : new Date(),
      badge_code: `b-${id}`,
      calendar_token: `c-${id}`,
      checked_in_at: opts.checkedIn ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A multipart/form-data body: text fields, then an optional file part named "file". */
export function multipart(
  fields: [string, string][],
  file?: { bytes: Buffer; name?: string; type?: string },
) {
  const boundary = `----nexum${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = fields.map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name ?? 'photo.jpg'}"\r\nContent-Type: ${file.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A generated image with some structure (so that encoders have something to keep). */
export async function picture(width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg') {
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#1b4f8a"/><circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#f2b134"/></svg>`,
  );
  return sharp(svg)[format]().toBuffer();
}
