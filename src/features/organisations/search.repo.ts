import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import type { ExportableOrganisation } from './exchange-format.ts';
import { summaryColumns } from './organisations.repo.ts';
import { countsRepo } from './search.counts.repo.ts';
import {
  addValues,
  type DirectoryFilter,
  FACET_COLUMNS,
  filterCondition,
  type TextMatch,
} from './search.filter.ts';
import type { FacetKey, Sort } from './search.schemas.ts';

export type { CounterFilter } from './search.counts.repo.ts';
export type { Counts, DirectoryFilter, TextMatch } from './search.filter.ts';
export { FACET_FILTERS, filterCondition } from './search.filter.ts';

/** Sort key of names (a stored column): case and accents do not matter (the databases' collation is C). */
const NAME_KEY = sql`o.name_key`;

/**
 * ORDER BY of a sort. `useIndex` false writes the same order in a form no index provides, so that the
 * planner sorts the few matches instead of walking an order index until it has found a page of them
 * (which it underestimates when the matches cluster at the far end of the index).
 */
function orderBy(sort: Sort, t: TextMatch | null, useIndex: boolean): RawBuilder<unknown> {
  const sample = useIndex ? sql`o.sample` : sql`o.sample::int`;
  if (sort === 'relevance' && t?.mode === 'fulltext') {
    const rank = sql`ts_rank(o.search, to_tsquery('simple', nexum_unaccent(${t.tsquery})))`;
    const exact = sql`ts_rank(o.search, to_tsquery('simple', nexum_unaccent(${t.exact})))`;
    return sql`${rank} + 2 * ${exact} desc, o.sample, ${NAME_KEY}, o.id`;
  }
  if (sort === 'relevance' && t?.mode === 'similar') {
    // name_key is nexum_unaccent(lower(name)), stored: no unaccent per candidate for the order.
    return sql`word_similarity(nexum_unaccent(lower(${t.text})), o.name_key) desc, o.sample, ${NAME_KEY}, o.id`;
  }
  if (sort === 'newest') return sql`${sample}, coalesce(o.published_at, o.created_at) desc, o.id`;
  if (sort === 'participations') return sql`${sample}, o.participations desc, ${NAME_KEY}, o.id`;
  return sql`${sample}, ${NAME_KEY}, o.id`;
}

export type ExportRow = ExportableOrganisation & { id: string; sample: boolean; name_key: string };
export interface ExportCursor {
  sample: boolean;
  nameKey: string;
  id: string;
}

