import { api } from '../../../client/api.ts';
import { EventGrid } from '../../../client/components/cards.tsx';
import { ErrorState, Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';

function EventSection({ when }: { when: 'upcoming' | 'past' }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi((signal) => api.events(when, signal), [when]);
  const headingId = `events-${when}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(when === 'upcoming' ? 'events.upcoming' : 'events.past')}</h2>
      {error && !data && <ErrorState error={error} onRetry={reload} level={2} />}
      {loading && !data && <Loading />}
      {data && (
        <EventGrid
          events={data.items}
          empty={t(when === 'upcoming' ? 'events.noUpcoming' : 'events.noPast')}
        />
      )}
    </section>
  );
}

export default function EventsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('events.title'));
  return (
    <div className="container page">
      <PageHeader title={t('events.title')} lead={t('events.lead')} />
      <EventSection when="upcoming" />
      <EventSection when="past" />
    </div>
  );
}
