import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB, RegistrationStatus } from '../../server/db/schema.ts';
import { slugify } from '../../shared/slug.ts';
import { UUID_RE } from '../organisations/organisations.repo.ts';
import type { ListRegistrationsFilter } from './registrations.schemas.ts';

const EVENT_COLUMNS = [
  'id',
  'slug',
  'title',
  'status',
  'starts_at',
  'ends_at',
  'time_zone',
  'venue_name',
  'city',
  'capacity',
  'requires_approval',
  'registration_opens_at',
  'registration_closes_at',
] as const;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Registrations with everything the API shows: participant, organisation, person, event, check-in. */
function detail(db: Kysely<DB>) {
  return db
    .selectFrom('registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('users as cu', 'cu.id', 'r.checked_in_by')
    .selectAll('r')
    .select([
      'u.name as user_name',
      'u.email as user_email',
      'e.slug as event_slug',
      'e.title as event_title',
      'o.slug as org_slug',
      'o.name as org_name',
      'o.status as org_status',
      'p.slug as person_slug',
      'p.full_name as person_name',
      'cu.name as checked_in_by_name',
      // 1 for the next to be promoted: the waiting list is ordered by when each entered it.
      sql<number | null>`case when r.status = 'waitlisted' then (
        select count(*)::int + 1 from registrations w
        where w.event_id = r.event_id and w.status = 'waitlisted'
          and (w.status_changed_at, w.id) < (r.status_changed_at, r.id)) end`.as('waitlist_position'),
    ]);
}
export type RegistrationRow = Awaited<ReturnType<ReturnType<typeof detail>['executeTakeFirstOrThrow']>>;

export function registrationsRepo(db: Kysely<DB>) {
  return {
    findEvent: (idOrSlug: string) =>
      db
        .selectFrom('events')
        .select(EVENT_COLUMNS)
        .where(UUID_RE.test(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
        .executeTakeFirst(),

    /** The event row, locked: every change of who holds a seat takes this lock first, then counts. */
    lockEvent: (trx: Kysely<DB>, id: string) =>
      trx
        .selectFrom('events')
        .select(EVENT_COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow(),

    async confirmed(trx: Kysely<DB>, eventId: string): Promise<number> {
      const r = await trx
        .selectFrom('registrations')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('event_id', '=', eventId)
        .where('status', '=', 'confirmed')
        .executeTakeFirstOrThrow();
      return r.n;
    },

    async counts(eventId: string) {
      const rows = await db
        .selectFrom('registrations')
        .select([
          'status',
          sql<number>`count(*)::int`.as('n'),
          sql<number>`count(checked_in_at)::int`.as('c'),
        ])
        .where('event_id', '=', eventId)
        .groupBy('status')
        .execute();
      const byStatus: Record<RegistrationStatus, number> = {
        pending: 0,
        confirmed: 0,
        waitlisted: 0,
        cancelled: 0,
        rejected: 0,
      };
      let checkedIn = 0;
      for (const r of rows) {
        byStatus[r.status] = r.n;
        if (r.status === 'confirmed') checkedIn = r.c;
      }
      return { byStatus, checkedIn };
    },

    lockOwn: (trx: Kysely<DB>, eventId: string, userId: string) =>
      trx
        .selectFrom('registrations')
        .select(['id', 'status'])
        .where('event_id', '=', eventId)
        .where('user_id', '=', userId)
        .forUpdate()
        .executeTakeFirst(),

    lockById: (trx: Kysely<DB>, id: string) =>
      trx
        .selectFrom('registrations')
        .select(['id', 'event_id', 'user_id', 'status', 'checked_in_at'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    insert: async (trx: Kysely<DB>, values: Insertable<DB['registrations']>) =>
      (
        await trx
          .insertInto('registrations')
          .values({ ...values, status_changed_at: sql`clock_timestamp()` })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,

    update: (trx: Kysely<DB>, id: string, set: Updateable<DB['registrations']>) =>
      trx
        .updateTable('registrations')
        .set({ ...set, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),

    /**
     * A cancelled registration gives its site-visit seats back for good: the sign-ups are deleted, not just
     * left uncounted, or registering again would revive them over seats others have taken since.
     */
    dropSignups: (trx: Kysely<DB>, id: string) =>
      trx
        .deleteFrom('session_signups')
        .where('registration_id', '=', id)
        .execute()
        .then(() => {}),

    /**
     * Moves registrations to a status; the clock (not the transaction's start) orders the waiting list,
     * so the order is the order in which transactions took the event lock.
     */
    setStatus: (trx: Kysely<DB>, ids: readonly string[], status: RegistrationStatus) =>
      ids.length === 0
        ? Promise.resolve()
        : trx
            .updateTable('registrations')
            .set({ status, status_changed_at: sql`clock_timestamp()`, updated_at: new Date() })
            .where('id', 'in', ids)
            .execute()
            .then(() => {}),

    nextWaitlisted: async (trx: Kysely<DB>, eventId: string, limit: number | null) => {
      let q = trx
        .selectFrom('registrations')
        .select('id')
        .where('event_id', '=', eventId)
        .where('status', '=', 'waitlisted')
        .orderBy('status_changed_at')
        .orderBy('id');
      if (limit !== null) q = q.limit(limit);
      return (await q.execute()).map((r) => r.id);
    },

    recipients: (trx: Kysely<DB>, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : trx
            .selectFrom('registrations as r')
            .innerJoin('users as u', 'u.id', 'r.user_id')
            .select(['r.id', 'u.id as user_id', 'u.email', 'u.name', 'u.locale'])
            .where('r.id', 'in', ids)
            .execute(),

    get: (id: string, trx: Kysely<DB> = db) => detail(trx).where('r.id', '=', id).executeTakeFirst(),
    own: (eventId: string, userId: string) =>
      detail(db).where('r.event_id', '=', eventId).where('r.user_id', '=', userId).executeTakeFirst(),
    byBadge: (eventId: string, code: string) =>
      detail(db).where('r.event_id', '=', eventId).where('r.badge_code', '=', code).executeTakeFirst(),

    async list(eventId: string, f: ListRegistrationsFilter, page: number, pageSize: number) {
      let q = detail(db).where('r.event_id', '=', eventId);
      if (f.status) q = q.where('r.status', '=', f.status);
      if (f.category) q = q.where('r.category', '=', f.category);
      if (f.checkedIn) q = q.where('r.checked_in_at', f.checkedIn === 'yes' ? 'is not' : 'is', null);
      if (f.q) {
        const pattern = like(f.q);
        q = q.where((eb) =>
          eb.or([
            eb('u.name', 'ilike', pattern),
            eb('u.email', 'ilike', pattern),
            eb('o.name', 'ilike', pattern),
            eb('o.acronym', 'ilike', pattern),
            eb('r.badge_code', '=', f.q!.toUpperCase()),
          ]),
        );
      }
      const [items, total] = await Promise.all([
        q
          .orderBy('u.name')
          .orderBy('r.id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: total.n };
    },

    /** Confirmed participants for the organisers' CSV, by name. */
    exportRows: (eventId: string) =>
      db
        .selectFrom('registrations as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
        .leftJoin('people as p', 'p.id', 'r.person_id')
        .select([
          sql<string>`coalesce(p.full_name, u.name)`.as('name'),
          'u.email',
          'o.name as organisation',
          'r.category',
          'r.country_code',
          'r.consent_contact_at',
        ])
        .where('r.event_id', '=', eventId)
        .where('r.status', '=', 'confirmed')
        .orderBy('name')
        .orderBy('r.id')
        .execute(),

    /** What a badge shows, for one registration or every confirmed one of the event. */
    badgeRows: (where: { eventId: string } | { registrationId: string }) => {
      let q = db
        .selectFrom('registrations as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
        .leftJoin('people as p', 'p.id', 'r.person_id')
        .select([
          sql<string>`coalesce(p.full_name, u.name)`.as('name'),
          'o.name as organisation',
          'r.category',
          'r.country_code',
          'r.badge_code',
        ]);
      q =
        'eventId' in where
          ? q.where('r.event_id', '=', where.eventId).where('r.status', '=', 'confirmed')
          : q.where('r.id', '=', where.registrationId);
      return q.orderBy('name').orderBy('r.id').execute();
    },

    user: (id: string) =>
      db
        .selectFrom('users')
        .select(['id', 'name', 'email', 'locale'])
        .where('id', '=', id)
        .executeTakeFirst(),

    /** The directory person of the account: the one linked by people.user_id, else a new one. */
    async ensurePerson(
      user: { id: string; name: string },
      organisationId: string | null,
      jobTitle: string | null,
    ): Promise<string> {
      const existing = await db
        .selectFrom('people')
        .select('id')
        .where('user_id', '=', user.id)
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      if (existing) return existing.id;
      const base = slugify(user.name, 70);
      for (let n = 1; ; n++) {
        const slug = n === 1 ? base : `${base}-${n}`;
        const taken = await db.selectFrom('people').select('id').where('slug', '=', slug).executeTakeFirst();
        if (taken) continue;
        try {
          const row = await db
            .insertInto('people')
            .values({
              slug,
              full_name: user.name,
              user_id: user.id,
              organisation_id: organisationId,
              job_title: jobTitle,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return row.id;
        } catch (e) {
          // A concurrent insert took the slug: try the next number.
          if ((e as { code?: string }).code !== '23505' || n > 50) throw e;
        }
      }
    },

    /** Checks in a confirmed participant not yet checked in; undefined when nothing changed. */
    checkIn: (id: string, by: string) =>
      db
        .updateTable('registrations')
        .set({ checked_in_at: new Date(), checked_in_by: by, updated_at: new Date() })
        .where('id', '=', id)
        .where('status', '=', 'confirmed')
        .where('checked_in_at', 'is', null)
        .returning('id')
        .executeTakeFirst(),

    undoCheckIn: (id: string) =>
      db
        .updateTable('registrations')
        .set({ checked_in_at: null, checked_in_by: null, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),

    organisationExists: async (id: string) =>
      !!(await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()),
  };
}
export type RegistrationsRepo = ReturnType<typeof registrationsRepo>;
export type RegistrationEvent = NonNullable<Awaited<ReturnType<RegistrationsRepo['findEvent']>>>;