export function searchRepo(db: Kysely<DB>) {
  /** Summaries of `ids`, in that order. */
  async function summaries(ids: readonly string[]) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('organisations as o')
      .select(summaryColumns)
      .where('o.id', 'in', [...ids])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  }

  return {
    /**
     * A page of results: the ids first (an index-only walk of the name order when the filters allow it),
     * then their summaries. `useIndex`: see orderBy.
     */
    async items(f: DirectoryFilter, sort: Sort, page: number, pageSize: number, useIndex = true) {
      const ids = await sql<{ id: string }>`
        select o.id from organisations o
        where ${filterCondition(f)}
        order by ${orderBy(sort, f.text, useIndex)}
        limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
      return summaries(ids.rows.map((r) => r.id));
    },

    /**
     * Counts per value of each facet in `facets`, and the number of matching organisations, in one
     * pass: GROUPING SETS over the facet columns; array columns are grouped by whole array and summed
     * per element here (a few hundred distinct arrays instead of one row per element).
     */
    async facetCounts(
      f: DirectoryFilter,
      facets: readonly FacetKey[],
    ): Promise<{
      total: number;
      counts: Map<FacetKey, Map<string, number>>;
    }> {
      const cols = facets.map((k) => FACET_COLUMNS[k]);
      const refs = cols.map((c) => sql.ref(`o.${c.column}`));
      const groupings = refs.map((r, i) => sql`grouping(${r}) as ${sql.ref(`g${i}`)}`);
      const sets = [...refs.map((r) => sql`(${r})`), sql`()`];
      const result = await sql<Record<string, unknown> & { n: number }>`
        select ${sql.join([...refs.map((r, i) => sql`${r} as ${sql.ref(`v${i}`)}`), ...groupings, sql`count(*)::int as n`])}
        from organisations o
        where ${filterCondition(f)}
        group by grouping sets (${sql.join(sets)})`.execute(db);
      const counts = new Map<FacetKey, Map<string, number>>(facets.map((k) => [k, new Map()]));
      let total = 0;
      for (const row of result.rows) {
        const i = cols.findIndex((_, j) => row[`g${j}`] === 0);
        if (i < 0) {
          total = row.n;
          continue;
        }
        addValues(counts.get(facets[i]!)!, row[`v${i}`] as string | string[] | null, row.n);
      }
      return { total, counts };
    },

    summaries,
    ...countsRepo(db),

    /** Matching organisations per NUTS 2 region (a level-3 code counts in its level-2 parent) and per country. */
    async mapCounts(f: DirectoryFilter) {
      const r2 = sql`case when length(o.region_code) >= 4 then left(o.region_code, 4) end`;
      const result = await sql<{ country: string | null; region: string | null; g: number; n: number }>`
        select o.country_code as country, ${r2} as region, grouping(o.country_code, ${r2}) as g,
          count(*)::int as n
        from organisations o
        where ${filterCondition(f)}
        group by grouping sets ((o.country_code), (${r2}), ())`.execute(db);
      return result.rows;
    },

    /** One batch of the export, in the list's name order, after `cursor` (keyset pagination). */
    exportBatch(f: DirectoryFilter, cursor: ExportCursor | null, limit: number): Promise<ExportRow[]> {
      const after = cursor
        ? sql<SqlBool>`(o.sample, ${NAME_KEY}, o.id) > (${cursor.sample}, ${cursor.nameKey}, ${cursor.id}::uuid)`
        : sql<SqlBool>`true`;
      return db
        .selectFrom('organisations as o')
        .select([
          'o.id',
          'o.sample',
          'o.name_key',
          'o.external_id',
          'o.pic',
          'o.name',
          'o.acronym',
          'o.type',
          'o.description',
          'o.website',
          'o.email',
          'o.country_code',
          'o.region_code',
          'o.city',
          'o.founded_year',
          'o.size_band',
          'o.nace_codes',
          'o.ecosystems',
          'o.s3_areas',
          'o.keywords',
          'o.offers',
          'o.seeks',
          'o.programmes',
          'o.esca_label',
          'o.esca_year',
          'o.manager_name',
          'o.manager_email',
          'o.participations',
        ])
        .where(filterCondition(f))
        .where(after)
        .orderBy(sql`o.sample, ${NAME_KEY}, o.id`)
        .limit(limit)
        .execute();
    },

    regionNames: (codes: readonly string[]) =>
      codes.length
        ? db
            .selectFrom('regions')
            .select(['code', 'name', 'country_code'])
            .where('code', 'in', [...codes])
            .execute()
        : Promise.resolve([]),

    naceSections: () =>
      db
        .selectFrom('nace_codes')
        .select(['code', 'name_en', 'name_it'])
        .where('level', '=', 1)
        .orderBy('code')
        .execute(),

    /** The codes of the classification at or below each of `prefixes` ('20.1' → 20.1, 20.11 … 20.17). */
    naceCodesUnder: (prefixes: readonly string[]) =>
      prefixes.length
        ? db
            .selectFrom('nace_codes')
            .select('code')
            .where((eb) => eb.or(prefixes.map((p) => eb('code', 'like', `${p}%`))))
            .execute()
            .then((rows) => rows.map((r) => r.code))
        : Promise.resolve([] as string[]),

    unknownNaceCodes: async (codes: readonly string[]) => {
      if (!codes.length) return [];
      const known = await db
        .selectFrom('nace_codes')
        .select('code')
        .where('code', 'in', [...codes])
        .execute();
      const set = new Set(known.map((k) => k.code));
      return codes.filter((c) => !set.has(c));
    },

    /** Changes whenever an organisation or a cluster membership changes (a sequence a trigger advances). */
    version: async () =>
      String(
        (await sql<{ v: string }>`select last_value::text as v from directory_version_seq`.execute(db))
          .rows[0]?.v ?? '0',
      ),
  };
}
export type SearchRepo = ReturnType<typeof searchRepo>;
