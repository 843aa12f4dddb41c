import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import {
  addValues,
  and,
  baseConditions,
  type Counts,
  type DirectoryFilter,
  FACET_COLUMNS,
  facetConditions,
  type TextMatch,
  text,
} from './search.filter.ts';
import { FACET_KEYS, type FacetKey, type Sort } from './search.schemas.ts';

/** A one-facet filter the maintained counters answer: every organisation it matches, counted once. */
export interface CounterFilter {
  facet: FacetKey;
  values: readonly string[];
}

/** The order of a sort over the columns of `m` (see matchesWithFacets). */
function orderOfMatches(sort: Sort, t: TextMatch | null): RawBuilder<unknown> {
  if (sort === 'relevance' && t && t.mode !== 'nothing') return sql`m.rank desc, m.sample, m.name_key, m.id`;
  if (sort === 'newest') return sql`m.sample, m.newest desc, m.id`;
  if (sort === 'participations') return sql`m.sample, m.participations desc, m.name_key, m.id`;
  return sql`m.sample, m.name_key, m.id`;
}

/** The relevance of an organisation matching `t`: the same expressions as orderBy's. */
function rankOf(t: TextMatch | null): RawBuilder<unknown> {
  if (t?.mode === 'fulltext') {
    return sql`ts_rank(o.search, to_tsquery('simple', nexum_unaccent(${t.tsquery})))
      + 2 * ts_rank(o.search, to_tsquery('simple', nexum_unaccent(${t.exact})))`;
  }
  if (t?.mode === 'similar') return sql`word_similarity(nexum_unaccent(lower(${t.text})), o.name_key)`;
  return sql`null::real`;
}

/**
 * The queries of the counts that need no cache: the database's facet counters (migration 0006) and
 * the one-pass count of text matches. `summaries` turns the page's ids into list items.
 */
