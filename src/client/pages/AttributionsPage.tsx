import { PageHeader } from '../components/ui.tsx';
import { useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';

export default function AttributionsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('attributions.title'));
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
