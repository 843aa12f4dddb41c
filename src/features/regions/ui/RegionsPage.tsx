import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, type RegionSummary } from '../../../client/api.ts';
import { Empty, ErrorState, Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { levelKey } from './levels.ts';

function SearchResults({ q }: { q: string }) {
  const { t, country } = useI18n();
  const { data, error, loading, reload } = useApi((signal) => api.regions({ q, pageSize: 50 }, signal), [q]);
  if (error && !data) return <ErrorState error={error} onRetry={reload} level={2} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  return (
    <section className="card section" aria-labelledby="region-results">
      <h2 id="region-results" aria-live="polite">
        {t('regions.searchResults', { count: data.total })}
      </h2>
      {data.items.length === 0 ? (
        <Empty>{t('regions.noResults')}</Empty>
      ) : (
        <ul className="link-list">
          {data.items.map((r) => (
            <li key={r.code}>
              <Link href={`/regions/${r.code}`}>{r.level === 0 ? country(r.countryCode) : r.name}</Link>{' '}
              <span className="muted">
                {r.code} · {t(levelKey(r.level))}
                {r.level > 0 && ` · ${country(r.countryCode)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CountryGrid({ countries }: { countries: RegionSummary[] }) {
  const { country, locale } = useI18n();
  const sorted = countries
    .map((r) => ({ ...r, label: country(r.countryCode) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return (
    <ul className="country-grid">
      {sorted.map((r) => (
        <li key={r.code}>
          <Link href={`/regions/${r.code}`} className="country-card">
            <span className="country-code" aria-hidden="true">
              {r.code}
            </span>
            <span>{r.label}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function RegionsPage() {
  const { t } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const q = new URLSearchParams(search).get('q')?.trim() ?? '';
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  useDocumentTitle(t('regions.title'));
  const countries = useApi((signal) => api.regions({ level: 0, pageSize: 100 }, signal), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(draft.trim() ? `/regions?q=${encodeURIComponent(draft.trim())}` : '/regions');
  };

  return (
    <div className="container page">
      <PageHeader title={t('regions.title')} lead={t('regions.lead')} />
      <search aria-label={t('regions.searchLabel')}>
        <form className="card filters" onSubmit={submit}>
          <div className="filter-field filter-q">
            <label htmlFor="regions-q">{t('regions.searchLabel')}</label>
            <input
              id="regions-q"
              type="search"
              name="q"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          <div className="filter-actions">
            <button type="submit" className="button">
              {t('common.search')}
            </button>
            {q && (
              <Link href="/regions" className="button button-secondary">
                {t('common.clear')}
              </Link>
            )}
          </div>
        </form>
      </search>
      {q && <SearchResults q={q} />}
      <section className="section" aria-labelledby="countries-heading">
        <h2 id="countries-heading">{t('regions.countries')}</h2>
        {countries.error && !countries.data && (
          <ErrorState error={countries.error} onRetry={countries.reload} level={2} />
        )}
        {countries.loading && !countries.data && <Loading />}
        {countries.data && <CountryGrid countries={countries.data.items} />}
      </section>
    </div>
  );
}
