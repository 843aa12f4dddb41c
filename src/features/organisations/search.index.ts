// The directory's facet index in this server (src/core/facets): the facet columns of every published
// organisation (directory_entries), loaded in one statement with the version they are. A search uses
// it only when the database's index version (read with the search) is the loaded one; otherwise it
// counts in SQL and, unless told to wait, a reload starts in the background.
import { type ColumnSpec, type CountQuery, FacetIndex } from '../../core/facets/facet-index.ts';
import type { Counts, DirectoryFilter } from './search.filter.ts';
import type { SearchRepo } from './search.repo.ts';
import { FACET_KEYS, type FacetKey } from './search.schemas.ts';

const COLUMNS: ColumnSpec[] = [
  { name: 'sample', kind: 'scalar' },
  { name: 'type', kind: 'scalar' },
  { name: 'country', kind: 'scalar' },
  { name: 'region', kind: 'scalar' },
  { name: 'size', kind: 'scalar' },
  { name: 'label', kind: 'scalar' },
  { name: 'ecosystem', kind: 'multi' },
  { name: 'nace', kind: 'multi' },
  { name: 'naceCode', kind: 'multi' },
  { name: 's3', kind: 'multi' },
];

/**
 * 'await': a search waits for a reload of an out-of-date index (tests, benchmarks); 'background': it
 * counts in SQL meanwhile (the server); 'off': never used.
 */
export type FacetIndexMode = 'await' | 'background' | 'off';

export interface LoadedIndex {
  version: string;
  index: FacetIndex;
  loadMs: number;
}

export function facetIndexes(repo: SearchRepo, mode: FacetIndexMode) {
  let current: LoadedIndex | null = null;
  let loading: Promise<LoadedIndex> | null = null;
  let report: (error: unknown) => void = () => undefined;

  async function load(): Promise<LoadedIndex> {
    const t = performance.now();
    const { version, rows } = await repo.facetIndexRows();
    const index = new FacetIndex(
      COLUMNS,
      rows.map(([ord, sample, ...values]) => ({ key: ord, values: [String(sample), ...values] })),
    );
    current = { version, index, loadMs: performance.now() - t };
    return current;
  }

  /** The index if it holds `version`, else null (after waiting for a reload in 'await' mode). */
  async function at(version: string): Promise<FacetIndex | null> {
    if (mode === 'off') return null;
    if (current?.version === version) return current.index;
    if (!loading) {
      loading = load().finally(() => {
        loading = null;
      });
      // In the background a failed load leaves the SQL counts in use (and is reported); the next
      // search tries again.
      if (mode === 'background') loading.catch((e) => report(e));
    }
    if (mode === 'background') return null;
    const loaded = await loading;
    return loaded.version === version ? loaded.index : null;
  }

  return {
    at,
    /** What is loaded (for benchmarks and diagnostics). */
    loaded: (): LoadedIndex | null => current,
    /** Where a failed background load is reported (the server's log). */
    reportErrorsTo(fn: (error: unknown) => void) {
      report = fn;
    },
    /** Starts loading the current version (a server calls it once it listens). */
    async warm(): Promise<void> {
      await at((await repo.versions()).index);
    },
  };
}
export type FacetIndexes = ReturnType<typeof facetIndexes>;

/**
 * The index's query for a directory filter: the sample condition applies to all, each facet's
 * selection is that facet's filter (a region is a prefix; NACE passes by section or by code).
 */
export function indexQuery(
  f: DirectoryFilter,
  rows: Int32Array | null,
  facets: readonly FacetKey[],
  disjunctive: boolean,
): CountQuery {
  const filters: CountQuery['filters'][number][] = [];
  const add = (facet: FacetKey, column: string, values: readonly string[], prefix = false) => {
    if (values.length) filters.push({ facet, any: [{ column, values, prefix }] });
  };
  add('type', 'type', f.types);
  add('country', 'country', f.countries);
  add('region', 'region', f.regions, true);
  add('ecosystem', 'ecosystem', f.ecosystems);
  if (f.naceSections.length || f.naceCodes.length) {
    filters.push({
      facet: 'nace',
      any: [
        ...(f.naceSections.length ? [{ column: 'nace', values: f.naceSections }] : []),
        ...(f.naceCodes.length ? [{ column: 'naceCode', values: f.naceCodes }] : []),
      ],
    });
  }
  add('s3', 's3', f.s3);
  add('size', 'size', f.sizes);
  add('label', 'label', f.labels);
  return {
    rows,
    base: f.sample === undefined ? [] : [{ column: 'sample', values: [String(f.sample)] }],
    filters,
    // Each facet counts its own column (NACE: sections; codes below them only filter).
    facets: facets.map((k) => ({ facet: k, column: k })),
    disjunctive,
  };
}

/** Counts of every facet under `f` (disjunctive) over `rows` (null: all entries). */
export function indexCounts(index: FacetIndex, f: DirectoryFilter, rows: Int32Array | null): Counts {
  const r = index.count(indexQuery(f, rows, FACET_KEYS, true));
  return { total: r.total, counts: r.counts as Map<FacetKey, Map<string, number>> };
}
