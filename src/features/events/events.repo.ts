import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { summaryColumns, UUID_RE } from '../organisations/organisations.repo.ts';

export interface EventFilter {
  when: 'upcoming' | 'past' | 'all';
  region?: string | undefined;
  /** Drafts are listed only for these event ids (the actor's own) or for administrators. */
  includeDraftsOf: 'all' | string[];
}

export function eventsRepo(db: Kysely<DB>) {
  const base = (f: EventFilter, now: Date) => {
    let q = db.selectFrom('events as e');
    if (f.when === 'upcoming') q = q.where('e.ends_at', '>=', now);
    if (f.when === 'past') q = q.where('e.ends_at', '<', now);
    if (f.region) q = q.where('e.host_region_code', 'like', `${f.region}%`);
    if (f.includeDraftsOf !== 'all') {
      const own = f.includeDraftsOf;
      q = q.where((eb) =>
        own.length
          ? eb.or([eb('e.status', '<>', 'draft'), eb('e.id', 'in', own)])
          : eb('e.status', '<>', 'draft'),
      );
    }
    return q;
  };
  const summary = [
    'e.id',
    'e.slug',
    'e.title',
    'e.summary',
    'e.starts_at',
    'e.ends_at',
    'e.time_zone',
    'e.city',
    'e.host_region_code',
    'e.status',
    'e.sample',
  ] as const;
  return {
    async list(f: EventFilter, page: number, pageSize: number, now = new Date()) {
      const order = f.when === 'past' ? 'desc' : 'asc';
      const [items, total] = await Promise.all([
        base(f, now)
          .leftJoin('regions as r', 'r.code', 'e.host_region_code')
          .select([...summary, 'r.name as region_name', 'r.level as region_level'])
          .orderBy('e.starts_at', order)
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base(f, now)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },
    find: (idOrSlug: string) =>
      db
        .selectFrom('events as e')
        .leftJoin('regions as r', 'r.code', 'e.host_region_code')
        .selectAll('e')
        .select(['r.name as region_name', 'r.level as region_level'])
        .where(UUID_RE.test(idOrSlug) ? 'e.id' : 'e.slug', '=', idOrSlug)
        .executeTakeFirst(),
    organisers: (eventId: string) =>
      db
        .selectFrom('event_organisers as eo')
        .innerJoin('organisations as o', 'o.id', 'eo.organisation_id')
        .select(summaryColumns)
        .where('eo.event_id', '=', eventId)
        .orderBy('eo.position')
        .execute(),
    people: (eventId: string) =>
      db
        .selectFrom('event_people as ep')
        .innerJoin('people as p', 'p.id', 'ep.person_id')
        .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select([
          'p.id',
          'p.slug',
          'p.full_name',
          'p.honorific',
          'p.job_title',
          'p.sample',
          'ep.role',
          'o.id as org_id',
          'o.slug as org_slug',
          'o.name as org_name',
        ])
        .where('ep.event_id', '=', eventId)
        .orderBy('ep.position')
        .orderBy('p.full_name')
        .execute(),
    slugTaken: async (slug: string) =>
      !!(await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst()),
    regionExists: async (code: string) =>
      !!(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()),
    existingOrganisations: async (ids: string[]) =>
      ids.length
        ? (await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute()).map(
            (r) => r.id,
          )
        : [],
    insert: (e: Insertable<DB['events']>, organiserIds: string[], creatorId: string) =>
      db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('events').values(e).returning(['id']).executeTakeFirstOrThrow();
        if (organiserIds.length) {
          await trx
            .insertInto('event_organisers')
            .values(
              organiserIds.map((organisation_id, position) => ({
                event_id: row.id,
                organisation_id,
                position,
              })),
            )
            .execute();
        }
        await trx
          .insertInto('event_members')
          .values({ event_id: row.id, user_id: creatorId, role: 'organiser' })
          .execute();
        return row.id;
      }),
    update: (id: string, patch: Updateable<DB['events']>) =>
      db
        .updateTable('events')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    findUserByEmail: (email: string) =>
      db
        .selectFrom('users')
        .select(['id'])
        .where(
          'email',
          'ilike',
          email.replace(/[\\%_]/g, (c) => `\\${c}`),
        )
        .executeTakeFirst(),
    upsertMember: (eventId: string, userId: string, role: 'organiser' | 'participant' | 'juror') =>
      db
        .insertInto('event_members')
        .values({ event_id: eventId, user_id: userId, role })
        .onConflict((oc) => oc.columns(['event_id', 'user_id']).doUpdateSet({ role }))
        .execute(),
  };
}
export type EventsRepo = ReturnType<typeof eventsRepo>;
