import { formatDate } from '../../shared/i18n/index.ts';
import { TERMS_VERSION } from '../../shared/terms.ts';
import { PageHeader } from '../components/ui.tsx';
import { useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';

const SECTIONS = ['operator', 'stored', 'visible', 'cookies', 'consents', 'use', 'rights'] as const;

/** The terms of use and privacy notice accepted at sign-up; its wording version is TERMS_VERSION. */
export default function TermsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('terms.title'));
  return (
    <div className="container page narrow-wide">
      <PageHeader title={t('terms.title')} lead={t('terms.lead')} />
      <p className="muted">
        {t('terms.version', { date: formatDate(locale, `${TERMS_VERSION}T12:00:00Z`, 'UTC') })}
      </p>
      {SECTIONS.map((s) => (
        <section key={s} className="card section" aria-labelledby={`terms-${s}-heading`}>
          <h2 id={`terms-${s}-heading`}>{t(`terms.${s}Title`)}</h2>
          <p>{t(`terms.${s}`)}</p>
        </section>
      ))}
    </div>
  );
}
