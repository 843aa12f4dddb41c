import type { FacetIndex } from '../../core/facets/facet-index.ts';
import { badRequest } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { EXCHANGE_COLUMNS, toCsvLine, toExchangeRecord } from './exchange-format.ts';
import { toOrganisationSummary } from './organisations.service.ts';
import { VersionedCache } from './search.cache.ts';
import { type FacetIndexMode, facetIndexes, indexCounts, indexQuery } from './search.index.ts';
import { canExportManagerEmails } from './search.policy.ts';
import {
  type CounterFilter,
  type Counts,
  type DirectoryFilter,
  type ExportCursor,
  FACET_FILTERS,
  type SearchRepo,
  type TextMatch,
} from './search.repo.ts';
import {
  type DirectoryFilterQuery,
  FACET_KEYS,
  type FacetKey,
  type Facets,
  type FacetValue,
  type OrganisationListResult,
  type OrganisationMap,
  type Sort,
} from './search.schemas.ts';
import { exactTsquery, prefixTsquery, searchWords, similarityText } from './search.text.ts';

/** How many values a facet lists at most (selected values are always added). */
const FACET_LIMIT: Record<FacetKey, number> = {
  type: 20,
  country: 100,
  region: 100,
  ecosystem: 20,
  nace: 30,
  s3: 50,
  size: 10,
  label: 10,
};

const EXPORT_BATCH = 1000;
const ARRAY_FACETS: ReadonlySet<FacetKey> = new Set(['ecosystem', 'nace', 's3']);
/** From this many matches, walking an order index finds a page sooner than sorting them all. */
const INDEX_ORDER_MIN = 2000;

type MapCounts = Omit<OrganisationMap, 'textMatch'>;

export interface ListInput extends DirectoryFilterQuery {
  sort?: Sort | undefined;
  page: number;
  pageSize: number;
}

const sentenceCase = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1).toLowerCase() : s);

