// The directory filter and the SQL conditions it becomes, shared by the list, the counts, the map and
// the export: the conditions no facet owns (words, sample, cluster) apart from each facet's own, so that
// a facet's counts can apply every filter but its own.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { OrganisationType } from '../../server/db/schema.ts';
import { UUID_RE } from './organisations.repo.ts';
import type { FacetKey } from './search.schemas.ts';

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
export const FACET_COLUMNS: Record<FacetKey, { column: string; array: boolean }> = {
  type: { column: 'type', array: false },
  country: { column: 'country_code', array: false },
  region: { column: 'region_code', array: false },
  ecosystem: { column: 'ecosystems', array: true },
  nace: { column: 'nace_sections', array: true },
  s3: { column: 's3_areas', array: true },
  size: { column: 'size_band', array: false },
  label: { column: 'esca_label', array: false },
};

export const text = (values: readonly string[]) => sql`${[...values]}::text[]`;

/**
 * Where the conditions apply: `organisations as o`, or `directory_entries as o` (migration 0010: the
 * published organisations only, with the same column names and `name_key` for the name).
 */
export type SearchSource = 'organisations' | 'entries';

export const sourceTable = (source: SearchSource) =>
  source === 'entries' ? sql`directory_entries o` : sql`organisations o`;

/** The conditions no facet owns (published, words, sample, cluster), on `source`. */
export function baseConditions(
  f: DirectoryFilter,
  source: SearchSource = 'organisations',
): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = source === 'entries' ? [] : [sql`o.status = 'published'`];
  if (f.text?.mode === 'fulltext') {
    parts.push(sql`o.search @@ to_tsquery('simple', nexum_unaccent(${f.text.tsquery}))`);
  } else if (f.text?.mode === 'similar') {
    // name_key is nexum_unaccent(lower(name)); organisations index the expression, entries the column.
    const name = source === 'entries' ? sql`o.name_key` : sql`nexum_unaccent(lower(o.name))`;
    parts.push(sql`nexum_unaccent(lower(${f.text.text})) <% ${name}`);
  } else if (f.text?.mode === 'nothing') {
    parts.push(sql`false`);
  }
  if (f.sample !== undefined) parts.push(sql`o.sample = ${f.sample}`);
  if (f.cluster) {
    const by = UUID_RE.test(f.cluster) ? sql`c.id = ${f.cluster}::uuid` : sql`c.slug = ${f.cluster}`;
    parts.push(
      sql`o.id in (select cm.member_id from cluster_members cm join organisations c on c.id = cm.cluster_id where ${by})`,
    );
  }
  return parts;
}

/** The condition of each facet with a selection, on `organisations as o`. */
export function facetConditions(f: DirectoryFilter): Map<FacetKey, RawBuilder<unknown>> {
  const out = new Map<FacetKey, RawBuilder<unknown>>();
  if (f.types.length) out.set('type', sql`o.type = any(${text(f.types)})`);
  if (f.countries.length) out.set('country', sql`o.country_code = any(${text(f.countries)})`);
  if (f.regions.length) {
    // NUTS codes are [A-Z0-9] only (validated), so they need no LIKE escaping.
    out.set(
      'region',
      sql`(${sql.join(
        f.regions.map((r) => sql`o.region_code like ${`${r}%`}`),
        sql` or `,
      )})`,
    );
  }
  if (f.ecosystems.length) out.set('ecosystem', sql`o.ecosystems && ${text(f.ecosystems)}`);
  if (f.naceSections.length || f.naceCodes.length) {
    const nace: RawBuilder<unknown>[] = [];
    if (f.naceSections.length) nace.push(sql`o.nace_sections && ${text(f.naceSections)}`);
    if (f.naceCodes.length) nace.push(sql`o.nace_codes && ${text(f.naceCodes)}`);
    out.set('nace', sql`(${sql.join(nace, sql` or `)})`);
  }
  if (f.s3.length) out.set('s3', sql`o.s3_areas && ${text(f.s3)}`);
  if (f.sizes.length) out.set('size', sql`o.size_band = any(${text(f.sizes)})`);
  if (f.labels.length) out.set('label', sql`o.esca_label = any(${text(f.labels)})`);
  return out;
}

export const and = (parts: RawBuilder<unknown>[]) =>
  parts.length ? sql<SqlBool>`(${sql.join(parts, sql` and `)})` : sql<SqlBool>`true`;

/** The WHERE clause of a filter, on `source` as o: published organisations only. */
export function filterCondition(
  f: DirectoryFilter,
  source: SearchSource = 'organisations',
): RawBuilder<SqlBool> {
  return and([...baseConditions(f, source), ...facetConditions(f).values()]);
}

export interface Counts {
  total: number;
  counts: Map<FacetKey, Map<string, number>>;
}

/** Adds grouped rows (a value, or an array of values, and a count) into `counts`. */
export function addValues(map: Map<string, number>, value: string | string[] | null, n: number) {
  if (value === null) return;
  // A value twice in one organisation's array counts once, as the counters and the facet index count it.
  for (const v of Array.isArray(value) ? new Set(value) : [value]) map.set(v, (map.get(v) ?? 0) + n);
}
