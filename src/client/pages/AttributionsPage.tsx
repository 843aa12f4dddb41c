import { useEffect } from 'react';
import { api, type IndicatorSource } from '../api.ts';
import { sourceAnchor } from '../attributions.ts';
import { ErrorState, ExternalLink, Loading, PageHeader } from '../components/ui.tsx';
import { useApi, useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';

/** One source of regional figures, as the API describes it (GET /api/v1/indicators). */
function IndicatorSourceEntry({ source: s }: { source: IndicatorSource }) {
  const { t } = useI18n();
  return (
    <article
      id={sourceAnchor(s.id)}
      className="attribution-source"
      aria-labelledby={`${sourceAnchor(s.id)}-h`}
    >
      <h3 id={`${sourceAnchor(s.id)}-h`}>{s.name}</h3>
      <dl className="details">
        <div>
          <dt>{t('attributions.publisher')}</dt>
          <dd>{s.publisher}</dd>
        </div>
        <div>
          <dt>{t('attributions.licence')}</dt>
          <dd>{s.licence}</dd>
        </div>
        <div>
          <dt>{t('attributions.credit')}</dt>
          <dd>{s.attribution}</dd>
        </div>
        {s.url && (
          <div>
            <dt>{t('common.website')}</dt>
            <dd>
              <ExternalLink href={s.url} />
            </dd>
          </div>
        )}
        {s.note && (
          <div>
            <dt>{t('attributions.note')}</dt>
            <dd>{s.note}</dd>
          </div>
        )}
      </dl>
    </article>
  );
}

export default function AttributionsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('attributions.title'));
  const { data, error, reload } = useApi((signal) => api.indicators(signal), []);

  // Figures link to /attributions#source-<id>: the entries exist once the sources have loaded.
  useEffect(() => {
    if (!data || !window.location.hash) return;
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [data]);

  return (
    <div className="container page narrow-wide">
      <PageHeader title={t('attributions.title')} lead={t('attributions.lead')} />
      <section className="card section" aria-labelledby="boundaries-heading">
        <h2 id="boundaries-heading">{t('attributions.boundariesTitle')}</h2>
        <p>{t('attributions.boundaries')}</p>
        <p>
          <a href="/geo/SOURCE.md">{t('attributions.sourceFile')}</a>
        </p>
      </section>
      <section className="card section" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('attributions.indicatorsTitle')}</h2>
        <p>{t('attributions.indicators')}</p>
        {locale !== 'en' && <p className="muted">{t('attributions.catalogueLanguage')}</p>}
        {error && !data ? (
          <ErrorState error={error} onRetry={reload} />
        ) : !data ? (
          <Loading />
        ) : (
          data.sources.map((s) => <IndicatorSourceEntry key={s.id} source={s} />)
        )}
      </section>
      <section className="card section" aria-labelledby="nuts-heading">
        <h2 id="nuts-heading">{t('attributions.regionsTitle')}</h2>
        <p>{t('attributions.regions')}</p>
      </section>
      <section className="card section" aria-labelledby="nace-heading">
        <h2 id="nace-heading">{t('attributions.naceTitle')}</h2>
        <p>{t('attributions.nace')}</p>
      </section>
      <section className="card section" aria-labelledby="cordis-heading">
        <h2 id="cordis-heading">{t('attributions.cordisTitle')}</h2>
        <p>{t('attributions.cordis')}</p>
      </section>
      <section className="card section" aria-labelledby="sample-heading">
        <h2 id="sample-heading">{t('attributions.sampleTitle')}</h2>
        <p>
          <span className="badge badge-sample">{t('common.sample')}</span> {t('attributions.sample')}
        </p>
      </section>
    </div>
  );
}