export function searchService(
  repo: SearchRepo,
  opts: {
    cacheTtlMs?: number;
    cacheEntries?: number;
    exportBatch?: number;
    /** How searches use the in-server facet index (search.index.ts); the server uses 'background'. */
    facetIndex?: FacetIndexMode;
    /**
     * Read a search's ranked page and its matches in two concurrent statements (a database server with
     * a pool and several cores) instead of one statement (PGlite, one connection).
     */
    parallelReads?: boolean;
  } = {},
) {
  const exportBatch = opts.exportBatch ?? EXPORT_BATCH;
  const cache = new VersionedCache<Counts | MapCounts>({
    maxEntries: opts.cacheEntries ?? 500,
    ttlMs: opts.cacheTtlMs ?? 30_000,
  });
  const indexes = facetIndexes(repo, opts.facetIndex ?? 'await');
  const regionNames = new Map<string, { name: string; country: string }>();
  let naceNames: Map<string, { en: string; it: string }> | null = null;

  /** Query parameters → a filter; NACE codes that do not exist are a 400 on querystring.nace. */
  async function toFilter(
    query: DirectoryFilterQuery,
  ): Promise<{ filter: DirectoryFilter; words: string[] }> {
    const prefixes = query.nace.filter((c) => !/^[A-Z]$/.test(c));
    const unknown = await repo.unknownNaceCodes([...new Set([...query.nace])]);
    if (unknown.length) {
      throw badRequest(`Unknown NACE code: ${unknown.join(', ')}`, {
        fields: unknown.map((c) => ({ field: 'querystring.nace', message: `Unknown NACE code ${c}` })),
      });
    }
    // A NACE code covers the codes below it (20 ⊃ 20.1 ⊃ 20.14): divisions have two digits, so no false prefix.
    const naceCodes = await repo.naceCodesUnder(prefixes);
    const words = query.q === undefined || query.q === '' ? [] : searchWords(query.q);
    let text: TextMatch | null = null;
    if (query.q) {
      text = words.length
        ? { mode: 'fulltext', tsquery: prefixTsquery(words), exact: exactTsquery(words) }
        : { mode: 'nothing' };
    }
    return {
      words,
      filter: {
        text,
        types: query.type,
        countries: query.country,
        regions: query.region,
        ecosystems: query.ecosystem,
        naceSections: query.nace.filter((c) => /^[A-Z]$/.test(c)),
        naceCodes,
        s3: query.s3,
        sizes: query.size,
        labels: query.label,
        cluster: query.cluster,
        sample: query.sample === undefined ? undefined : query.sample === 'true',
      },
    };
  }

  /** The same filter matching similar names instead of words, when no word matched anything. */
  function similarFallback(f: DirectoryFilter, words: string[]): DirectoryFilter | null {
    if (f.text?.mode !== 'fulltext') return null;
    const text = similarityText(words);
    return text ? { ...f, text: { mode: 'similar', text } } : null;
  }

  const keyOf = (prefix: string, f: DirectoryFilter) =>
    `${prefix}:${JSON.stringify(f, (_k, v) => (Array.isArray(v) ? [...v].sort() : v))}`;

  /**
   * The one-facet filter (or none: null) under which the database's counters give `facets` exactly;
   * false when they cannot: words, a cluster, NACE codes below sections, two facet filters, or several
   * values of an array facet (an organisation holding two of them would be counted twice).
   */
  function counterFilter(f: DirectoryFilter, facets: FacetKey[]): CounterFilter | null | false {
    if (f.text || f.cluster || f.naceCodes.length) return false;
    const active = FACET_KEYS.filter((k) => isActive(f, k));
    if (active.length === 0) return null;
    const k = active[0]!;
    if (active.length > 1 || facets.includes(k)) return false;
    const values = selectedOf(f)[k];
    if (ARRAY_FACETS.has(k) && values.length > 1) return false;
    return { facet: k, values };
  }

  /** Whether the counters give every count of `f` (facetsOf's counts, see counterFilter). */
  function countersAnswer(f: DirectoryFilter): boolean {
    const active = FACET_KEYS.filter((k) => isActive(f, k));
    return (
      counterFilter(
        f,
        FACET_KEYS.filter((k) => !active.includes(k)),
      ) !== false && active.every((k) => counterFilter(without(f, k), [k]) !== false)
    );
  }

  /**
   * Counts of `facets` under `f`: from the database's counters when they answer it, else counted from
   * the matching rows (and kept in the cache until the directory changes).
   */
  async function counts(f: DirectoryFilter, facets: FacetKey[], version: string): Promise<Counts> {
    const by = counterFilter(f, facets);
    if (by !== false) return repo.maintainedCounts(f.sample, by, facets);
    const key = keyOf('facets', f);
    const known = cache.get(key) as Counts | undefined;
    const missing = facets.filter((k) => !known?.counts.has(k));
    if (known && missing.length === 0) return known;
    const part = await repo.facetCounts(f, missing);
    const merged: Counts = { total: part.total, counts: new Map([...(known?.counts ?? []), ...part.counts]) };
    cache.set(key, merged, version);
    return merged;
  }

  /** The values selected in each facet (NACE: the sections; codes below them are filters only). */
  const selectedOf = (f: DirectoryFilter): Record<FacetKey, readonly string[]> => ({
    type: f.types,
    country: f.countries,
    region: f.regions,
    ecosystem: f.ecosystems,
    nace: f.naceSections,
    s3: f.s3,
    size: f.sizes,
    label: f.labels,
  });

  const without = (f: DirectoryFilter, facet: FacetKey): DirectoryFilter => {
    const copy = { ...f } as Record<string, unknown>;
    for (const field of FACET_FILTERS[facet]) copy[field] = [];
    return copy as unknown as DirectoryFilter;
  };
  const isActive = (f: DirectoryFilter, facet: FacetKey) =>
    FACET_FILTERS[facet].some((field) => (f[field] as readonly string[]).length > 0);

  /**
   * Disjunctive facets: one count per distinct filter combination. The full filter gives the total and
   * the facets without a selection; each facet with a selection is counted without its own filter.
   */
  async function facetsOf(f: DirectoryFilter, version: string): Promise<{ total: number; facets: Facets }> {
    const active = FACET_KEYS.filter((k) => isActive(f, k));
    const [all, ...own] = await Promise.all([
      counts(
        f,
        FACET_KEYS.filter((k) => !active.includes(k)),
        version,
      ),
      ...active.map((k) => counts(without(f, k), [k], version)),
    ]);
    const byFacet = new Map<FacetKey, Map<string, number>>();
    for (const k of FACET_KEYS) {
      const i = active.indexOf(k);
      byFacet.set(k, (i < 0 ? all!.counts.get(k) : own[i]!.counts.get(k)) ?? new Map());
    }
    return { total: all!.total, facets: await labelled(byFacet, f) };
  }

  async function labelled(byFacet: Map<FacetKey, Map<string, number>>, f: DirectoryFilter): Promise<Facets> {
    const selected = selectedOf(f);
    const out = {} as Record<FacetKey, FacetValue[]>;
    for (const k of FACET_KEYS) {
      const map = byFacet.get(k)!;
      const values = [...map].map(([value, count]) => ({ value, count }));
      values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      const shown = values.slice(0, FACET_LIMIT[k]);
      for (const value of selected[k]) {
        if (shown.some((v) => v.value === value)) continue;
        // A selected region may be a prefix (ITC): it counts the regions below it.
        const count =
          k === 'region'
            ? values.filter((v) => v.value.startsWith(value)).reduce((s, v) => s + v.count, 0)
            : (map.get(value) ?? 0);
        shown.push({ value, count });
      }
      out[k] = shown;
    }
    await nameRegions(out.region.map((v) => v.value));
    for (const v of out.region) {
      const r = regionNames.get(v.value);
      if (r) v.label = { en: r.name, it: r.name };
    }
    naceNames ??= new Map(
      (await repo.naceSections()).map((s) => [
        s.code,
        { en: sentenceCase(s.name_en), it: sentenceCase(s.name_it) },
      ]),
    );
    for (const v of out.nace) {
      const n = naceNames.get(v.value);
      if (n) v.label = n;
    }
    return out;
  }

  /** NUTS names never change at run time: looked up once per code. */
  async function nameRegions(codes: string[]) {
    const missing = codes.filter((c) => !regionNames.has(c));
    for (const r of await repo.regionNames(missing)) {
      regionNames.set(r.code, { name: r.name, country: r.country_code });
    }
  }

  const textMatchOf = (f: DirectoryFilter): OrganisationListResult['textMatch'] =>
    f.text?.mode === 'similar' ? 'similar' : f.text ? 'fulltext' : 'none';

  /**
   * The index rows the conditions no facet owns select (words, cluster; null: all), from the database;
   * null when it has moved on from the index's version.
   */
  async function matchedRows(index: FacetIndex, version: string, f: DirectoryFilter) {
    if (!f.text && !f.cluster) return { rows: null };
    return located(index, version, await repo.matchingOrds(f));
  }

  /** The index rows of entry numbers read at `m.version`; null unless that is the index's version. */
  function located(index: FacetIndex, version: string, m: { version: string; ords: Int32Array }) {
    const found = m.version === version ? index.rowsOf(m.ords) : null;
    return found && found.missing === 0 ? { rows: found.rows } : null;
  }

  /**
   * A search counted by the facet index: the database gives the matches of words or a cluster (as
   * entry numbers) and the page; the index counts every facet. Null when the database moved on to
   * another index version meanwhile (the caller then counts in SQL).
   */
  async function viaIndex(
    index: FacetIndex,
    version: string,
    f: DirectoryFilter,
    sort: Sort,
    page: number,
    pageSize: number,
  ) {
    let rows: Int32Array | null = null;
    let ids: string[] | null = null;
    if (f.text && opts.parallelReads) {
      // Two connections: the ranked page and the matches at once (half the wait, twice the reading).
      const [pageIds, matched] = await Promise.all([
        repo.pageIds(f, sort, page, pageSize, false),
        matchedRows(index, version, f),
      ]);
      if (!matched) return null;
      rows = matched.rows;
      ids = pageIds;
    } else if (f.text) {
      // The page of words needs every match ranked anyway: the matches and the page from one read.
      const m = await repo.matchesAndPage(f, sort, page, pageSize);
      const matched = located(index, version, m);
      if (!matched) return null;
      rows = matched.rows;
      ids = m.ids;
    } else {
      const matched = await matchedRows(index, version, f);
      if (!matched) return null;
      rows = matched.rows;
    }
    const counted = indexCounts(index, f, rows);
    ids ??= await repo.pageIds(f, sort, page, pageSize, counted.total >= INDEX_ORDER_MIN);
    return {
      f,
      facets: { total: counted.total, facets: await labelled(counted.counts, f) },
      items: await repo.summaries(ids),
    };
  }

  async function list(input: ListInput): Promise<OrganisationListResult> {
    const { filter, words } = await toFilter(input);
    const sort: Sort = input.sort ?? (filter.text ? 'relevance' : 'name');
    const run = async (f: DirectoryFilter) => {
      const versions = await repo.versions();
      const version = versions.cache;
      cache.sync(version);
      // The database's counters answer the bare directory and one filter in a millisecond: no index.
      const index = countersAnswer(f) ? null : await indexes.at(versions.index);
      const fast = index && (await viaIndex(index, versions.index, f, sort, input.page, input.pageSize));
      if (fast) return fast;
      // Words: the page, the total and every facet from one pass over the matches, which the ranking
      // reads whole anyway (and which no counter can know in advance); a later page or another sort of
      // the same words reuses the counts.
      if (f.text) {
        const key = keyOf('matches', f);
        const known = cache.get(key) as Counts | undefined;
        let counted: Counts;
        let items: Awaited<ReturnType<SearchRepo['summaries']>>;
        if (known) {
          counted = known;
          items = await repo.items(f, sort, input.page, input.pageSize, counted.total >= INDEX_ORDER_MIN);
        } else {
          const r = await repo.matchesWithFacets(f, sort, input.page, input.pageSize);
          counted = { total: r.total, counts: r.counts };
          cache.set(key, counted, version);
          items = await repo.summaries(r.ids);
        }
        return {
          f,
          facets: { total: counted.total, facets: await labelled(counted.counts, f) },
          items,
        };
      }
      const facets = await facetsOf(f, version);
      const useIndex = facets.total >= INDEX_ORDER_MIN;
      return { f, facets, items: await repo.items(f, sort, input.page, input.pageSize, useIndex) };
    };
    let r = await run(filter);
    const fallback = r.facets.total === 0 ? similarFallback(filter, words) : null;
    if (fallback) r = await run(fallback);
    return {
      items: r.items.map(toOrganisationSummary),
      total: r.facets.total,
      page: input.page,
      pageSize: input.pageSize,
      sort,
      textMatch: textMatchOf(r.f),
      facets: r.facets.facets,
    };
  }

  /**
   * The map's counts as mapCounts gives them (g: 1 country, 2 NUTS 2 region, 3 total): from the
   * database's counters when no filter or one filter on neither country nor region applies.
   */
  async function mapRows(f: DirectoryFilter, indexVersion: string) {
    const by = counterFilter(f, ['country', 'region']);
    let c: Counts;
    if (by !== false) c = await repo.maintainedCounts(f.sample, by, ['country', 'region']);
    else {
      const index = await indexes.at(indexVersion);
      const matched = index && (await matchedRows(index, indexVersion, f));
      if (!index || !matched) return repo.mapCounts(f);
      const r = index.count(indexQuery(f, matched.rows, ['country', 'region'], false));
      c = { total: r.total, counts: r.counts as Counts['counts'] };
    }
    const nuts2 = new Map<string, number>();
    for (const [code, n] of c.counts.get('region') ?? []) {
      // A level-3 code counts in its level-2 parent; a country-level code locates nothing.
      if (code.length >= 4) nuts2.set(code.slice(0, 4), (nuts2.get(code.slice(0, 4)) ?? 0) + n);
    }
    return [
      { country: null, region: null, g: 3, n: c.total },
      ...[...(c.counts.get('country') ?? [])].map(([country, n]) => ({ country, region: null, g: 1, n })),
      ...[...nuts2].map(([region, n]) => ({ country: null, region, g: 2, n })),
    ];
  }

  async function mapOf(f: DirectoryFilter): Promise<MapCounts> {
    const versions = await repo.versions();
    const version = versions.cache;
    cache.sync(version);
    const key = keyOf('map', f);
    const known = cache.get(key) as MapCounts | undefined;
    if (known) return known;
    const rows = await mapRows(f, versions.index);
    let total = 0;
    let located = 0;
    const regions: { code: string; count: number }[] = [];
    const countries: { code: string; count: number }[] = [];
    for (const row of rows) {
      if (row.g === 3) total = row.n;
      else if (row.g === 1 && row.country) countries.push({ code: row.country, count: row.n });
      else if (row.g === 2 && row.region) {
        regions.push({ code: row.region, count: row.n });
        located += row.n;
      }
    }
    await nameRegions(regions.map((r) => r.code));
    const value: MapCounts = {
      total,
      unlocated: total - located,
      regions: regions
        .map((r) => ({
          code: r.code,
          name: regionNames.get(r.code)?.name ?? r.code,
          countryCode: regionNames.get(r.code)?.country ?? r.code.slice(0, 2),
          count: r.count,
        }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      countries: countries.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    };
    cache.set(key, value, version);
    return value;
  }

  async function map(query: DirectoryFilterQuery): Promise<OrganisationMap> {
    const { filter, words } = await toFilter(query);
    let f = filter;
    let value = await mapOf(f);
    const fallback = value.total === 0 ? similarFallback(filter, words) : null;
    if (fallback) {
      f = fallback;
      value = await mapOf(f);
    }
    return { ...value, textMatch: textMatchOf(f) };
  }

  /**
   * The whole filtered result in the exchange format, produced batch by batch (keyset pagination), so
   * memory stays flat however large the directory is. Validation happens before the first chunk.
   */
  async function exportFile(
    actor: Actor | null,
    query: DirectoryFilterQuery,
    format: 'csv' | 'json',
  ): Promise<AsyncGenerator<string>> {
    const { filter, words } = await toFilter(query);
    let f = filter;
    if (filter.text?.mode === 'fulltext' && (await repo.exportBatch(filter, null, 1)).length === 0) {
      f = similarFallback(filter, words) ?? filter;
    }
    const withEmails = canExportManagerEmails(actor);
    async function* chunks(): AsyncGenerator<string> {
      yield format === 'csv' ? `\uFEFF${toCsvLine(EXCHANGE_COLUMNS)}` : '[';
      let cursor: ExportCursor | null = null;
      let first = true;
      for (;;) {
        const rows = await repo.exportBatch(f, cursor, exportBatch);
        if (rows.length === 0) break;
        let out = '';
        for (const row of rows) {
          const record = toExchangeRecord(withEmails ? row : { ...row, manager_email: null });
          if (format === 'csv') out += toCsvLine(EXCHANGE_COLUMNS.map((c) => record[c]));
          else {
            out += `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
            first = false;
          }
        }
        yield out;
        const last = rows[rows.length - 1]!;
        cursor = { sample: last.sample, nameKey: last.name_key, id: last.id };
        if (rows.length < exportBatch) break;
      }
      if (format === 'json') yield first ? ']\n' : '\n]\n';
    }
    return chunks();
  }

  return { list, map, exportFile, facetIndex: indexes };
}
export type SearchService = ReturnType<typeof searchService>;
