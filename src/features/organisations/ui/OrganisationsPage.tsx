import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api } from '../../../client/api.ts';
import { OrganisationList } from '../../../client/components/cards.tsx';
import { ErrorState, Loading, PageHeader, Pagination } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { DirectoryMap } from './DirectoryMap.tsx';
import {
  type DirectoryState,
  directoryHref,
  directoryQuery,
  FACETS,
  type Facet,
  filterQuery,
  isFiltered,
  parseDirectory,
  SORTS,
  type SortKey,
  selectRegion,
  toggleFilter,
} from './directoryQuery.ts';
import { Facets, useFacetLabel } from './Facets.tsx';
import './directory.css';

const TYPING_DELAY_MS = 350;

export default function OrganisationsPage() {
  const { t } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const state = useMemo(() => parseDirectory(search), [search]);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [q, setQ] = useState(state.q);
  const typed = useRef(state.q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const labelOf = useFacetLabel();
  const ids = { refine: useId(), groups: useId(), results: useId(), map: useId(), sort: useId() };
  const [showFacets, setShowFacets] = useState(false);
  useDocumentTitle(t('directory.title'));

  /** Every change is a new URL: typing replaces the entry, anything else adds one (the back button undoes it). */
  const go = (next: DirectoryState, replace = false) => {
    typed.current = next.q;
    navigate(directoryHref(next), { replace });
  };
  // The box follows the URL when it changes from outside (back/forward, links), not while typing.
  useEffect(() => {
    if (state.q !== typed.current) {
      typed.current = state.q;
      setQ(state.q);
    }
  }, [state.q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onType = (value: string) => {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => go({ ...stateRef.current, q: value, page: 1 }, true), TYPING_DELAY_MS);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    clearTimeout(timer.current);
    go({ ...state, q, page: 1 });
  };

  const listQuery = directoryQuery(state);
  const mapQuery = filterQuery(state);
  const list = useApi((signal) => api.searchOrganisations(listQuery, signal), [listQuery]);
  const map = useApi((signal) => api.organisationsMap(mapQuery, signal), [mapQuery]);
  const data = list.data;
  const sort: SortKey = state.sort || (state.q.trim() ? 'relevance' : 'name');
  const chips = FACETS.flatMap((f) => state.filters[f].map((value) => ({ facet: f, value })));
  const facetLabel = (facet: Facet, value: string) =>
    labelOf(facet, value, data?.facets[facet].find((v) => v.value === value)?.label);

  return (
    <div className="container page directory-page">
      <PageHeader title={t('directory.title')} lead={t('directory.lead')} />
      <search aria-label={t('directory.filters')}>
        <form className="card filters" onSubmit={onSubmit}>
          <div className="filter-field filter-q">
            <label htmlFor="directory-q">{t('directory.searchLabel')}</label>
            <input
              id="directory-q"
              type="search"
              name="q"
              value={q}
              maxLength={200}
              autoComplete="off"
              placeholder={t('search.placeholder')}
              aria-describedby="directory-q-hint"
              onChange={(e) => onType(e.target.value)}
            />
            <span id="directory-q-hint" className="field-hint">
              {t('search.hint')}
            </span>
          </div>
          <div className="filter-actions">
            <button type="submit" className="button">
              {t('common.search')}
            </button>
            {isFiltered(state) && (
              <Link href="/organisations" className="button button-secondary">
                {t('search.clearAll')}
              </Link>
            )}
          </div>
        </form>
      </search>

      {(chips.length > 0 || state.cluster) && (
        <ul className="filter-chips" aria-label={t('search.activeFilters')}>
          {chips.map(({ facet, value }) => (
            <li key={`${facet}:${value}`} className="filter-chip">
              <span>{facetLabel(facet, value)}</span>
              <Link href={directoryHref(toggleFilter(state, facet, value))} className="chip-remove">
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">
                  {t('search.removeFilter', { name: facetLabel(facet, value) })}
                </span>
              </Link>
            </li>
          ))}
          {state.cluster && (
            <li className="filter-chip">
              <span>
                {t('directory.memberOf')}:{' '}
                <Link href={`/organisations/${state.cluster}`}>{state.cluster}</Link>
              </span>
              <Link href={directoryHref({ ...state, cluster: '', page: 1 })} className="chip-remove">
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">
                  {t('search.removeFilter', { name: t('directory.memberOf') })}
                </span>
              </Link>
            </li>
          )}
        </ul>
      )}

      {list.error && !data && <ErrorState error={list.error} onRetry={list.reload} level={2} />}
      {list.loading && !data && <Loading />}
      {data && (
        <div className="directory-layout">
          <aside className="card directory-facets" aria-labelledby={ids.refine}>
            <div className="facets-header">
              <h2 id={ids.refine}>{t('search.refine')}</h2>
              {/* Small screens fold the facets away so that the results come first. */}
              <button
                type="button"
                className="button button-small button-secondary facets-toggle"
                aria-expanded={showFacets}
                aria-controls={ids.groups}
                onClick={() => setShowFacets(!showFacets)}
              >
                {showFacets ? t('search.hideFilters') : t('search.showFilters')}
              </button>
            </div>
            <div id={ids.groups} className={showFacets ? 'facet-groups is-open' : 'facet-groups'}>
              <Facets
                facets={data.facets}
                selected={state.filters}
                onToggle={(facet, value) => go(toggleFilter(state, facet, value))}
              />
            </div>
          </aside>
          <div className="directory-main">
            <section className="card results" aria-labelledby={ids.results} aria-busy={list.loading}>
              <h2 id={ids.results} className="visually-hidden">
                {t('search.results')}
              </h2>
              <div className="results-toolbar">
                <p className="results-count" aria-live="polite">
                  {t('directory.results', { count: data.total })}
                </p>
                <div className="sort-field">
                  <label htmlFor={ids.sort} className="sort-label">
                    {t('search.sortBy')}
                  </label>
                  <select
                    id={ids.sort}
                    value={sort}
                    onChange={(e) => go({ ...state, sort: e.target.value as SortKey, page: 1 })}
                  >
                    {SORTS.filter((s) => s !== 'relevance' || state.q.trim()).map((s) => (
                      <option key={s} value={s}>
                        {t(`search.sort.${s}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              {data.textMatch === 'similar' && (
                <p className="notice" role="status">
                  {t('search.similar', { q: state.q.trim() })}
                </p>
              )}
              <OrganisationList organisations={data.items} empty={t('directory.noResults')} />
              <Pagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                hrefFor={(page) => directoryHref({ ...state, page })}
              />
              {data.total > 0 && (
                <p className="export-links">
                  {t('search.download', { count: data.total })}{' '}
                  <a href={api.organisationsExportUrl(mapQuery, 'csv')} download>
                    {t('search.downloadCsv')}
                  </a>{' '}
                  <a href={api.organisationsExportUrl(mapQuery, 'json')} download>
                    {t('search.downloadJson')}
                  </a>
                </p>
              )}
            </section>
            <section className="card section directory-map-card" aria-labelledby={ids.map}>
              <h2 id={ids.map}>{t('search.mapTitle')}</h2>
              <DirectoryMap
                data={map.data}
                loading={map.loading}
                selected={state.filters.region}
                hrefFor={(code) => directoryHref(selectRegion(state, code))}
                onSelect={(code) => go(selectRegion(state, code))}
              />
            </section>
          </div>
        </div>
      )}
    </div>
  );
}
