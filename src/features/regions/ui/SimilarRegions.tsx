import { useId, useState } from 'react';
import { Link } from 'wouter';
import { api, type SimilarRegions as SimilarData } from '../../../client/api.ts';
import { Empty, ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { formatFigure } from '../../../shared/indicators.ts';
import {
  describeReason,
  dimensionKey,
  SIMILARITY_DIMENSIONS,
  type SimilarityDimension,
} from '../../../shared/region-similarity.ts';
import './regions.css';

type Peer = SimilarData['peers'][number];

export const compareHref = (codes: readonly string[]) => `/regions/compare?codes=${codes.join(',')}`;

function PeerItem({ code, peer }: { code: string; peer: Peer }) {
  const { t, locale } = useI18n();
  const distance = (v: number) => formatFigure(locale, v, 2);
  return (
    <li className="peer">
      <div className="peer-head">
        <Link href={`/regions/${peer.code}`} className="peer-name">
          {peer.name}
        </Link>{' '}
        <span className="muted">{peer.code}</span>
        <span className="peer-distance" title={t('similar.distanceHint')}>
          {t('similar.distance', { value: distance(peer.distance) })}
        </span>
      </div>
      <p className="peer-dimensions muted">
        {peer.dimensions
          .filter((d) => d.of > 0)
          .map((d) =>
            d.distance === null
              ? t('similar.dimensionUnknown', { dimension: t(dimensionKey(d.dimension)) })
              : t('similar.dimensionDistance', {
                  dimension: t(dimensionKey(d.dimension)),
                  value: distance(d.distance),
                }),
          )
          .join(' · ')}
        {' · '}
        {t('similar.coverage', { shared: peer.coverage.shared, of: peer.coverage.of })}
      </p>
      {peer.reasons.length > 0 && (
        <ul className="peer-reasons">
          {peer.reasons.map((r) => (
            <li key={r.kind === 'ecosystems' ? 'ecosystems' : `${r.kind}-${r.indicator}`}>
              {describeReason(locale, r)}
            </li>
          ))}
        </ul>
      )}
      <Link href={compareHref([code, peer.code])} className="peer-compare">
        {t('similar.comparePeer', { name: peer.name })}
      </Link>
    </li>
  );
}

function Peers({ code, dimensions }: { code: string; dimensions: SimilarityDimension[] }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi(
    (signal) => api.similarRegions(code, dimensions, signal),
    [code, dimensions.join(',')],
  );
  if (error && !data) return <ErrorState error={error} onRetry={reload} level={2} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const nearest = data.peers.slice(0, 5).map((p) => p.code);
  return (
    <div aria-busy={loading}>
      {dimensions.includes('ecosystems') && (
        <p className="muted">
          {t('similar.ecosystemsSparse', {
            count: data.ecosystems.regions,
            min: data.ecosystems.minOrganisations,
          })}
        </p>
      )}
      {data.peers.length === 0 ? (
        <Empty>{t('similar.none')}</Empty>
      ) : (
        <>
          <ol className="peer-list" aria-label={t('similar.peers')}>
            {data.peers.map((p) => (
              <PeerItem key={p.code} code={code} peer={p} />
            ))}
          </ol>
          <p className="actions">
            <Link href={compareHref([code, ...nearest])} className="button button-secondary">
              {t('similar.compareNearest')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

/** "Regions like this one" on a region's page: dimension checkboxes and the nearest peers with reasons. */
export default function SimilarRegions({ code }: { code: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const [chosen, setChosen] = useState<SimilarityDimension[]>([...SIMILARITY_DIMENSIONS]);
  const toggle = (d: SimilarityDimension, on: boolean) =>
    setChosen((cur) => SIMILARITY_DIMENSIONS.filter((x) => (x === d ? on : cur.includes(x))));
  return (
    <section className="card section similar-regions" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{t('similar.title')}</h2>
        <Link href={compareHref([code])}>{t('similar.compareWith')}</Link>
      </div>
      <p className="muted">{t('similar.lead')}</p>
      <fieldset className="radio-group">
        <legend>{t('similar.dimensions')}</legend>
        {SIMILARITY_DIMENSIONS.map((d) => (
          <label key={d} className="radio">
            <input
              type="checkbox"
              checked={chosen.includes(d)}
              onChange={(e) => toggle(d, e.target.checked)}
            />
            {t(dimensionKey(d))}
          </label>
        ))}
      </fieldset>
      {chosen.length === 0 ? (
        <Empty>{t('similar.noDimension')}</Empty>
      ) : (
        <Peers code={code} dimensions={chosen} />
      )}
    </section>
  );
}
