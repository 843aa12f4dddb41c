import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB, OrganisationType } from '../../server/db/schema.ts';
import type { ExportableOrganisation } from './exchange-format.ts';
import { summaryColumns, UUID_RE } from './organisations.repo.ts';
import type { FacetKey, Sort } from './search.schemas.ts';

/** How q restricts the result: full-text words, similar names (typo fallback), or nothing can match. */
export type TextMatch =
  /** `tsquery` matches (word prefixes); `exact` (whole words) only ranks, so "bio" outranks "biology". */
  | { mode: 'fulltext'; tsquery: string; exact: string }
  | { mode: 'similar'; text: string }
  | { mode: 'nothing' };

export interface DirectoryFilter {
  text: TextMatch | null;
  types: readonly OrganisationType[];
  countries: readonly string[];
  /** NUTS codes; each covers the regions below it. */
  regions: readonly string[];
  ecosystems: readonly string[];
  naceSections: readonly string[];
  /** NACE codes, the ones asked for and every code below them (expanded by the service). */
  naceCodes: readonly string[];
  s3: readonly string[];
  sizes: readonly string[];
  labels: readonly string[];
  cluster?: string | undefined;
  sample?: boolean | undefined;
}

/** The filters each facet owns: a facet's counts apply every filter except its own. */
export const FACET_FILTERS: Record<FacetKey, (keyof DirectoryFilter)[]> = {
  type: ['types'],
  country: ['countries'],
  region: ['regions'],
  ecosystem: ['ecosystems'],
  nace: ['naceSections', 'naceCodes'],
  s3: ['s3'],
  size: ['sizes'],
  label: ['labels'],
};

/** The column each facet groups by; arrays are summed per element afterwards. */
const FACET_COLUMNS: Record<FacetKey, { column: string; array: boolean }> = {
  type: { column: 'type', array: false },
  country: { column: 'country_code', array: false },
  region: { column: 'region_code', array: false },
  ecosystem: { column: 'ecosystems', array: true },
  nace: { column: 'nace_sections', array: true },
  s3: { column: 's3_areas', array: true },
  size: { column: 'size_band', array: false },
  label: { column: 'esca_label', array: false },
};

const text = (values: readonly string[]) => sql`${[...values]}::text[]`;

/** Sort key of names (a stored column): case and accents do not matter (the databases' collation is C). */
const NAME_KEY = sql`o.name_key`;

/** The WHERE clause of a filter, on `organisations as o`: published organisations only. */
export function filterCondition(f: DirectoryFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`o.status = 'published'`];
  if (f.text?.mode === 'fulltext') {
    parts.push(sql`o.search @@ to_tsquery('simple', nexum_unaccent(${f.text.tsquery}))`);
  } else if (f.text?.mode === 'similar') {
    parts.push(sql`nexum_unaccent(lower(${f.text.text})) <% nexum_unaccent(lower(o.name))`);
  } else if (f.text?.mode === 'nothing') {
    parts.push(sql`false`);
  }
  if (f.types.length) parts.push(sql`o.type = any(${text(f.types)})`);
  if (f.countries.length) parts.push(sql`o.country_code = any(${text(f.countries)})`);
  if (f.regions.length) {
    // NUTS codes are [A-Z0-9] only (validated), so they need no LIKE escaping.
    parts.push(
      sql`(${sql.join(
        f.regions.map((r) => sql`o.region_code like ${`${r}%`}`),
        sql` or `,
      )})`,
    );
  }
  if (f.ecosystems.length) parts.push(sql`o.ecosystems && ${text(f.ecosystems)}`);
  if (f.naceSections.length || f.naceCodes.length) {
    const nace: RawBuilder<unknown>[] = [];
    if (f.naceSections.length) nace.push(sql`o.nace_sections && ${text(f.naceSections)}`);
    if (f.naceCodes.length) nace.push(sql`o.nace_codes && ${text(f.naceCodes)}`);
    parts.push(sql`(${sql.join(nace, sql` or `)})`);
  }
  if (f.s3.length) parts.push(sql`o.s3_areas && ${text(f.s3)}`);
  if (f.sizes.length) parts.push(sql`o.size_band = any(${text(f.sizes)})`);
  if (f.labels.length) parts.push(sql`o.esca_label = any(${text(f.labels)})`);
  if (f.sample !== undefined) parts.push(sql`o.sample = ${f.sample}`);
  if (f.cluster) {
    const by = UUID_RE.test(f.cluster) ? sql`c.id = ${f.cluster}::uuid` : sql`c.slug = ${f.cluster}`;
    parts.push(
      sql`o.id in (select cm.member_id from cluster_members cm join organisations c on c.id = cm.cluster_id where ${by})`,
    );
  }
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

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

export interface FacetRow {
  facet: FacetKey | 'total';
  values: Map<string, number>;
}

export type ExportRow = ExportableOrganisation & { id: string; sample: boolean; name_key: string };
export interface ExportCursor {
  sample: boolean;
  nameKey: string;
  id: string;
}

export function searchRepo(db: Kysely<DB>) {
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
      if (ids.rows.length === 0) return [];
      const rows = await db
        .selectFrom('organisations as o')
        .select(summaryColumns)
        .where(
          'o.id',
          'in',
          ids.rows.map((r) => r.id),
        )
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.rows.map((r) => byId.get(r.id)).filter((r) => r !== undefined);
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
        const value = row[`v${i}`] as string | string[] | null;
        if (value === null) continue;
        const map = counts.get(facets[i]!)!;
        for (const v of Array.isArray(value) ? value : [value]) map.set(v, (map.get(v) ?? 0) + row.n);
      }
      return { total, counts };
    },

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
