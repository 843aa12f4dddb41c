import { Link } from 'wouter';
import { api } from '../../../client/api.ts';
import { EventGrid } from '../../../client/components/cards.tsx';
import { ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';

type CountKey = 'organisations' | 'clusters' | 'regions' | 'events' | 'people';
const STATS: { key: CountKey; label: MessageKey; href?: string }[] = [
  { key: 'organisations', label: 'home.stats.organisations', href: '/organisations' },
  { key: 'clusters', label: 'home.stats.clusters', href: '/organisations?type=cluster' },
  { key: 'regions', label: 'home.stats.regions', href: '/regions' },
  { key: 'events', label: 'home.stats.events', href: '/events' },
  { key: 'people', label: 'home.stats.people' },
];

/** Decorative: clusters (dots) linked across regions (tiles). */
function HeroGraphic() {
  const nodes: [number, number][] = [
    [60, 70],
    [170, 40],
    [250, 120],
    [120, 170],
    [220, 230],
    [70, 250],
    [300, 200],
  ];
  const links: [number, number][] = [
    [0, 1],
    [1, 2],
    [0, 3],
    [3, 2],
    [3, 4],
    [4, 6],
    [2, 6],
    [3, 5],
    [5, 4],
  ];
  return (
    <svg className="hero-graphic" viewBox="0 0 360 300" aria-hidden="true" focusable="false">
      <rect x="20" y="20" width="150" height="120" rx="14" className="hero-tile" />
      <rect x="185" y="60" width="155" height="110" rx="14" className="hero-tile" />
      <rect x="40" y="160" width="140" height="120" rx="14" className="hero-tile" />
      <rect x="195" y="185" width="135" height="95" rx="14" className="hero-tile" />
      {links.map(([a, b]) => {
        const [x1, y1] = nodes[a] ?? [0, 0];
        const [x2, y2] = nodes[b] ?? [0, 0];
        return <line key={`${a}-${b}`} x1={x1} y1={y1} x2={x2} y2={y2} className="hero-link" />;
      })}
      {nodes.map(([cx, cy], i) => (
        <circle
          key={`${cx}-${cy}`}
          cx={cx}
          cy={cy}
          r={i === 3 ? 14 : 9}
          className={i === 3 ? 'hero-node hero-node-main' : 'hero-node'}
        />
      ))}
    </svg>
  );
}

export default function HomePage() {
  const { t, number } = useI18n();
  const { data, error, loading, reload } = useApi((signal) => api.overview(signal), []);
  useDocumentTitle('');

  return (
    <>
      <section className="hero">
        <div className="container hero-inner">
          <div>
            <p className="eyebrow">{t('app.name')}</p>
            <h1>{t('home.title')}</h1>
            <p className="lead">{t('home.lead')}</p>
            <p className="actions">
              <Link href="/organisations" className="button">
                {t('home.browseDirectory')}
              </Link>
              <Link href="/events" className="button button-secondary">
                {t('home.browseEvents')}
              </Link>
            </p>
          </div>
          <HeroGraphic />
        </div>
      </section>
      {loading && !data && (
        <div className="container page">
          <Loading />
        </div>
      )}
      {error && !data && (
        <div className="container page">
          <ErrorState error={error} onRetry={reload} level={2} />
        </div>
      )}
      {data && (
        <div className="container page">
          <section aria-labelledby="stats-heading" className="section">
            <h2 id="stats-heading" className="visually-hidden">
              {t('home.statsHeading')}
            </h2>
            <dl className="stats">
              {STATS.map((stat) => (
                <div key={stat.key} className="stat card">
                  <dt>{stat.href ? <Link href={stat.href}>{t(stat.label)}</Link> : t(stat.label)}</dt>
                  <dd className="stat-value">{number(data.counts[stat.key])}</dd>
                  {stat.key === 'regions' && (
                    <dd className="stat-note">
                      {t('home.stats.regionsWithOrganisations', {
                        count: number(data.counts.regionsWithOrganisations),
                      })}
                    </dd>
                  )}
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="next-events" className="section">
            <div className="section-header">
              <h2 id="next-events">{t('home.nextEvents')}</h2>
              <Link href="/events">{t('home.allEvents')}</Link>
            </div>
            <EventGrid events={data.nextEvents} empty={t('home.noNextEvents')} />
          </section>
          <section aria-labelledby="past-events" className="section">
            <h2 id="past-events">{t('home.pastEvents')}</h2>
            <EventGrid events={data.pastEvents} empty={t('home.noPastEvents')} />
          </section>
        </div>
      )}
    </>
  );
}
