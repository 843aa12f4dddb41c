import { useState } from 'react';
import { useParams } from 'wouter';
import { api } from '../../../client/api.ts';
import { CalendarIcon } from '../../../client/components/cards.tsx';
import { FormMessage } from '../../../client/components/Form.tsx';
import { Badge, Empty, ErrorState, Loading, SampleBadge } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { EventTabs } from './EventTabs.tsx';
import { ArticleEditor, ArticleView } from './SummaryArticle.tsx';
import { SummaryGallery } from './SummaryGallery.tsx';
import { SummaryLinks, SummaryStatistics } from './SummaryLinks.tsx';
import { SummaryQuotes } from './SummaryQuotes.tsx';
import './summary.css';

/**
 * After the event: the article, quotes, photos, recordings and documents, and who took part. Visitors
 * see it once the organisers publish it; organisers edit every part here.
 */
export default function SummaryPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t, eventWhen, date } = useI18n();
  const event = useApi((signal) => api.event(slug, signal), [slug]);
  const summary = useApi((signal) => api.eventSummary(slug, signal), [slug]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(event.data ? t('summary.documentTitle', { event: event.data.title }) : undefined);

  const failed = event.error ?? summary.error;
  if (failed && !(event.data && summary.data))
    return (
      <ErrorState
        error={failed}
        onRetry={() => {
          event.reload();
          summary.reload();
        }}
      />
    );
  if (!event.data || !summary.data)
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  const e = event.data;
  const s = summary.data;
  const reload = () => summary.reload();
  const visible = s.published || s.canEdit;

  return (
    <div className="container page summary-page">
      <header className="page-header">
        <p className="eyebrow">{t('summary.tab')}</p>
        <h1>{e.title}</h1>
        <p className="meta meta-large">
          <CalendarIcon />
          <time dateTime={e.startsAt}>{eventWhen(e.startsAt, e.endsAt, e.timeZone)}</time>
        </p>
        {s.publishedAt && <p className="muted">{t('summary.publishedOn', { date: date(s.publishedAt) })}</p>}
      </header>
      <EventTabs slug={e.slug} canEdit={e.canEdit} />
      {!visible && <Empty>{t('summary.notYet')}</Empty>}
      {s.canEdit && !s.published && (
        <p className="summary-draft" role="note">
          <Badge>{t('summary.unpublished')}</Badge> {t('summary.unpublishedHint')}
        </p>
      )}
      <FormMessage success={saved ? t('summary.saved') : undefined} />
      {visible && (
        <div className="summary-layout">
          <section className="card section" aria-labelledby="article-heading">
            <div className="section-head">
              <h2 id="article-heading">{t('summary.article')}</h2>
              {s.canEdit && !editing && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => {
                    setEditing(true);
                    setSaved(false);
                  }}
                >
                  {t('summary.editArticle')}
                </button>
              )}
            </div>
            {editing ? (
              <ArticleEditor
                event={e.id}
                summary={s}
                onCancel={() => setEditing(false)}
                onSaved={(page) => {
                  summary.setData(page);
                  setEditing(false);
                  setSaved(true);
                }}
              />
            ) : (
              <ArticleView html={s.bodyHtml} />
            )}
          </section>
          {(s.canEdit || s.quotes.length > 0) && (
            <section className="card section" aria-labelledby="quotes-heading">
              <h2 id="quotes-heading">{t('summary.quotes')}</h2>
              <SummaryQuotes event={e.id} quotes={s.quotes} canEdit={s.canEdit} onChanged={reload} />
            </section>
          )}
          {(s.canEdit || s.photos.length > 0) && (
            <section className="card section" aria-labelledby="photos-heading">
              <h2 id="photos-heading">{t('summary.gallery')}</h2>
              <SummaryGallery event={e.id} photos={s.photos} canEdit={s.canEdit} onChanged={reload} />
            </section>
          )}
          {(s.canEdit || s.links.length > 0 || s.inputPaperUrl) && (
            <section className="card section" aria-labelledby="links-heading">
              <h2 id="links-heading">{t('summary.linksTitle')}</h2>
              <SummaryLinks
                event={e.id}
                links={s.links}
                inputPaperUrl={s.inputPaperUrl}
                canEdit={s.canEdit}
                onChanged={reload}
              />
            </section>
          )}
          {s.statistics && (
            <section className="card section" aria-labelledby="stats-heading">
              <h2 id="stats-heading">
                {t('summary.stats')} <SampleBadge sample={s.statistics.sample} />
              </h2>
              <SummaryStatistics stats={s.statistics} />
            </section>
          )}
        </div>
      )}
    </div>
  );
}
