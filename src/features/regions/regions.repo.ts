import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { summaryColumns } from '../organisations/organisations.repo.ts';

export interface RegionFilter {
  level?: number | undefined;
  country?: string | undefined;
  parent?: string | undefined;
  q?: string | undefined;
}

export function regionsRepo(db: Kysely<DB>) {
  const base = (f: RegionFilter) => {
    let q = db.selectFrom('regions');
    if (f.level !== undefined) q = q.where('level', '=', f.level);
    if (f.country) q = q.where('country_code', '=', f.country);
    if (f.parent) q = q.where('parent_code', '=', f.parent);
    if (f.q) {
      const term = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([
          eb(sql`unaccent(lower(name_latn))`, 'like', sql`unaccent(${term})`),
          eb(sql`unaccent(lower(name))`, 'like', sql`unaccent(${term})`),
          eb(sql`lower(code)`, 'like', term),
        ]),
      );
    }
    return q;
  };
  return {
    async list(f: RegionFilter, page: number, pageSize: number) {
      const [items, total] = await Promise.all([
        base(f)
          .selectAll()
          .orderBy('code')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base(f)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },
    find: (code: string) => db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst(),
    findMany: (codes: string[]) =>
      codes.length
        ? db.selectFrom('regions').select(['code', 'name', 'level']).where('code', 'in', codes).execute()
        : Promise.resolve([]),
    children: (code: string) =>
      db
        .selectFrom('regions')
        .select(['code', 'name', 'level'])
        .where('parent_code', '=', code)
        .orderBy('code')
        .execute(),
    async organisations(code: string, limit: number) {
      const prefix = `${code}%`;
      const [items, total] = await Promise.all([
        db
          .selectFrom('organisations as o')
          .select(summaryColumns)
          .where('o.region_code', 'like', prefix)
          .where('o.status', '=', 'published')
          .orderBy('o.sample')
          .orderBy('o.name')
          .limit(limit)
          .execute(),
        db
          .selectFrom('organisations as o')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('o.region_code', 'like', prefix)
          .where('o.status', '=', 'published')
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },
    eventsIn: (code: string) =>
      db
        .selectFrom('events')
        .select(['id', 'slug', 'title', 'starts_at', 'time_zone'])
        .where('host_region_code', 'like', `${code}%`)
        .where('status', '<>', 'draft')
        .orderBy('starts_at', 'desc')
        .limit(50)
        .execute(),
    /**
     * What the directory holds for a region and the regions below it (published organisations):
     * counts by type, by industrial ecosystem and by NACE section, and its clusters with their members.
     */
    async composition(code: string) {
      const prefix = `${code}%`;
      const orgs = () =>
        db
          .selectFrom('organisations as o')
          .where('o.region_code', 'like', prefix)
          .where('o.status', '=', 'published');
      const [totals, byType, byEcosystem, bySection, clusters] = await Promise.all([
        orgs()
          .select((eb) => [
            eb.fn.countAll<number>().as('n'),
            eb.fn.count<number>('o.id').filterWhere('o.sample', '=', true).as('sample'),
          ])
          .executeTakeFirstOrThrow(),
        orgs()
          .select((eb) => ['o.type', eb.fn.countAll<number>().as('n')])
          .groupBy('o.type')
          .orderBy('n', 'desc')
          .execute(),
        sql<{ key: string; n: number }>`
          select e as key, count(*)::int as n
          from organisations o, unnest(o.ecosystems) e
          where o.region_code like ${prefix} and o.status = 'published'
          group by e order by n desc, e`.execute(db),
        sql<{ key: string; n: number }>`
          select s as key, count(*)::int as n
          from organisations o, unnest(o.nace_sections) s
          where o.region_code like ${prefix} and o.status = 'published'
          group by s order by n desc, s`.execute(db),
        orgs()
          .where('o.type', '=', 'cluster')
          .leftJoin('cluster_members as m', 'm.cluster_id', 'o.id')
          .select((eb) => [
            'o.id',
            'o.slug',
            'o.name',
            'o.sample',
            eb.fn.count<number>('m.member_id').as('members'),
          ])
          .groupBy(['o.id', 'o.slug', 'o.name', 'o.sample'])
          .orderBy('members', 'desc')
          .orderBy('o.name')
          .limit(100)
          .execute(),
      ]);
      return {
        total: Number(totals.n),
        sample: Number(totals.sample),
        byType: byType.map((r) => ({ key: r.type as string, n: Number(r.n) })),
        byEcosystem: byEcosystem.rows,
        byNaceSection: bySection.rows,
        clusters: clusters.map((c) => ({ ...c, members: Number(c.members) })),
      };
    },
    count: async () =>
      Number(
        (
          await db
            .selectFrom('regions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
}
export type RegionsRepo = ReturnType<typeof regionsRepo>;
