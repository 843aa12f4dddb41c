import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

export function remindersRepo(db: Kysely<DB>) {
  return {
    /** Confirmed participants of published events that start within (now, until]. */
    due: (now: Date, until: Date) =>
      db
        .selectFrom('registrations as r')
        .innerJoin('events as e', 'e.id', 'r.event_id')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select([
          'r.id',
          'u.id as user_id',
          'u.email',
          'u.name',
          'u.locale',
          'e.id as event_id',
          'e.slug',
          'e.title',
          'e.starts_at',
          'e.ends_at',
          'e.time_zone',
          'e.venue_name',
          'e.city',
        ])
        .where('r.status', '=', 'confirmed')
        .where('e.status', '=', 'published')
        .where('e.starts_at', '>', now)
        .where('e.starts_at', '<=', until)
        // Reminders already written are skipped here and, for races, by the outbox's unique dedupe key.
        .where(
          sql<boolean>`not exists (select 1 from email_outbox m where m.dedupe_key = 'reminder:' || r.id::text)`,
        )
        .orderBy('e.starts_at')
        .orderBy('r.id')
        .limit(5000)
        .execute(),
  };
}
