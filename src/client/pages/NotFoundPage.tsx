import { Link } from 'wouter';
import { useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';

export default function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="container page">
      <div className="card empty-state">
        <p className="eyebrow">404</p>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
        <p className="actions">
          <Link href="/" className="button">
            {t('notFound.home')}
          </Link>
        </p>
      </div>
    </div>
  );
}
