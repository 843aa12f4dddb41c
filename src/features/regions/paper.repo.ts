import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

export interface CountRow {
  key: string;
  n: number;
  /** Of which generated sample organisations. */
  sample: number;
}

/**
 * The directory side of an Input Paper: the published organisations of a region and the regions below
 * it, counted by type, ecosystem and NACE section with the sample ones counted apart, and its clusters
 * with their members. One statement per table, all on the region-prefix index.
 */
export function paperRepo(db: Kysely<DB>) {
  return {
    async composition(code: string) {
      const prefix = `${code}%`;
      const counts = (group: ReturnType<typeof sql>) =>
        sql<CountRow>`
          select ${group} as key, count(*)::int as n, (count(*) filter (where o.sample))::int as sample
          from organisations o
          where o.region_code like ${prefix} and o.status = 'published'
          group by 1 order by n desc, key`
          .execute(db)
          .then((r) => r.rows);
      const unnested = (column: 'ecosystems' | 'nace_sections') =>
        sql<CountRow>`
          select x as key, count(*)::int as n, (count(*) filter (where o.sample))::int as sample
          from organisations o, unnest(o.${sql.ref(column)}) x
          where o.region_code like ${prefix} and o.status = 'published'
          group by 1 order by n desc, key`
          .execute(db)
          .then((r) => r.rows);
      const [totals, byType, byEcosystem, byNaceSection, clusters] = await Promise.all([
        sql<{ n: number; sample: number }>`
          select count(*)::int as n, (count(*) filter (where sample))::int as sample
          from organisations where region_code like ${prefix} and status = 'published'`
          .execute(db)
          .then((r) => r.rows[0] ?? { n: 0, sample: 0 }),
        counts(sql`o.type`),
        unnested('ecosystems'),
        unnested('nace_sections'),
        sql<{
          id: string;
          slug: string;
          name: string;
          sample: boolean;
          members: number;
          sample_members: number;
        }>`
          select c.id, c.slug, c.name, c.sample,
                 count(m.id)::int as members,
                 (count(m.id) filter (where m.sample))::int as sample_members
          from organisations c
          left join cluster_members cm on cm.cluster_id = c.id
          left join organisations m on m.id = cm.member_id and m.status = 'published'
          where c.region_code like ${prefix} and c.status = 'published' and c.type = 'cluster'
          group by c.id
          order by members desc, c.name
          limit 100`
          .execute(db)
          .then((r) => r.rows),
      ]);
      return { total: totals.n, sample: totals.sample, byType, byEcosystem, byNaceSection, clusters };
    },
    /** The names of NACE sections (level 1), in both languages. */
    naceSections: () =>
      db
        .selectFrom('nace_codes')
        .select(['code', 'section', 'level', 'name_en', 'name_it'])
        .where('level', '=', 1)
        .execute(),
  };
}
export type PaperRepo = ReturnType<typeof paperRepo>;
export type Composition = Awaited<ReturnType<PaperRepo['composition']>>;
