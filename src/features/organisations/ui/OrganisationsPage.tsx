import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, type OrganisationType } from '../../../client/api.ts';
import { OrganisationList } from '../../../client/components/cards.tsx';
import { ErrorState, Loading, PageHeader, Pagination } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';

const TYPES: OrganisationType[] = [
  'cluster',
  'company',
  'startup',
  'research_centre',
  'university',
  'public_authority',
  'innovation_hub',
  'association',
  'other',
];
const PAGE_SIZE = 20;

interface Filters {
  q: string;
  type: string;
  country: string;
  /** A NUTS code set by links from region pages; shown as a removable chip. */
  region: string;
  /** A cluster's slug, set by the "all members" link of a cluster page. */
  cluster: string;
}

function parseSearch(search: string): Filters & { page: number } {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const type = params.get('type') ?? '';
  const country = (params.get('country') ?? '').toUpperCase();
  const region = (params.get('region') ?? '').toUpperCase();
  const cluster = (params.get('cluster') ?? '').toLowerCase();
  return {
    q: params.get('q') ?? '',
    type: (TYPES as string[]).includes(type) ? type : '',
    country: /^[A-Z]{2}$/.test(country) ? country : '',
    region: /^[A-Z]{2}[0-9A-Z]{0,3}$/.test(region) ? region : '',
    cluster: /^[a-z0-9-]{1,120}$/.test(cluster) ? cluster : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function toSearch(filters: Filters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.type) params.set('type', filters.type);
  if (filters.country) params.set('country', filters.country);
  if (filters.region) params.set('region', filters.region);
  if (filters.cluster) params.set('cluster', filters.cluster);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/organisations?${qs}` : '/organisations';
}

export default function OrganisationsPage() {
  const { t, country } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const current = parseSearch(search);
  const [draft, setDraft] = useState<Filters>(current);
  useDocumentTitle(t('directory.title'));

  // Keep the form in step with the URL (back/forward, links from elsewhere).
  // The URL is the source of truth.
  useEffect(() => setDraft(parseSearch(search)), [search]);

  const list = useApi(
    (signal) =>
      api.organisations(
        {
          q: current.q || undefined,
          type: current.type || undefined,
          country: current.country || undefined,
          region: current.region || undefined,
          cluster: current.cluster || undefined,
          page: current.page,
          pageSize: PAGE_SIZE,
        },
        signal,
      ),
    [current.q, current.type, current.country, current.region, current.cluster, current.page],
  );
  const countries = useApi((signal) => api.regions({ level: 0, pageSize: 100 }, signal), []);
  const countryOptions = (countries.data?.items ?? [])
    .map((r) => ({ code: r.countryCode, name: country(r.countryCode) }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(toSearch(draft));
  };
  const filtered = Boolean(current.q || current.type || current.country || current.region || current.cluster);

  return (
    <div className="container page">
      <PageHeader title={t('directory.title')} lead={t('directory.lead')} />
      <search aria-label={t('directory.filters')}>
        <form className="card filters" onSubmit={submit}>
          <div className="filter-field filter-q">
            <label htmlFor="directory-q">{t('directory.searchLabel')}</label>
            <input
              id="directory-q"
              type="search"
              name="q"
              value={draft.q}
              placeholder={t('directory.searchPlaceholder')}
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            />
          </div>
          <div className="filter-field">
            <label htmlFor="directory-type">{t('common.type')}</label>
            <select
              id="directory-type"
              name="type"
              value={draft.type}
              onChange={(e) => navigate(toSearch({ ...draft, type: e.target.value }))}
            >
              <option value="">{t('directory.anyType')}</option>
              {TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`orgType.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="filter-field">
            <label htmlFor="directory-country">{t('common.country')}</label>
            <select
              id="directory-country"
              name="country"
              value={draft.country}
              onChange={(e) => navigate(toSearch({ ...draft, country: e.target.value }))}
            >
              <option value="">{t('directory.anyCountry')}</option>
              {current.country && !countryOptions.some((c) => c.code === current.country) && (
                <option value={current.country}>{country(current.country)}</option>
              )}
              {countryOptions.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          {current.region && (
            <p className="filter-chip">
              {t('common.region')}: <Link href={`/regions/${current.region}`}>{current.region}</Link>
              <Link href={toSearch({ ...current, region: '' })} className="chip-remove">
                {t('common.clear')}
                <span className="visually-hidden"> {t('common.region')}</span>
              </Link>
            </p>
          )}
          {current.cluster && (
            <p className="filter-chip">
              {t('directory.memberOf')}:{' '}
              <Link href={`/organisations/${current.cluster}`}>{current.cluster}</Link>
              <Link href={toSearch({ ...current, cluster: '' })} className="chip-remove">
                {t('common.clear')}
                <span className="visually-hidden"> {t('directory.memberOf')}</span>
              </Link>
            </p>
          )}
          <div className="filter-actions">
            <button type="submit" className="button">
              {t('common.search')}
            </button>
            {filtered && (
              <Link href="/organisations" className="button button-secondary">
                {t('common.clear')}
              </Link>
            )}
          </div>
        </form>
      </search>

      {list.error && !list.data && <ErrorState error={list.error} onRetry={list.reload} level={2} />}
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <section className="card results" aria-busy={list.loading}>
          <p className="results-count" aria-live="polite">
            {t('directory.results', { count: list.data.total })}
          </p>
          <OrganisationList organisations={list.data.items} empty={t('directory.noResults')} />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            hrefFor={(page) => toSearch(current, page)}
          />
        </section>
      )}
    </div>
  );
}
