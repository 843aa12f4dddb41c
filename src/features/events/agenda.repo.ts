import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { DB, SessionRole } from '../../server/db/schema.ts';
import { UUID_RE } from '../organisations/organisations.repo.ts';
import type { AgendaChange, AgendaSessionSnapshot, AgendaSnapshot } from './agenda.types.ts';

type Q = Kysely<DB> | Transaction<DB>;

export interface SessionPersonRow {
  personId: string;
  role: SessionRole;
}

/** The draft agenda of an event as snapshot sessions, ordered by time (one query per table). */
export async function loadAgendaSessions(q: Q, eventId: string): Promise<AgendaSessionSnapshot[]> {
  const [rows, people, pitches] = await Promise.all([
    q
      .selectFrom('event_sessions')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('starts_at')
      .orderBy('ends_at')
      .orderBy('title')
      .execute(),
    q
      .selectFrom('session_people as sp')
      .innerJoin('event_sessions as s', 's.id', 'sp.session_id')
      .innerJoin('people as p', 'p.id', 'sp.person_id')
      .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select([
        'sp.session_id',
        'sp.role',
        'p.id',
        'p.slug',
        'p.full_name',
        'p.honorific',
        'p.job_title',
        'o.name as org_name',
        'o.slug as org_slug',
      ])
      .where('s.event_id', '=', eventId)
      .orderBy('sp.position')
      .orderBy('p.full_name')
      .execute(),
    q
      .selectFrom('pitches as pi')
      .leftJoin('organisations as o', 'o.id', 'pi.organisation_id')
      .select(['pi.id', 'pi.session_id', 'pi.kind', 'pi.title', 'o.name as org_name'])
      .where('pi.event_id', '=', eventId)
      .where('pi.status', '=', 'accepted')
      .where('pi.session_id', 'is not', null)
      .orderBy('pi.position')
      .orderBy('pi.title')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    title: r.title,
    description: r.description,
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    room: r.room,
    capacity: r.capacity,
    b2bSlotMinutes: r.b2b_slot_minutes,
    b2bTables: r.b2b_tables,
    timeIsEstimate: r.time_is_estimate,
    people: people
      .filter((p) => p.session_id === r.id)
      .map((p) => ({
        personId: p.id,
        slug: p.slug,
        fullName: p.full_name,
        honorific: p.honorific,
        jobTitle: p.job_title,
        organisationName: p.org_name,
        organisationSlug: p.org_slug,
        role: p.role,
      })),
    pitches: pitches
      .filter((p) => p.session_id === r.id)
      .map((p) => ({ id: p.id, kind: p.kind, title: p.title, organisationName: p.org_name })),
  }));
}

async function replacePeople(trx: Transaction<DB>, sessionId: string, people: readonly SessionPersonRow[]) {
  await trx.deleteFrom('session_people').where('session_id', '=', sessionId).execute();
  if (people.length) {
    await trx
      .insertInto('session_people')
      .values(
        people.map((p, position) => ({
          session_id: sessionId,
          person_id: p.personId,
          role: p.role,
          position,
        })),
      )
      .execute();
  }
}

