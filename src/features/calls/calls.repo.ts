import { type Kysely, sql, type Updateable } from 'kysely';
import { deleteFiles, insertFile, readFile } from '../../server/db/files.ts';
import type { DB } from '../../server/db/schema.ts';
import { slugify } from '../../shared/slug.ts';
import type { TemplateSession } from './template.ts';

/** Organisation types that may apply to host a workshop. */
export const HOST_APPLICANT_TYPES = ['public_authority', 'cluster', 'innovation_hub', 'association'] as const;

// Dates leave the database as text, so no driver turns a calendar day into a midnight in some zone.
const day = (column: 'a.starts_on' | 'a.ends_on') => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export function callsRepo(db: Kysely<DB>) {
  const applications = () =>
    db
      .selectFrom('host_applications as a')
      .innerJoin('host_calls as c', 'c.id', 'a.call_id')
      .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
      .innerJoin('regions as r', 'r.code', 'a.region_code')
      .leftJoin('users as u', 'u.id', 'a.applicant_id')
      .leftJoin('files as f', 'f.id', 'a.letter_file_id')
      .leftJoin('events as e', 'e.id', 'a.event_id')
      .select([
        'a.id',
        'a.call_id',
        'a.organisation_id',
        'a.applicant_id',
        'a.region_code',
        day('a.starts_on').as('starts_on'),
        day('a.ends_on').as('ends_on'),
        'a.theme',
        'a.venue',
        'a.motivation',
        'a.letter_file_id',
        'a.status',
        'a.event_id',
        'a.sample',
        'a.created_at',
        'a.updated_at',
        'c.title as call_title',
        'c.deadline as call_deadline',
        'c.status as call_status',
        'o.slug as org_slug',
        'o.name as org_name',
        'o.type as org_type',
        'r.name as region_name',
        'r.country_code as region_country',
        'u.name as applicant_name',
        'f.file_name as letter_name',
        'f.byte_size as letter_size',
        'e.slug as event_slug',
        'e.title as event_title',
      ]);

  return {
    listCalls: (statuses: readonly ('draft' | 'open' | 'closed')[]) =>
      db
        .selectFrom('host_calls')
        .selectAll()
        .where('status', 'in', statuses)
        .orderBy('deadline', 'desc')
        .execute(),
    findCall: (id: string) => db.selectFrom('host_calls').selectAll().where('id', '=', id).executeTakeFirst(),
    insertCall: (values: {
      title: string;
      body: string;
      criteria: string;
      deadline: string;
      status: 'draft' | 'open' | 'closed';
      created_by: string;
    }) => db.insertInto('host_calls').values(values).returning('id').executeTakeFirstOrThrow(),
    updateCall: (id: string, patch: Updateable<DB['host_calls']>) =>
      db
        .updateTable('host_calls')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    reviewCount: async (callId: string) =>
      Number(
        (
          await db
            .selectFrom('host_application_reviews as rv')
            .innerJoin('host_applications as a', 'a.id', 'rv.application_id')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('a.call_id', '=', callId)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    /** Published directory organisations of an applicant type that the user administers. */
    eligibleOrganisations: (userId: string) =>
      db
        .selectFrom('organisation_users as ou')
        .innerJoin('organisations as o', 'o.id', 'ou.organisation_id')
        .select(['o.id', 'o.name', 'o.type'])
        .where('ou.user_id', '=', userId)
        .where('ou.role', '=', 'admin')
        .where('o.status', '=', 'published')
        .where('o.type', 'in', HOST_APPLICANT_TYPES)
        .orderBy('o.name')
        .execute(),
    organisation: (id: string) =>
      db.selectFrom('organisations').select(['id', 'type', 'status']).where('id', '=', id).executeTakeFirst(),
    region: (code: string) =>
      db.selectFrom('regions').select(['code', 'level', 'name']).where('code', '=', code).executeTakeFirst(),

    findApplication: (id: string) => applications().where('a.id', '=', id).executeTakeFirst(),
    applicationsOfCall: (callId: string) =>
      applications().where('a.call_id', '=', callId).orderBy('a.created_at').execute(),
    /** The caller's applications to a call: those they made or that their organisations made. */
    myApplications: (callId: string, userId: string, organisationIds: string[]) =>
      applications()
        .where('a.call_id', '=', callId)
        .where((eb) =>
          organisationIds.length
            ? eb.or([eb('a.applicant_id', '=', userId), eb('a.organisation_id', 'in', organisationIds)])
            : eb('a.applicant_id', '=', userId),
        )
        .orderBy('a.created_at', 'desc')
        .execute(),
    insertApplication: (values: {
      call_id: string;
      organisation_id: string;
      applicant_id: string;
      region_code: string;
      starts_on: string;
      ends_on: string;
      theme: string;
      venue: string;
      motivation: string;
    }) => db.insertInto('host_applications').values(values).returning('id').executeTakeFirstOrThrow(),
    updateApplication: (id: string, patch: Updateable<DB['host_applications']>) =>
      db
        .updateTable('host_applications')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    /** Stores the new letter and drops the one it replaces, in one transaction. */
    setLetter: (id: string, file: { bytes: Buffer; fileName: string }, userId: string) =>
      db.transaction().execute(async (trx) => {
        const old = await trx
          .selectFrom('host_applications')
          .select('letter_file_id')
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const fileId = await insertFile(trx, { ...file, contentType: 'application/pdf' }, userId);
        await trx
          .updateTable('host_applications')
          .set({ letter_file_id: fileId, updated_at: new Date() })
          .where('id', '=', id)
          .execute();
        await deleteFiles(trx, [old.letter_file_id]);
      }),
    file: (id: string) => readFile(db, id),

    reviewsOfCall: (callId: string) =>
      db
        .selectFrom('host_application_reviews as rv')
        .innerJoin('host_applications as a', 'a.id', 'rv.application_id')
        .innerJoin('users as u', 'u.id', 'rv.reviewer_id')
        .select(['rv.application_id', 'rv.reviewer_id', 'u.name', 'rv.scores', 'rv.comment', 'rv.updated_at'])
        .where('a.call_id', '=', callId)
        .orderBy('rv.updated_at')
        .execute(),
    upsertReview: (
      applicationId: string,
      reviewerId: string,
      scores: Record<string, number>,
      comment: string,
    ) =>
      db
        .insertInto('host_application_reviews')
        .values({
          application_id: applicationId,
          reviewer_id: reviewerId,
          scores: JSON.stringify(scores),
          comment,
        })
        .onConflict((oc) =>
          oc
            .columns(['application_id', 'reviewer_id'])
            .doUpdateSet({ scores: JSON.stringify(scores), comment, updated_at: new Date() }),
        )
        .execute(),

    /**
     * Turns a submitted application into a draft event from the template, in one transaction with the
     * application row locked, so two administrators selecting at once create one event. Returns null
     * when the application is no longer 'submitted'.
     */
    select: (
      applicationId: string,
      adminId: string,
      event: {
        title: string;
        summary: string;
        timeZone: string;
        startsAt: Date;
        endsAt: Date;
        venue: string;
        regionCode: string;
        sessions: (TemplateSession & { startsAt: Date; endsAt: Date })[];
      },
    ) =>
      db.transaction().execute(async (trx) => {
        const app = await trx
          .selectFrom('host_applications')
          .select(['status', 'organisation_id', 'applicant_id'])
          .where('id', '=', applicationId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (app.status !== 'submitted') return null;
        const base = slugify(event.title, 70);
        let slug = base;
        for (
          let n = 2;
          await trx.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst();
          n++
        )
          slug = `${base}-${n}`;
        const { id: eventId } = await trx
          .insertInto('events')
          .values({
            slug,
            title: event.title,
            summary: event.summary,
            starts_at: event.startsAt,
            ends_at: event.endsAt,
            time_zone: event.timeZone,
            venue_name: event.venue || null,
            host_region_code: event.regionCode,
            status: 'draft',
            created_by: adminId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('event_organisers')
          .values({ event_id: eventId, organisation_id: app.organisation_id, position: 0 })
          .execute();
        if (app.applicant_id) {
          await trx
            .insertInto('event_members')
            .values({ event_id: eventId, user_id: app.applicant_id, role: 'organiser' })
            .execute();
        }
        await trx
          .insertInto('event_sessions')
          .values(
            event.sessions.map((s) => ({
              event_id: eventId,
              type: s.type,
              title: s.title,
              starts_at: s.startsAt,
              ends_at: s.endsAt,
              b2b_slot_minutes: s.b2b?.slotMinutes ?? null,
              b2b_tables: s.b2b?.tables ?? null,
            })),
          )
          .execute();
        await trx
          .updateTable('host_applications')
          .set({ status: 'selected', event_id: eventId, updated_at: new Date() })
          .where('id', '=', applicationId)
          .execute();
        return { id: eventId, slug, title: event.title };
      }),
  };
}
export type CallsRepo = ReturnType<typeof callsRepo>;
export type ApplicationRow = NonNullable<Awaited<ReturnType<CallsRepo['findApplication']>>>;
export type CallRow = NonNullable<Awaited<ReturnType<CallsRepo['findCall']>>>;
