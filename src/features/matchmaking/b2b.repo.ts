import { type Kysely, sql } from 'kysely';
import type { DB, RegistrationCategory } from '../../server/db/schema.ts';
import { UUID_RE } from '../organisations/organisations.repo.ts';
import { meetingQueries } from './b2b-meetings.repo.ts';
import type { B2bSessionRow, Interval } from './slots.ts';

export type { RequestRow } from './b2b-meetings.repo.ts';

export interface PersonRow {
  registrationId: string;
  userId: string;
  name: string;
  email: string;
  jobTitle: string | null;
  category: RegistrationCategory;
  countryCode: string | null;
  status: string;
  organisation: { id: string; slug: string; name: string; ecosystems: string[] } | null;
  offer: string;
  seek: string;
  optedIn: boolean;
  consentContact: boolean;
  sample: boolean;
}

export interface ParticipantFilter {
  q?: string | undefined;
  category?: string | undefined;
  country?: string | undefined;
  ecosystem?: string | undefined;
}

/** SQL of the B2B tables, over a Kysely or a transaction. */
function participantQueries(db: Kysely<DB>) {
  /** Registrations with their display name, effective organisation and profile. */
  const people = () =>
    db
      .selectFrom('registrations as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .leftJoin('people as pe', 'pe.id', 'r.person_id')
      .leftJoin('b2b_profiles as bp', 'bp.registration_id', 'r.id')
      .leftJoin('organisations as o', (j) =>
        j.on(sql`o.id`, '=', sql`coalesce(bp.organisation_id, r.organisation_id)`),
      )
      .select([
        'r.id as registrationId',
        'r.user_id as userId',
        sql<string>`coalesce(pe.full_name, u.name)`.as('name'),
        'u.email',
        'r.job_title as jobTitle',
        'r.category',
        sql<string | null>`coalesce(r.country_code, o.country_code)`.as('countryCode'),
        'r.status',
        'o.id as orgId',
        'o.slug as orgSlug',
        'o.name as orgName',
        'o.ecosystems as orgEcosystems',
        sql<string>`coalesce(bp.offer, '')`.as('offer'),
        sql<string>`coalesce(bp.seek, '')`.as('seek'),
        sql<boolean>`coalesce(bp.active, false)`.as('optedIn'),
        sql<boolean>`r.consent_contact_at is not null`.as('consentContact'),
        sql<boolean>`r.sample or coalesce(bp.sample, false)`.as('sample'),
      ]);
  type Raw = Awaited<ReturnType<ReturnType<typeof people>['execute']>>[number];
  const toPerson = (r: Raw): PersonRow => ({
    registrationId: r.registrationId,
    userId: r.userId,
    name: r.name,
    email: r.email,
    jobTitle: r.jobTitle,
    category: r.category,
    countryCode: r.countryCode,
    status: r.status,
    organisation:
      r.orgId && r.orgSlug && r.orgName
        ? { id: r.orgId, slug: r.orgSlug, name: r.orgName, ecosystems: r.orgEcosystems ?? [] }
        : null,
    offer: r.offer,
    seek: r.seek,
    optedIn: r.optedIn,
    consentContact: r.consentContact,
    sample: r.sample,
  });

  return {
    findEvent: (idOrSlug: string) =>
      db
        .selectFrom('events')
        .select(['id', 'slug', 'title', 'status', 'time_zone', 'b2b_mode'])
        .where(UUID_RE.test(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
        .executeTakeFirst(),

    /** Locks the event row: publishing and mode changes of one event run one at a time. */
    lockEvent: (eventId: string) =>
      db.selectFrom('events').select('id').where('id', '=', eventId).forUpdate().executeTakeFirst(),

    setMode: (eventId: string, mode: 'first_come' | 'scheduler') =>
      db
        .updateTable('events')
        .set({ b2b_mode: mode, updated_at: new Date() })
        .where('id', '=', eventId)
        .execute(),

    registrationOf: (eventId: string, userId: string) =>
      db
        .selectFrom('registrations')
        .select(['id', 'status', 'organisation_id', 'person_id'])
        .where('event_id', '=', eventId)
        .where('user_id', '=', userId)
        .executeTakeFirst(),

    async people(eventId: string, ids: string[]): Promise<PersonRow[]> {
      if (ids.length === 0) return [];
      const rows = await people().where('r.event_id', '=', eventId).where('r.id', 'in', ids).execute();
      return rows.map(toPerson);
    },

    /**
     * Confirmed registrations that opted in to B2B, except the given one, whose users belong to the
     * organisation (organisation_users: an accepted membership): the colleagues one may invite to a
     * team. Someone who did not opt in is neither shown nor invited.
     */
    async colleagues(eventId: string, registrationId: string, organisationId: string): Promise<PersonRow[]> {
      const rows = await people()
        .where('r.event_id', '=', eventId)
        .where('r.status', '=', 'confirmed')
        .where('bp.active', '=', true)
        .where('r.id', '<>', registrationId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('organisation_users as ou')
              .select('ou.user_id')
              .whereRef('ou.user_id', '=', 'r.user_id')
              .where('ou.organisation_id', '=', organisationId),
          ),
        )
        .orderBy('name')
        .limit(50)
        .execute();
      return rows.map(toPerson);
    },

    async participants(eventId: string, f: ParticipantFilter, page: number, pageSize: number) {
      let q = people()
        .where('r.event_id', '=', eventId)
        .where('r.status', '=', 'confirmed')
        .where('bp.active', '=', true);
      if (f.category) q = q.where('r.category', '=', f.category as RegistrationCategory);
      if (f.country) q = q.where(sql`coalesce(r.country_code, o.country_code)`, '=', f.country);
      if (f.ecosystem) q = q.where(sql<boolean>`${f.ecosystem} = any(o.ecosystems)`);
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where(
          sql<boolean>`(coalesce(pe.full_name, u.name) ilike ${like} or o.name ilike ${like}
            or bp.offer ilike ${like} or bp.seek ilike ${like} or r.job_title ilike ${like})`,
        );
      }
      const [rows, total] = await Promise.all([
        q
          .orderBy('name')
          .orderBy('r.id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toPerson), total: total.n };
    },

    /** Countries and ecosystems among the opted-in participants, for the filters. */
    async facets(eventId: string) {
      const rows = await people()
        .where('r.event_id', '=', eventId)
        .where('r.status', '=', 'confirmed')
        .where('bp.active', '=', true)
        .execute();
      const countries = new Set<string>();
      const ecosystems = new Set<string>();
      for (const r of rows) {
        if (r.countryCode) countries.add(r.countryCode);
        for (const e of r.orgEcosystems ?? []) ecosystems.add(e);
      }
      return { countries: [...countries].sort(), ecosystems: [...ecosystems].sort() };
    },

    profile: (registrationId: string) =>
      db
        .selectFrom('b2b_profiles')
        .selectAll()
        .where('registration_id', '=', registrationId)
        .executeTakeFirst(),

    upsertProfile: (row: {
      registration_id: string;
      event_id: string;
      offer: string;
      seek: string;
      organisation_id: string | null;
      sample?: boolean;
    }) =>
      db
        .insertInto('b2b_profiles')
        .values({ ...row, active: true })
        .onConflict((oc) =>
          oc.column('registration_id').doUpdateSet({
            offer: row.offer,
            seek: row.seek,
            organisation_id: row.organisation_id,
            active: true,
            updated_at: new Date(),
          }),
        )
        .execute(),

    /**
     * Opting out ends the participant's pending requests (withdrawn when they asked, declined when they
     * were asked) and declines their pending team invitations; accepted meetings stay, since their
     * people agreed to them.
     */
    optOut: (registrationId: string) =>
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('b2b_profiles')
          .set({ active: false, updated_at: new Date() })
          .where('registration_id', '=', registrationId)
          .execute();
        await trx
          .updateTable('b2b_requests')
          .set((eb) => ({
            status: eb
              .case()
              .when('requester_id', '=', registrationId)
              .then('withdrawn' as const)
              .else('declined' as const)
              .end(),
            responded_at: new Date(),
            updated_at: new Date(),
          }))
          .where((eb) =>
            eb.or([eb('requester_id', '=', registrationId), eb('addressee_id', '=', registrationId)]),
          )
          .where('status', '=', 'pending')
          .execute();
        await trx
          .updateTable('b2b_request_members')
          .set({ status: 'declined', responded_at: new Date() })
          .where('registration_id', '=', registrationId)
          .where('status', '=', 'pending')
          .execute();
      }),

    organisation: (id: string) =>
      db.selectFrom('organisations').select(['id', 'status']).where('id', '=', id).executeTakeFirst(),

    /** Which of the users belong to the organisation (an accepted membership in organisation_users). */
    async organisationUsers(organisationId: string, userIds: string[]): Promise<Set<string>> {
      if (userIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('organisation_users')
        .select('user_id')
        .where('organisation_id', '=', organisationId)
        .where('user_id', 'in', userIds)
        .execute();
      return new Set(rows.map((r) => r.user_id));
    },

    async sessions(eventId: string): Promise<B2bSessionRow[]> {
      const rows = await db
        .selectFrom('event_sessions')
        .select(['id', 'title', 'room', 'starts_at', 'ends_at', 'b2b_slot_minutes', 'b2b_tables'])
        .where('event_id', '=', eventId)
        .where('type', '=', 'b2b')
        .orderBy('starts_at')
        .execute();
      return rows.map((s) => ({
        id: s.id,
        title: s.title,
        room: s.room,
        startsAt: new Date(s.starts_at),
        endsAt: new Date(s.ends_at),
        slotMinutes: s.b2b_slot_minutes ?? 30,
        tables: s.b2b_tables ?? 1,
      }));
    },

    /**
     * The agenda items of each registration: sessions they have a role in (through their directory
     * person) and sessions they signed up for (site visits). B2B sessions themselves do not count.
     */
    async agendaBusy(eventId: string, registrationIds: string[]): Promise<Map<string, Interval[]>> {
      const out = new Map<string, Interval[]>();
      if (registrationIds.length === 0) return out;
      const roles = db
        .selectFrom('registrations as r')
        .innerJoin('session_people as sp', 'sp.person_id', 'r.person_id')
        .innerJoin('event_sessions as s', 's.id', 'sp.session_id')
        .select(['r.id as rid', 's.starts_at', 's.ends_at'])
        .where('r.id', 'in', registrationIds)
        .where('s.event_id', '=', eventId)
        .where('s.type', '<>', 'b2b');
      const signups = db
        .selectFrom('session_signups as su')
        .innerJoin('event_sessions as s', 's.id', 'su.session_id')
        .select(['su.registration_id as rid', 's.starts_at', 's.ends_at'])
        .where('su.registration_id', 'in', registrationIds)
        .where('s.event_id', '=', eventId)
        .where('s.type', '<>', 'b2b');
      for (const r of await roles.unionAll(signups).execute()) {
        const list = out.get(r.rid) ?? [];
        list.push({ start: new Date(r.starts_at).getTime(), end: new Date(r.ends_at).getTime() });
        out.set(r.rid, list);
      }
      return out;
    },

    /** The time ranges each registration blocked by hand. */
    async blocked(registrationIds: string[]): Promise<Map<string, Interval[]>> {
      const out = new Map<string, Interval[]>();
      if (registrationIds.length === 0) return out;
      const rows = await db
        .selectFrom('b2b_blocked_slots')
        .selectAll()
        .where('registration_id', 'in', registrationIds)
        .execute();
      for (const r of rows) {
        const list = out.get(r.registration_id) ?? [];
        list.push({ start: new Date(r.starts_at).getTime(), end: new Date(r.ends_at).getTime() });
        out.set(r.registration_id, list);
      }
      return out;
    },

    async setBlocked(registrationId: string, ranges: { startsAt: string; endsAt: string }[]) {
      await db.deleteFrom('b2b_blocked_slots').where('registration_id', '=', registrationId).execute();
      if (ranges.length)
        await db
          .insertInto('b2b_blocked_slots')
          .values(
            ranges.map((r) => ({
              registration_id: registrationId,
              starts_at: r.startsAt,
              ends_at: r.endsAt,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
    },
  };
}
/** Every B2B query over one connection or transaction. */
function b2bQueries(db: Kysely<DB>) {
  return { ...participantQueries(db), ...meetingQueries(db) };
}
export type B2bQueries = ReturnType<typeof b2bQueries>;

/** The queries, plus transactions in which services compose them. */
export function b2bRepo(db: Kysely<DB>) {
  return {
    ...b2bQueries(db),
    transaction: <T>(fn: (tx: B2bQueries) => Promise<T>) =>
      db.transaction().execute((trx) => fn(b2bQueries(trx))),
  };
}
export type B2bRepo = ReturnType<typeof b2bRepo>;

/**
 * A cancelled registration leaves B2B: its profile goes inactive, its open requests end (withdrawn when
 * it asked, declined when it was asked), their meetings are removed so partners and tables are free
 * again, and it leaves the teams of other meetings. Runs in the cancelling transaction.
 */
export async function releaseRegistrationB2b(trx: Kysely<DB>, registrationId: string): Promise<void> {
  await trx
    .updateTable('b2b_profiles')
    .set({ active: false, updated_at: new Date() })
    .where('registration_id', '=', registrationId)
    .execute();
  const ended = await trx
    .updateTable('b2b_requests')
    .set((eb) => ({
      status: eb
        .case()
        .when('requester_id', '=', registrationId)
        .then('withdrawn' as const)
        .else('declined' as const)
        .end(),
      responded_at: new Date(),
      updated_at: new Date(),
    }))
    .where((eb) => eb.or([eb('requester_id', '=', registrationId), eb('addressee_id', '=', registrationId)]))
    .where('status', 'in', ['pending', 'accepted'])
    .returning('id')
    .execute();
  if (ended.length > 0)
    await trx
      .deleteFrom('b2b_meetings')
      .where(
        'request_id',
        'in',
        ended.map((r) => r.id),
      )
      .execute();
  await trx.deleteFrom('b2b_request_members').where('registration_id', '=', registrationId).execute();
  await trx.deleteFrom('b2b_meeting_participants').where('registration_id', '=', registrationId).execute();
}
