import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { MessageKey } from '../../shared/i18n/index.ts';
import type { ApiError } from '../api.ts';
import { type ApiState, useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';

export function SampleBadge({ sample }: { sample: boolean }) {
  const { t } = useI18n();
  if (!sample) return null;
  return (
    <span className="badge badge-sample" title={t('common.sampleHint')}>
      {t('common.sample')}
    </span>
  );
}

export function Badge({
  children,
  tone = 'neutral',
}: {
  children: ReactNode;
  tone?: 'neutral' | 'accent' | 'warning' | 'danger';
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

export function errorMessageKey(error: ApiError): MessageKey {
  if (error.status === 0) return 'error.network';
  if (error.status === 401) return 'error.unauthenticated';
  if (error.status === 403) return 'error.forbidden';
  if (error.status === 404) return 'error.notFound';
  if (error.status === 429) return 'error.rateLimited';
  return 'error.generic';
}

/**
 * A failed load: a heading (the page's h1 unless the page already has one), a message and, unless
 * the thing does not exist, a retry button.
 */
export function ErrorState({
  error,
  onRetry,
  level = 1,
}: {
  error: ApiError;
  onRetry?: () => void;
  level?: 1 | 2;
}) {
  const { t } = useI18n();
  const notFound = error.status === 404;
  const title = t(notFound ? 'error.notFoundTitle' : 'error.loadTitle');
  useDocumentTitle(level === 1 ? title : undefined);
  const Heading = level === 1 ? 'h1' : 'h2';
  const card = (
    <div className="card empty-state">
      <Heading>{title}</Heading>
      <p>{t(errorMessageKey(error))}</p>
      <p className="actions">
        {!notFound && onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
        <Link href="/" className="button button-secondary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
  return level === 1 ? <div className="container page">{card}</div> : card;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Previous / next links that keep the rest of the query string. */
export function Pagination({
  page,
  pageSize,
  total,
  hrefFor,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination')}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="button button-secondary" rel="prev">
          {t('common.previous')}
        </Link>
      ) : (
        <span className="button button-secondary is-disabled" aria-hidden="true">
          {t('common.previous')}
        </span>
      )}
      <span className="pagination-status">{t('common.pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} className="button button-secondary" rel="next">
          {t('common.next')}
        </Link>
      ) : (
        <span className="button button-secondary is-disabled" aria-hidden="true">
          {t('common.next')}
        </span>
      )}
    </nav>
  );
}

/** Previous / next buttons for a list inside a page that has no URL of its own (history, members). */
export function PagerButtons({
  page,
  pageSize,
  total,
  onPage,
  labels,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  labels?: { previous: string; next: string };
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <div className="pagination">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {labels?.previous ?? t('common.previous')}
      </button>
      <span className="pagination-status">{t('common.pageOf', { page, pages })}</span>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {labels?.next ?? t('common.next')}
      </button>
    </div>
  );
}

export function PageHeader({
  title,
  lead,
  children,
}: {
  title: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {lead && <p className="lead">{lead}</p>}
      {children}
    </header>
  );
}

/** Only http(s) addresses become links, so a stored "javascript:" URL can never run. */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  if (!/^https?:\/\//i.test(href)) return <span>{children ?? href}</span>;
  return (
    <a href={href} rel="noopener noreferrer">
      {children ?? href.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '')}
    </a>
  );
}

/** Plain text with blank lines between paragraphs, rendered as <p> elements (never as HTML). */
export function Paragraphs({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own.
        <p key={i} className="prose">
          {p}
        </p>
      ))}
    </>
  );
}

/**
 * What a page shows while the data it needs is not all there: the first error (its retry reloads every
 * part), else the loading state; null once everything has loaded.
 */
export function whileLoading(
  ...parts: Pick<ApiState<unknown>, 'data' | 'error' | 'reload'>[]
): ReactNode | null {
  const error = parts.find((p) => p.error)?.error;
  if (error) {
    return (
      <ErrorState
        error={error}
        onRetry={() => {
          for (const p of parts) p.reload();
        }}
      />
    );
  }
  if (parts.some((p) => p.data === undefined)) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  return null;
}