export function agendaRepo(db: Kysely<DB>) {
  return {
    findEvent: (idOrSlug: string) =>
      db
        .selectFrom('events')
        .select(['id', 'slug', 'status', 'time_zone', 'starts_at', 'ends_at', 'agenda_version'])
        .where(UUID_RE.test(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
        .executeTakeFirst(),
    sessions: (eventId: string) => loadAgendaSessions(db, eventId),
    /** Sign-ups per session, counting only participants whose registration is still confirmed. */
    signupCounts: async (eventId: string) => {
      const rows = await db
        .selectFrom('session_signups as ss')
        .innerJoin('event_sessions as s', 's.id', 'ss.session_id')
        .innerJoin('registrations as r', 'r.id', 'ss.registration_id')
        .select(['ss.session_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('s.event_id', '=', eventId)
        .where('r.status', '=', 'confirmed')
        .groupBy('ss.session_id')
        .execute();
      return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
    },
    sessionOfEvent: (eventId: string, sessionId: string) =>
      db
        .selectFrom('event_sessions')
        .selectAll()
        .where('event_id', '=', eventId)
        .where('id', '=', sessionId)
        .executeTakeFirst(),
    existingPeople: async (ids: readonly string[]) =>
      ids.length
        ? (
            await db
              .selectFrom('people')
              .select('id')
              .where('id', 'in', [...ids])
              .execute()
          ).map((r) => r.id)
        : [],
    insertSession: (row: Insertable<DB['event_sessions']>, people: readonly SessionPersonRow[]) =>
      db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('event_sessions')
          .values(row)
          .returning('id')
          .executeTakeFirstOrThrow();
        await replacePeople(trx, id, people);
        return id;
      }),
    updateSession: (
      id: string,
      patch: Updateable<DB['event_sessions']>,
      people?: readonly SessionPersonRow[],
    ) =>
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('event_sessions')
          .set({ ...patch, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
        if (people) await replacePeople(trx, id, people);
      }),
    deleteSession: async (eventId: string, id: string) => {
      const r = await db
        .deleteFrom('event_sessions')
        .where('event_id', '=', eventId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    version: async (eventId: string, version: number) => {
      const row = await db
        .selectFrom('agenda_versions')
        .select(['version', 'snapshot', 'changes', 'published_at'])
        .where('event_id', '=', eventId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row
        ? {
            version: row.version,
            snapshot: row.snapshot as AgendaSnapshot,
            changes: row.changes as AgendaChange[],
            publishedAt: new Date(row.published_at).toISOString(),
          }
        : undefined;
    },
    versions: (eventId: string) =>
      db
        .selectFrom('agenda_versions')
        .select(['version', 'published_at', sql<number>`jsonb_array_length(changes)`.as('change_count')])
        .where('event_id', '=', eventId)
        .orderBy('version', 'desc')
        .execute(),
    /**
     * Freezes the draft as the next version. The event row is locked so two organisers publishing at
     * once get versions n+1 and n+2, each diffed against the one before it.
     */
    publish: (
      eventId: string,
      userId: string,
      build: (
        sessions: AgendaSessionSnapshot[],
        previous: AgendaSnapshot | null,
        version: number,
      ) => { snapshot: AgendaSnapshot; changes: AgendaChange[] } | null,
    ) =>
      db.transaction().execute(async (trx) => {
        const event = await trx
          .selectFrom('events')
          .select('agenda_version')
          .where('id', '=', eventId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const current = event.agenda_version;
        const previous = current
          ? (((
              await trx
                .selectFrom('agenda_versions')
                .select('snapshot')
                .where('event_id', '=', eventId)
                .where('version', '=', current)
                .executeTakeFirst()
            )?.snapshot as AgendaSnapshot | undefined) ?? null)
          : null;
        const built = build(await loadAgendaSessions(trx, eventId), previous, current + 1);
        if (!built) return null;
        await trx
          .insertInto('agenda_versions')
          .values({
            event_id: eventId,
            version: current + 1,
            snapshot: JSON.stringify(built.snapshot),
            changes: JSON.stringify(built.changes),
            published_at: built.snapshot.publishedAt,
            published_by: userId,
          })
          .execute();
        await trx
          .updateTable('events')
          .set({ agenda_version: current + 1 })
          .where('id', '=', eventId)
          .execute();
        return built;
      }),
    searchPeople: (q: string, limit = 10) => {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return db
        .selectFrom('people as p')
        .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select([
          'p.id',
          'p.slug',
          'p.full_name',
          'p.honorific',
          'p.job_title',
          'p.sample',
          'o.name as org_name',
        ])
        .where(sql<boolean>`nexum_unaccent(lower(p.full_name)) like nexum_unaccent(lower(${like}))`)
        .orderBy('p.sample')
        .orderBy('p.full_name')
        .limit(limit)
        .execute();
    },
  };
}
export type AgendaRepo = ReturnType<typeof agendaRepo>;
