import type { Kysely } from 'kysely';
import type { DB } from '../../../server/db/schema.ts';
import { UUID_RE } from '../../organisations/organisations.repo.ts';

/** Reads for the agenda exports: the event, its published agenda, people, and calendar-feed registrations. */
export function exportsRepo(db: Kysely<DB>) {
  return {
    event: (idOrSlug: string) =>
      db
        .selectFrom('events')
        .select([
          'id',
          'slug',
          'title',
          'summary',
          'starts_at',
          'ends_at',
          'time_zone',
          'venue_name',
          'venue_address',
          'city',
          'status',
          'agenda_version',
          'updated_at',
        ])
        .where(UUID_RE.test(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
        .executeTakeFirst(),
    /** The published version participants see (null when the number has no row). */
    agendaVersion: (eventId: string, version: number) =>
      db
        .selectFrom('agenda_versions')
        .select(['snapshot', 'published_at'])
        .where('event_id', '=', eventId)
        .where('version', '=', version)
        .executeTakeFirst(),
    person: (idOrSlug: string) =>
      db
        .selectFrom('people')
        .select(['id', 'slug', 'full_name', 'honorific'])
        .where(UUID_RE.test(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
        .executeTakeFirst(),
    registrationByToken: (token: string) =>
      db
        .selectFrom('registrations as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.id', 'r.event_id', 'r.user_id', 'r.person_id', 'r.status', 'u.locale'])
        .where('r.calendar_token', '=', token)
        .executeTakeFirst(),
    signedUpSessionIds: async (registrationId: string) =>
      (
        await db
          .selectFrom('session_signups')
          .select('session_id')
          .where('registration_id', '=', registrationId)
          .execute()
      ).map((r) => r.session_id),
  };
}
export type ExportsRepo = ReturnType<typeof exportsRepo>;
