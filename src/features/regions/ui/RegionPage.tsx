import { Link, useParams } from 'wouter';
import { api, type Region } from '../../../client/api.ts';
import { EventLinkList, OrganisationList } from '../../../client/components/cards.tsx';
import { LocatorMap } from '../../../client/components/LocatorMap.tsx';
import { ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { levelKey } from './levels.ts';
import { RegionEditorial } from './RegionEditorial.tsx';

function Breadcrumb({ region, title }: { region: Region; title: string }) {
  const { t, country } = useI18n();
  return (
    <nav aria-label={t('regions.breadcrumb')} className="breadcrumb">
      <ol>
        <li>
          <Link href="/regions">{t('regions.title')}</Link>
        </li>
        {region.ancestors.map((a) => (
          <li key={a.code}>
            <Link href={`/regions/${a.code}`}>{a.level === 0 ? country(a.code) : a.name}</Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{title}</span>
        </li>
      </ol>
    </nav>
  );
}

function directoryHref(region: Region): string {
  return region.level === 0
    ? `/organisations?country=${region.countryCode}`
    : `/organisations?region=${region.code}`;
}

export default function RegionPage() {
  const { code = '' } = useParams<{ code: string }>();
  const { t, country, number } = useI18n();
  const upper = code.toUpperCase();
  const { data, error, loading, reload } = useApi((signal) => api.region(upper, signal), [upper]);
  const title = data ? (data.level === 0 ? country(data.countryCode) : data.name) : undefined;
  useDocumentTitle(title);

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if ((loading && !data) || !data || !title) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  const r = data;
  const countryLabel = country(r.countryCode);

  return (
    <div className="container page">
      <Breadcrumb region={r} title={title} />
      <header className="page-header">
        <div className="card-badges">
          <span className="badge badge-neutral">{t(levelKey(r.level))}</span>
          <span className="badge badge-neutral">
            {t('regions.code')}: {r.code}
          </span>
        </div>
        <h1>{title}</h1>
        {(r.name !== title || r.nameLatn !== r.name) && (
          <p className="lead">
            {[r.name !== title ? r.name : null, r.nameLatn !== r.name ? r.nameLatn : null]
              .filter(Boolean)
              .join(' · ')}
          </p>
        )}
      </header>

      <div className="two-columns">
        <div className="stack">
          <section className="card section" aria-labelledby="orgs-heading">
            <div className="section-header">
              <h2 id="orgs-heading">
                {t('regions.organisations', { name: title })}{' '}
                <span className="count">{number(r.organisationCount)}</span>
              </h2>
              {r.organisationCount > 0 && <Link href={directoryHref(r)}>{t('regions.seeAll')}</Link>}
            </div>
            <OrganisationList organisations={r.organisations} empty={t('regions.noOrganisations')} />
            {r.organisationCount > r.organisations.length && (
              <p className="muted">
                {t('common.showingFirst', {
                  shown: r.organisations.length,
                  total: number(r.organisationCount),
                })}
              </p>
            )}
          </section>
          <section className="card section" aria-labelledby="events-heading">
            <h2 id="events-heading">{t('regions.events')}</h2>
            <EventLinkList events={r.events} empty={t('regions.noEvents')} />
          </section>
          <RegionEditorial code={r.code} />
        </div>
        <div className="stack">
          <section className="card section">
            <LocatorMap code={r.code} name={title} countryName={countryLabel} />
          </section>
          {r.children.length > 0 && (
            <section className="card section" aria-labelledby="children-heading">
              <h2 id="children-heading">{t('regions.children', { name: title })}</h2>
              <ul className="link-list">
                {r.children.map((child) => (
                  <li key={child.code}>
                    <Link href={`/regions/${child.code}`}>{child.name}</Link>{' '}
                    <span className="muted">{child.code}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
