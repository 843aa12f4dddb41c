import { Link, useParams } from 'wouter';
import { api } from '../../../client/api.ts';
import { Empty, ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { EventTabs } from '../../events/ui/EventTabs.tsx';
import { MeetingsSection, ProfileSection, SlotsSection } from './B2bMine.tsx';
import { ParticipantsSection } from './B2bParticipants.tsx';
import { RequestsSection } from './B2bRequests.tsx';
import './b2b.css';

/** /events/:slug/b2b: a participant's B2B meetings — profile, meetings, requests, slots, participants. */
export default function B2bPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi((signal) => api.b2b(slug, signal), [slug]);
  useDocumentTitle(data ? `${t('b2b.title')} — ${data.event.title}` : undefined);

  if (error && !data) {
    if (error.status === 401)
      return (
        <div className="container page">
          <h1>{t('b2b.title')}</h1>
          <p>
            <Link href="/signin">{t('b2b.signIn')}</Link>
          </p>
        </div>
      );
    return <ErrorState error={error} onRetry={reload} />;
  }
  if ((loading && !data) || !data)
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  const { event, me } = data;
  return (
    <div className="container page b2b-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={`/events/${event.slug}`}>{event.title}</Link>
        </p>
        <h1>{t('b2b.title')}</h1>
        <p className="lead">{t('b2b.intro')}</p>
        <p className="muted">
          {event.mode === 'first_come' ? t('b2b.modeFirstCome') : t('b2b.modeScheduler')}
        </p>
      </header>
      <EventTabs slug={event.slug} canEdit={event.canEdit} />
      {!me ? (
        <section className="card section">
          <Empty>{t('b2b.notRegistered')}</Empty>
        </section>
      ) : (
        <div className="b2b-grid">
          <div className="stack">
            <MeetingsSection slug={event.slug} timeZone={event.timeZone} version={data} onChange={reload} />
            <RequestsSection overview={data} onChange={reload} />
            {me.optedIn && <ParticipantsSection overview={data} onRequested={reload} />}
          </div>
          <div className="stack">
            <ProfileSection overview={data} onChange={reload} />
            <SlotsSection overview={data} onChange={reload} />
          </div>
        </div>
      )}
    </div>
  );
}
