import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Organisation } from '../../../client/api.ts';
import { Empty, ExternalLink, Paragraphs } from '../../../client/components/ui.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { naceName } from './NacePicker.tsx';
import './profile.css';

export function EscaBadge({
  label,
  year,
}: {
  label: NonNullable<Organisation['escaLabel']>;
  year: number | null;
}) {
  const { t } = useI18n();
  return (
    <span className={`esca-badge esca-${label}`}>
      <span aria-hidden="true" className="esca-medal" />
      {t(`profile.esca.${label}`)}
      {year ? ` ${year}` : ''}
    </span>
  );
}

function Chips({ items, className = 'chip' }: { items: string[]; className?: string }) {
  return (
    <ul className="chip-list">
      {items.map((item) => (
        <li key={item} className={className}>
          {item}
        </li>
      ))}
    </ul>
  );
}

/** What the organisation offers and what it looks for. */
export function OffersSeeks({ organisation: o }: { organisation: Organisation }) {
  const { t } = useI18n();
  if (!o.offers.trim() && !o.seeks.trim()) return null;
  return (
    <section className="card section" aria-labelledby="offers-heading">
      <h2 id="offers-heading">{t('profile.offersSeeks')}</h2>
      <div className="offers-seeks">
        <div>
          <h3>{t('profile.field.offers')}</h3>
          {o.offers.trim() ? <Paragraphs text={o.offers} /> : <Empty>{t('common.none')}</Empty>}
        </div>
        <div>
          <h3>{t('profile.field.seeks')}</h3>
          {o.seeks.trim() ? <Paragraphs text={o.seeks} /> : <Empty>{t('common.none')}</Empty>}
        </div>
      </div>
    </section>
  );
}

/** Ecosystems, NACE activities, keywords and S3 areas. */
export function Activities({ organisation: o }: { organisation: Organisation }) {
  const { t, locale } = useI18n();
  const empty = !o.ecosystems.length && !o.nace.length && !o.keywords.length && !o.s3Areas.length;
  return (
    <section className="card section" aria-labelledby="activities-heading">
      <h2 id="activities-heading">{t('profile.section.activities')}</h2>
      {empty && <Empty>{t('profile.noActivities')}</Empty>}
      {o.ecosystems.length > 0 && (
        <>
          <h3>{t('profile.field.ecosystems')}</h3>
          <ul className="chip-list">
            {o.ecosystems.map((e) => (
              <li key={e} className="chip chip-ecosystem">
                {t(`profile.ecosystem.${e}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {o.nace.length > 0 && (
        <>
          <h3>{t('profile.field.nace')}</h3>
          <ul className="nace-list">
            {o.nace.map((n) => (
              <li key={n.code}>
                <span className="nace-code">{n.code}</span> <span>{naceName(n, locale)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {o.keywords.length > 0 && (
        <>
          <h3>{t('profile.field.keywords')}</h3>
          <Chips items={o.keywords} />
        </>
      )}
      {o.s3Areas.length > 0 && (
        <>
          <h3>{t('profile.field.s3Areas')}</h3>
          <Chips items={o.s3Areas} />
        </>
      )}
    </section>
  );
}

/** The cluster organisation's facts: programmes, ESCA label, the cluster manager. */
export function ClusterFacts({ organisation: o }: { organisation: Organisation }) {
  const { t } = useI18n();
  if (o.type !== 'cluster') return null;
  return (
    <section className="card section" aria-labelledby="cluster-heading">
      <h2 id="cluster-heading">{t('profile.section.cluster')}</h2>
      <dl className="details">
        <div>
          <dt>{t('profile.field.escaLabel')}</dt>
          <dd>
            {o.escaLabel ? <EscaBadge label={o.escaLabel} year={o.escaYear} /> : t('profile.esca.none')}
          </dd>
        </div>
        {o.programmes.length > 0 && (
          <div>
            <dt>{t('profile.field.programmes')}</dt>
            <dd>
              <Chips items={o.programmes} />
            </dd>
          </div>
        )}
        {(o.managerName || o.managerEmail) && (
          <div>
            <dt>{t('profile.clusterManager')}</dt>
            <dd>
              {o.managerName}
              {o.managerName && o.managerEmail && <br />}
              {o.managerEmail && <a href={`mailto:${o.managerEmail}`}>{o.managerEmail}</a>}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** Type, acronym, where, contact, founding year, size. */
export function Details({ organisation: o }: { organisation: Organisation }) {
  const { t, country } = useI18n();
  const rows: [string, ReactNode][] = [[t('common.type'), t(`orgType.${o.type}`)]];
  if (o.acronym) rows.push([t('org.acronym'), o.acronym]);
  if (o.regionCode)
    rows.push([
      t('common.region'),
      <Link key="r" href={`/regions/${o.regionCode}`}>
        {o.regionName ?? o.regionCode}
      </Link>,
    ]);
  if (o.countryCode)
    rows.push([
      t('common.country'),
      <Link key="c" href={`/regions/${o.countryCode}`}>
        {country(o.countryCode)}
      </Link>,
    ]);
  if (o.city) rows.push([t('common.city'), o.city]);
  if (o.website) rows.push([t('common.website'), <ExternalLink key="w" href={o.website} />]);
  if (o.email)
    rows.push([
      t('common.email'),
      <a key="e" href={`mailto:${o.email}`}>
        {o.email}
      </a>,
    ]);
  if (o.foundedYear) rows.push([t('org.founded'), String(o.foundedYear)]);
  if (o.sizeBand) rows.push([t('profile.field.sizeBand'), t(`profile.sizeBand.${o.sizeBand}`)]);
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
