import { type ExpressionBuilder, type Kysely, sql, type Updateable } from 'kysely';
import type { DB, OrganisationType } from '../../server/db/schema.ts';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OrganisationFilter {
  q?: string | undefined;
  type?: OrganisationType | undefined;
  country?: string | undefined;
  region?: string | undefined;
  sample?: boolean | undefined;
  /** Members of the cluster with this id or slug. */
  cluster?: string | undefined;
}

/** Columns of an organisation summary, with its region's name. */
export function summaryColumns(eb: ExpressionBuilder<DB & { o: DB['organisations'] }, 'o'>) {
  return [
    'o.id',
    'o.slug',
    'o.name',
    'o.acronym',
    'o.type',
    'o.city',
    'o.country_code',
    'o.region_code',
    'o.sample',
    eb.selectFrom('regions as r').select('r.name').whereRef('r.code', '=', 'o.region_code').as('region_name'),
  ] as const;
}

export function organisationsRepo(db: Kysely<DB>) {
  const base = (f: OrganisationFilter) => {
    let q = db.selectFrom('organisations as o').where('o.status', '=', 'published');
    if (f.type) q = q.where('o.type', '=', f.type);
    if (f.country) q = q.where('o.country_code', '=', f.country);
    // A region filter covers the region and every region below it (ITC → ITC4).
    if (f.region) q = q.where('o.region_code', 'like', `${f.region}%`);
    if (f.sample !== undefined) q = q.where('o.sample', '=', f.sample);
    if (f.cluster) {
      const cluster = f.cluster;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('cluster_members as cm')
            .innerJoin('organisations as c', 'c.id', 'cm.cluster_id')
            .select('cm.member_id')
            .whereRef('cm.member_id', '=', 'o.id')
            .where(UUID_RE.test(cluster) ? 'c.id' : 'c.slug', '=', cluster),
        ),
      );
    }
    if (f.q) {
      const term = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([
          eb(sql`unaccent(lower(o.name))`, 'like', sql`unaccent(${term})`),
          eb(sql`lower(coalesce(o.acronym, ''))`, 'like', term),
          eb(sql`unaccent(lower(o.city))`, 'like', sql`unaccent(${term})`),
        ]),
      );
    }
    return q;
  };
  return {
    async list(f: OrganisationFilter, page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        base(f)
          .select(summaryColumns)
          .orderBy('o.sample')
          .orderBy('o.name')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base(f)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },
    findByIdOrSlug: (idOrSlug: string) =>
      db
        .selectFrom('organisations as o')
        .selectAll('o')
        .select((eb) =>
          eb
            .selectFrom('regions as r')
            .select('r.name')
            .whereRef('r.code', '=', 'o.region_code')
            .as('region_name'),
        )
        .where(UUID_RE.test(idOrSlug) ? 'o.id' : 'o.slug', '=', idOrSlug)
        .executeTakeFirst(),
    clustersOf: (id: string) =>
      db
        .selectFrom('cluster_members as cm')
        .innerJoin('organisations as o', 'o.id', 'cm.cluster_id')
        .select(summaryColumns)
        .where('cm.member_id', '=', id)
        .orderBy('o.name')
        .execute(),
    membersOf: (id: string, limit: number) =>
      db
        .selectFrom('cluster_members as cm')
        .innerJoin('organisations as o', 'o.id', 'cm.member_id')
        .select(summaryColumns)
        .where('cm.cluster_id', '=', id)
        .orderBy('o.name')
        .limit(limit)
        .execute(),
    memberCountsByType: (id: string) =>
      db
        .selectFrom('cluster_members as cm')
        .innerJoin('organisations as o', 'o.id', 'cm.member_id')
        .select(['o.type', (eb) => eb.fn.countAll<number>().as('count')])
        .where('cm.cluster_id', '=', id)
        .groupBy('o.type')
        .orderBy('count', 'desc')
        .execute(),
    peopleOf: (id: string) =>
      db
        .selectFrom('people')
        .select(['id', 'slug', 'full_name', 'honorific', 'job_title', 'sample'])
        .where('organisation_id', '=', id)
        .orderBy('sample')
        .orderBy('full_name')
        .limit(200)
        .execute(),
    eventsOrganisedBy: (id: string) =>
      db
        .selectFrom('event_organisers as eo')
        .innerJoin('events as e', 'e.id', 'eo.event_id')
        .select(['e.id', 'e.slug', 'e.title', 'e.starts_at', 'e.time_zone'])
        .where('eo.organisation_id', '=', id)
        .where('e.status', '<>', 'draft')
        .orderBy('e.starts_at', 'desc')
        .execute(),
    update: (id: string, patch: Updateable<DB['organisations']>) =>
      db
        .updateTable('organisations')
        .set({ ...patch, updated_at: new Date() })
        .where('id', '=', id)
        .execute(),
    regionExists: async (code: string) =>
      !!(await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()),
  };
}
export type OrganisationsRepo = ReturnType<typeof organisationsRepo>;
