import type { ReactNode } from 'react';
import { Link, useParams } from 'wouter';
import { api, type Region } from '../../../client/api.ts';
import { EventLinkList } from '../../../client/components/cards.tsx';
import { LocatorMap } from '../../../client/components/LocatorMap.tsx';
import { ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { IndicatorMap } from './IndicatorMap.tsx';
import { IndicatorTrends } from './IndicatorTrends.tsx';
import { KeyFigures } from './KeyFigures.tsx';
import { levelKey } from './levels.ts';
import { RegionEcosystem } from './RegionEcosystem.tsx';
import { RegionEditorial } from './RegionEditorial.tsx';
import SimilarRegions from './SimilarRegions.tsx';
import './region-profile.css';

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

/** One section of the profile: a card with its heading. */
function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <section className="card section profile-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {lead && <p className="muted">{lead}</p>}
      {children}
    </section>
  );
}

/**
 * A region's profile. Sections, in order: key figures, trends, map, ecosystem, S3 priorities, peers
 * ("regions like mine"), events. Every figure comes from the API with its year and source; what the
 * region lacks is shown as missing, never estimated.
 */
export default function RegionPage() {
  const { code = '' } = useParams<{ code: string }>();
  const { t, country } = useI18n();
  const upper = code.toUpperCase();
  const { data, error, loading, reload } = useApi((signal) => api.region(upper, signal), [upper]);
  const figures = useApi((signal) => api.regionIndicators(upper, signal), [upper]);
  const catalogue = useApi((signal) => api.indicators(signal), []);
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
  const indicators = figures.data?.code === r.code ? figures.data : undefined;
  const waitFigures = (body: (d: NonNullable<typeof indicators>) => ReactNode) =>
    figures.error && !indicators ? (
      <ErrorState error={figures.error} onRetry={figures.reload} />
    ) : !indicators ? (
      <Loading />
    ) : indicators.indicators.length === 0 ? (
      <p className="muted">
        {t('regionProfile.noIndicatorsHere', { level: t(levelKey(r.level)) })}{' '}
        {r.children.length > 0 && t('regionProfile.seeChildren')}
      </p>
    ) : (
      body(indicators)
    );

  return (
    <div className="container page region-profile">
      <Breadcrumb region={r} title={title} />
      <div className="region-hero">
        <div className="region-hero-main">
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
            {/* Page actions (the Input Paper button) go here. */}
          </header>
          <Section id="figures" title={t('regionProfile.keyFigures')}>
            {waitFigures((d) => (
              <KeyFigures
                data={d}
                hasRisGroups={
                  catalogue.data?.items.some((i) => i.id === 'ris_group' && i.regions > 0) ?? false
                }
              />
            ))}
          </Section>
        </div>
        <div className="region-hero-side">
          <div className="card section region-locator">
            <LocatorMap code={r.code} name={title} countryName={countryLabel} />
          </div>
          {r.children.length > 0 && (
            <nav aria-labelledby="children-heading" className="card section region-children">
              <h2 id="children-heading">{t('regions.children', { name: title })}</h2>
              <ul className="link-list">
                {r.children.map((child) => (
                  <li key={child.code}>
                    <Link href={`/regions/${child.code}`}>{child.name}</Link>{' '}
                    <span className="muted">{child.code}</span>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      </div>

      {indicators?.indicators.length !== 0 && (
        <Section
          id="trends"
          title={t('regionProfile.trends')}
          lead={t(r.level === 0 ? 'regionProfile.trendsLeadCountry' : 'regionProfile.trendsLead')}
        >
          {waitFigures((d) => (
            <IndicatorTrends data={d} regionName={title} countryName={countryLabel} />
          ))}
        </Section>
      )}

      <Section id="map" title={t('regionProfile.mapHeading')} lead={t('regionProfile.mapLead')}>
        {catalogue.error && !catalogue.data ? (
          <ErrorState error={catalogue.error} onRetry={catalogue.reload} />
        ) : catalogue.data ? (
          <IndicatorMap region={{ code: r.code, level: r.level, title }} catalogue={catalogue.data} />
        ) : (
          <Loading />
        )}
      </Section>

      <Section id="ecosystem" title={t('regionProfile.ecosystem')}>
        <RegionEcosystem region={r} title={title} />
      </Section>

      <RegionEditorial code={r.code} />
      <SimilarRegions code={r.code} />

      <Section id="events" title={t('regions.events')}>
        <EventLinkList events={r.events} empty={t('regions.noEvents')} />
      </Section>
    </div>
  );
}
