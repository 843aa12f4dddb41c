// The directory page's state lives in its URL: these pure functions read it, write it in one canonical
// order, and derive the query strings of the API calls. Values the API would refuse are dropped, so a
// hand-edited link still shows a page.
import { ECOSYSTEMS } from '../../../shared/ecosystems.ts';

export const FACETS = ['type', 'country', 'region', 'ecosystem', 'nace', 's3', 'size', 'label'] as const;
export type Facet = (typeof FACETS)[number];
export const SORTS = ['relevance', 'name', 'newest', 'participations'] as const;
export type SortKey = (typeof SORTS)[number];

export const ORGANISATION_TYPES = [
  'cluster',
  'company',
  'startup',
  'research_centre',
  'university',
  'public_authority',
  'innovation_hub',
  'association',
  'other',
] as const;
export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export const ESCA_LABELS = ['gold', 'silver', 'bronze'] as const;

const VALID: Record<Facet, (v: string) => boolean> = {
  type: (v) => (ORGANISATION_TYPES as readonly string[]).includes(v),
  country: (v) => /^[A-Z]{2}$/.test(v),
  region: (v) => /^[A-Z]{2}[0-9A-Z]{0,3}$/.test(v),
  ecosystem: (v) => (ECOSYSTEMS as readonly string[]).includes(v),
  nace: (v) => /^([A-V]|\d{2}(\.\d{1,2})?)$/.test(v),
  s3: (v) => v.trim().length > 0 && v.length <= 120,
  size: (v) => (SIZE_BANDS as readonly string[]).includes(v),
  label: (v) => (ESCA_LABELS as readonly string[]).includes(v),
};
const MAX_VALUES = 30;

export interface DirectoryState {
  q: string;
  filters: Record<Facet, string[]>;
  /** A cluster's slug, set by the "all members" link of a cluster page. */
  cluster: string;
  sort: SortKey | '';
  page: number;
}

export function emptyFilters(): Record<Facet, string[]> {
  return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, string[]>;
}

export function parseDirectory(search: string): DirectoryState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const f of FACETS) {
    const values = params.getAll(f).map((v) => (f === 'country' || f === 'region' ? v.toUpperCase() : v));
    filters[f] = [...new Set(values.filter(VALID[f]))].slice(0, MAX_VALUES);
  }
  const cluster = (params.get('cluster') ?? '').toLowerCase();
  const sort = params.get('sort') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    filters,
    cluster: /^[a-z0-9-]{1,120}$/.test(cluster) ? cluster : '',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SortKey) : '',
    page: Number.isFinite(page) && page > 0 && page <= 10_000 ? page : 1,
  };
}

/** The filters alone (what the map and the export take): q, facets, cluster. */
export function filterQuery(s: DirectoryState): string {
  const params = new URLSearchParams();
  if (s.q.trim()) params.set('q', s.q.trim());
  for (const f of FACETS) for (const v of s.filters[f]) params.append(f, v);
  if (s.cluster) params.set('cluster', s.cluster);
  return params.toString();
}

/** The page's own query string: the filters, then the sort and the page. */
export function directoryQuery(s: DirectoryState): string {
  const params = new URLSearchParams(filterQuery(s));
  if (s.sort) params.set('sort', s.sort);
  if (s.page > 1) params.set('page', String(s.page));
  return params.toString();
}

export function directoryHref(s: DirectoryState): string {
  const qs = directoryQuery(s);
  return qs ? `/organisations?${qs}` : '/organisations';
}

/** Adds or removes one value of a facet; any change of filters starts again at page 1. */
export function toggleFilter(s: DirectoryState, facet: Facet, value: string): DirectoryState {
  const values = s.filters[facet];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return { ...s, filters: { ...s.filters, [facet]: next }, page: 1 };
}

/** The map's click: that region alone, or no region when it was the only one selected. */
export function selectRegion(s: DirectoryState, code: string): DirectoryState {
  const only = s.filters.region.length === 1 && s.filters.region[0] === code;
  return { ...s, filters: { ...s.filters, region: only ? [] : [code] }, page: 1 };
}

export function isFiltered(s: DirectoryState): boolean {
  return Boolean(s.q.trim() || s.cluster || FACETS.some((f) => s.filters[f].length > 0));
}