export function countsRepo(db: Kysely<DB>) {
  return {
    /**
     * For the facet index: the entries matching the conditions no facet owns (words, sample, cluster),
     * as their numbers (4-byte big-endian integers), and the page of those passing every facet filter,
     * from one read of the matches; with the index version they belong to (one statement).
     */
    async matchesAndPage(
      f: DirectoryFilter,
      sort: Sort,
      page: number,
      pageSize: number,
    ): Promise<{ version: string; ords: Uint8Array | null; ids: string[] }> {
      const all = and([...facetConditions(f).values()]);
      const rank = sort === 'relevance' ? rankOf(f.text) : sql`null::real`;
      const result = await sql<{ version: string; ords: Uint8Array | null; ids: string[] }>`
        with m as materialized (
          select o.ord, o.id, o.sample, o.name_key, coalesce(o.published_at, o.created_at) as newest,
            o.participations, ${all} as ok, case when ${all} then ${rank} end as rank
          from directory_entries o
          where ${and(baseConditions(f, 'entries'))}
        )
        select (select v::text from directory_index_version) as version,
          (select string_agg(int4send(m.ord), ''::bytea) from m) as ords,
          array(select m.id::text from m where m.ok order by ${orderOfMatches(sort, f.text)}
            limit ${pageSize} offset ${(page - 1) * pageSize}) as ids`.execute(db);
      return result.rows[0]!;
    },

    /**
     * Counts from the counters the database keeps (migration 0006): the published organisations
     * (of `sample` when set) under no facet filter, or under `by`, whose values must not overlap (one
     * value of an array facet, or values of a single-valued facet). Exact, read in one statement.
     */
    async maintainedCounts(
      sample: boolean | undefined,
      by: CounterFilter | null,
      facets: readonly FacetKey[],
    ): Promise<Counts> {
      const ofSample = sample === undefined ? sql`true` : sql`sample = ${sample}`;
      const valueIn = (column: string) =>
        !by
          ? sql`true`
          : by.facet === 'region'
            ? sql`${sql.ref(column)} like any(${text(by.values.map((r) => `${r}%`))})`
            : sql`${sql.ref(column)} = any(${text(by.values)})`;
      const byValue = valueIn('value');
      // Every organisation has exactly one type: the sum of the type counters is the total.
      const totalFacet = by ? by.facet : 'type';
      const result = by
        ? await sql<{ facet: string; value: string; n: number }>`
            select '' as facet, '' as value, coalesce(sum(n), 0)::int as n from directory_facet_counts
            where facet = ${totalFacet} and ${byValue} and ${ofSample}
            union all
            select other_facet, other_value, sum(n)::int from directory_facet_pairs
            where facet = ${by.facet} and ${byValue} and ${ofSample} and other_facet = any(${text(facets)})
            group by other_facet, other_value
            union all
            select facet, value, sum(n)::int from directory_facet_pairs
            where other_facet = ${by.facet} and ${valueIn('other_value')} and ${ofSample}
              and facet = any(${text(facets)})
            group by facet, value`.execute(db)
        : await sql<{ facet: string; value: string; n: number }>`
            select facet, value, sum(n)::int as n from directory_facet_counts
            where facet = any(${text([...facets, 'type'])}) and ${ofSample}
            group by facet, value`.execute(db);
      const counts = new Map<FacetKey, Map<string, number>>(facets.map((k) => [k, new Map()]));
      let total = 0;
      for (const row of result.rows) {
        if (by ? row.facet === '' : row.facet === 'type') total += row.n;
        if (row.n > 0) counts.get(row.facet as FacetKey)?.set(row.value, row.n);
      }
      return { total, counts };
    },

    /**
     * A page of matches and every facet's counts from ONE pass over the organisations the words (and
     * sample, cluster) match: each row carries, per facet, whether it passes every other facet's filter,
     * so the disjunctive counts of all facets come from the same scan as the page and the total.
     */
    async matchesWithFacets(
      f: DirectoryFilter,
      sort: Sort,
      page: number,
      pageSize: number,
    ): Promise<Counts & { ids: string[] }> {
      const conds = facetConditions(f);
      const all = and([...conds.values()]);
      // Per facet with a selection: does the row pass every other facet's filter? Otherwise m_all.
      const active = FACET_KEYS.filter((k) => conds.has(k));
      const flagOf = (k: FacetKey) => and([...conds].filter(([j]) => j !== k).map(([, c]) => c));
      const rank = sort === 'relevance' ? rankOf(f.text) : sql`null::real`;
      // A row failing two facet filters counts nowhere.
      const counted = active.length > 1 ? sql`(${sql.join(active.map(flagOf), sql` or `)})` : sql`true`;
      // Each facet counted over the rows passing its flag: few rows for the facets without a selection
      // (the full filter), more for those with one (every filter but their own).
      const perFacet = FACET_KEYS.map((k, i) => {
        const col = sql.ref(`m.${FACET_COLUMNS[k].column}`);
        const flag = sql.ref(active.includes(k) ? `m.p_${k}` : 'm.m_all');
        return FACET_COLUMNS[k].array
          ? sql`select ${i}::int as i, null::text as v, ${col} as a, count(*)::int as n from m where ${flag} group by ${col}`
          : sql`select ${i}::int, ${col}, null::text[], count(*)::int from m where ${flag} group by ${col}`;
      });
      const result = await sql<{ i: number; v: string | null; a: string[] | null; n: number | null }>`
        with m as materialized (
          select o.id, o.sample, o.name_key, coalesce(o.published_at, o.created_at) as newest,
            o.participations, ${sql.join(FACET_KEYS.map((k) => sql.ref(`o.${FACET_COLUMNS[k].column}`)))},
            ${sql.join([
              sql`case when ${all} then ${rank} end as rank`,
              sql`${all} as m_all`,
              ...active.map((k) => sql`${flagOf(k)} as ${sql.ref(`p_${k}`)}`),
            ])}
          from directory_entries o
          where ${and(baseConditions(f, 'entries'))} and ${counted}
        )
        select -1 as i, null::text as v, null::text[] as a, count(*)::int as n from m where m.m_all
        union all select -2, null, array(
          select m.id::text from m where m.m_all order by ${orderOfMatches(sort, f.text)}
          limit ${pageSize} offset ${(page - 1) * pageSize}
        ), null
        ${sql.join(
          perFacet.map((q) => sql`union all ${q}`),
          sql` `,
        )}`.execute(db);
      const counts = new Map<FacetKey, Map<string, number>>(FACET_KEYS.map((k) => [k, new Map()]));
      let total = 0;
      let ids: string[] = [];
      for (const row of result.rows) {
        if (row.i === -2) ids = row.a ?? [];
        else if (row.i === -1) total = row.n ?? 0;
        else addValues(counts.get(FACET_KEYS[row.i]!)!, row.a ?? row.v, row.n ?? 0);
      }
      return { total, counts, ids };
    },
  };
}
