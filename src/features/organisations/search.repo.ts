import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import type { ExportableOrganisation } from './exchange-format.ts';
import { summaryColumns } from './organisations.repo.ts';
import { countsRepo } from './search.counts.repo.ts';
import {
  addValues,
  and,
  baseConditions,
  type Counts,
  type DirectoryFilter,
  FACET_COLUMNS,
  filterCondition,
  type SearchSource,
  sourceTable,
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

/** [ord, sample, type, country, region, size, label, ecosystems, nace sections, nace codes, s3 areas] */
export type FacetIndexRow = [
  number,
  boolean,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string[],
  string[],
  string[],
  string[],
];

/** 4-byte big-endian integers → numbers. */
function ordsOf(bytes: Uint8Array | null): Int32Array {
  if (!bytes) return new Int32Array(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ords = new Int32Array(bytes.byteLength / 4);
  for (let i = 0; i < ords.length; i++) ords[i] = view.getInt32(4 * i);
  return ords;
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

  /**
   * The ids of a page: on the narrow search table for words or few matches to sort, else an
   * (index-only) walk of an order index of organisations. `useIndex`: see orderBy.
   */
  async function pageIds(f: DirectoryFilter, sort: Sort, page: number, pageSize: number, useIndex: boolean) {
    const source: SearchSource = f.text || !useIndex ? 'entries' : 'organisations';
    const ids = await sql<{ id: string }>`
      select o.id from ${sourceTable(source)}
      where ${filterCondition(f, source)}
      order by ${orderBy(sort, f.text, useIndex)}
      limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db);
    return ids.rows.map((r) => r.id);
  }

  const counter = countsRepo(db);

  return {
    /** A page of results: the ids first, then their summaries. */
    async items(f: DirectoryFilter, sort: Sort, page: number, pageSize: number, useIndex = true) {
      return summaries(await pageIds(f, sort, page, pageSize, useIndex));
    },

    /** A page of matches and every facet's disjunctive counts, counted in SQL in one pass. */
    async matchesWithFacets(
      f: DirectoryFilter,
      sort: Sort,
      page: number,
      pageSize: number,
    ): Promise<Counts & { ids: string[] }> {
      return counter.matchesWithFacets(f, sort, page, pageSize);
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
    maintainedCounts: counter.maintainedCounts,

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

    /**
     * `cache`: changes whenever an organisation or a cluster membership changes (a sequence a trigger
     * advances at commit). `index`: the version of the facet index's content (directory_index_version,
     * advanced inside the committing transaction).
     */
    versions: async () => {
      const r = await sql<{ cache: string; index: string }>`
        select last_value::text as cache, (select v::text from directory_index_version) as index
        from directory_version_seq`.execute(db);
      return { cache: r.rows[0]?.cache ?? '0', index: r.rows[0]?.index ?? '0' };
    },

    /** Every directory entry's number and facet columns, with the index version they are, in one statement. */
    facetIndexRows: async () => {
      const r = await sql<{ version: string; rows: FacetIndexRow[] }>`
        select (select v::text from directory_index_version) as version,
          coalesce((select json_agg(json_build_array(o.ord, o.sample, o.type, o.country_code, o.region_code,
            o.size_band, o.esca_label, o.ecosystems, o.nace_sections, o.nace_codes, o.s3_areas))
          from directory_entries o), '[]'::json) as rows`.execute(db);
      return r.rows[0]!;
    },

    /**
     * The numbers of the entries matching the conditions no facet owns (words, sample, cluster), as
     * 4-byte big-endian integers, with the index version they belong to (one statement).
     */
    matchingOrds: async (f: DirectoryFilter) => {
      const r = await sql<{ version: string; ords: Uint8Array | null }>`
        select (select v::text from directory_index_version) as version,
          (select string_agg(int4send(o.ord), ''::bytea) from directory_entries o
           where ${and(baseConditions(f, 'entries'))}) as ords`.execute(db);
      return { version: r.rows[0]!.version, ords: ordsOf(r.rows[0]!.ords) };
    },

    /** See countsRepo's matchesAndPage; the numbers decoded. */
    matchesAndPage: async (f: DirectoryFilter, sort: Sort, page: number, pageSize: number) => {
      const r = await counter.matchesAndPage(f, sort, page, pageSize);
      return { version: r.version, ords: ordsOf(r.ords), ids: r.ids };
    },

    pageIds,
  };
}
export type SearchRepo = ReturnType<typeof searchRepo>;
