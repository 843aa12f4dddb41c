import type { Kysely, Updateable } from 'kysely';
import { deleteFiles, insertFile, readFile } from '../../server/db/files.ts';
import type { DB } from '../../server/db/schema.ts';
import { UUID_RE } from '../organisations/organisations.repo.ts';
import type { AgendaSnapshot } from './agenda.types.ts';

export function pitchesRepo(db: Kysely<DB>) {
  const pitches = () =>
    db
      .selectFrom('pitches as p')
      .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
      .leftJoin('people as pe', 'pe.id', 'p.presenter_person_id')
      .leftJoin('files as f', 'f.id', 'p.deck_file_id')
      .leftJoin('event_sessions as s', 's.id', 'p.session_id')
      .select([
        'p.id',
        'p.event_id',
        'p.kind',
        'p.title',
        'p.summary',
        'p.organisation_id',
        'p.deck_file_id',
        'p.video_url',
        'p.submitted_by',
        'p.presenter_person_id',
        'p.status',
        'p.session_id',
        'p.position',
        'p.sample',
        'p.created_at',
        'o.slug as org_slug',
        'o.name as org_name',
        'pe.slug as presenter_slug',
        'pe.full_name as presenter_name',
        'f.file_name as deck_name',
        'f.byte_size as deck_size',
        's.title as session_title',
        's.starts_at as session_starts_at',
      ]);

  return {
    /** Where the published agenda (the event's current version) shows each accepted pitch. */
    async publishedPlacements(eventId: string) {
      const row = await db
        .selectFrom('agenda_versions as v')
        .innerJoin('events as e', (j) =>
          j.onRef('e.id', '=', 'v.event_id').onRef('e.agenda_version', '=', 'v.version'),
        )
        .select('v.snapshot')
        .where('v.event_id', '=', eventId)
        .executeTakeFirst();
      const sessions = (row?.snapshot as AgendaSnapshot | undefined)?.sessions ?? [];
      const out = new Map<string, { id: string; title: string; startsAt: string }>();
      for (const s of sessions)
        for (const p of s.pitches ?? []) out.set(p.id, { id: s.id, title: s.title, startsAt: s.startsAt });
      return out;
    },
    findEvent: (idOrSlug: string) =>
      db
        .selectFrom('events')
        .select(['id', 'slug', 'status'])
        .where(UUID_RE.test(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
        .executeTakeFirst(),
    eventStatus: (id: string) =>
      db.selectFrom('events').select(['id', 'status']).where('id', '=', id).executeTakeFirstOrThrow(),
    findCall: (eventId: string) =>
      db
        .selectFrom('pitch_calls as c')
        .innerJoin('events as e', 'e.id', 'c.event_id')
        .selectAll('c')
        .select('e.ends_at as event_ends_at')
        .where('c.event_id', '=', eventId)
        .executeTakeFirst(),
    upsertCall: (
      eventId: string,
      c: { description: string; criteria: string; opens_at: string | null; closes_at: string | null },
    ) =>
      db
        .insertInto('pitch_calls')
        .values({ event_id: eventId, ...c })
        .onConflict((oc) => oc.column('event_id').doUpdateSet({ ...c, updated_at: new Date() }))
        .execute(),

    find: (id: string) => pitches().where('p.id', '=', id).executeTakeFirst(),
    accepted: (eventId: string) =>
      pitches()
        .where('p.event_id', '=', eventId)
        .where('p.status', '=', 'accepted')
        .orderBy('s.starts_at')
        .orderBy('p.position')
        .orderBy('p.title')
        .execute(),
    mine: (eventId: string, userId: string) =>
      pitches()
        .where('p.event_id', '=', eventId)
        .where('p.submitted_by', '=', userId)
        .orderBy('p.created_at', 'desc')
        .execute(),
    /** What the jury sees: every submission but the withdrawn ones. */
    forJury: (eventId: string) =>
      pitches()
        .where('p.event_id', '=', eventId)
        .where('p.status', '<>', 'withdrawn')
        .orderBy('p.created_at')
        .execute(),
    pitchingSessions: (eventId: string) =>
      db
        .selectFrom('event_sessions')
        .select(['id', 'title', 'starts_at', 'ends_at'])
        .where('event_id', '=', eventId)
        .where('type', '=', 'pitching')
        .orderBy('starts_at')
        .execute(),
    session: (id: string) =>
      db
        .selectFrom('event_sessions')
        .select(['id', 'event_id', 'type'])
        .where('id', '=', id)
        .executeTakeFirst(),
    organisation: (id: string) =>
      db.selectFrom('organisations').select(['id', 'status']).where('id', '=', id).executeTakeFirst(),
    personExists: async (id: string) =>
      !!(await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst()),

    insert: (values: {
      event_id: string;
      kind: 'startup' | 'project';
      title: string;
      summary: string;
      organisation_id: string | null;
      video_url: string | null;
      presenter_person_id: string | null;
      submitted_by: string;
    }) => db.insertInto('pitches').values(values).returning('id').executeTakeFirstOrThrow(),
    update: (id: string, patch: Updateable<DB['pitches']>) =>
      db
        .updateTable('pitches')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    /** Stores the new deck and drops the one it replaces, in one transaction. */
    setDeck: (id: string, file: { bytes: Buffer; fileName: string }, userId: string) =>
      db.transaction().execute(async (trx) => {
        const old = await trx
          .selectFrom('pitches')
          .select('deck_file_id')
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const fileId = await insertFile(trx, { ...file, contentType: 'application/pdf' }, userId);
        await trx
          .updateTable('pitches')
          .set({ deck_file_id: fileId, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
        await deleteFiles(trx, [old.deck_file_id]);
      }),
    file: (id: string) => readFile(db, id),

    scores: (eventId: string) =>
      db
        .selectFrom('pitch_scores as ps')
        .innerJoin('pitches as p', 'p.id', 'ps.pitch_id')
        .innerJoin('users as u', 'u.id', 'ps.juror_id')
        .select(['ps.pitch_id', 'ps.juror_id', 'u.name', 'ps.scores', 'ps.comment'])
        .where('p.event_id', '=', eventId)
        .orderBy('ps.updated_at')
        .execute(),
    upsertScore: (pitchId: string, jurorId: string, scores: Record<string, number>, comment: string) =>
      db
        .insertInto('pitch_scores')
        .values({ pitch_id: pitchId, juror_id: jurorId, scores: JSON.stringify(scores), comment })
        .onConflict((oc) =>
          oc
            .columns(['pitch_id', 'juror_id'])
            .doUpdateSet({ scores: JSON.stringify(scores), comment, updated_at: new Date() }),
        )
        .execute(),
  };
}
export type PitchesRepo = ReturnType<typeof pitchesRepo>;
export type PitchRow = NonNullable<Awaited<ReturnType<PitchesRepo['find']>>>;
