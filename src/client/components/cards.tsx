import { Link } from 'wouter';
import type { EventSummary, OrganisationSummary } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { Badge, Empty, SampleBadge } from './ui.tsx';

export function CalendarIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false" className="icon">
      <rect x="2.5" y="4" width="15" height="13" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M2.5 8h15M6.5 2.5v3M13.5 2.5v3" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function PinIcon() {
  return (
    <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false" className="icon">
      <path
        d="M10 18s6-5.6 6-10a6 6 0 1 0-12 0c0 4.4 6 10 6 10Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <circle cx="10" cy="8" r="2" fill="currentColor" />
    </svg>
  );
}

export function EventCard({ event, headingLevel = 3 }: { event: EventSummary; headingLevel?: 2 | 3 }) {
  const { t, dateRange } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card event-card">
      <div className="card-badges">
        <SampleBadge sample={event.sample} />
        {event.status === 'cancelled' && <Badge tone="danger">{t('events.status.cancelled')}</Badge>}
        {event.status === 'draft' && <Badge>{t('events.status.draft')}</Badge>}
      </div>
      <Heading className="card-title">
        <Link href={`/events/${event.slug}`}>{event.title}</Link>
      </Heading>
      <p className="meta">
        <CalendarIcon />
        <time dateTime={event.startsAt}>{dateRange(event.startsAt, event.endsAt, event.timeZone)}</time>
      </p>
      {(event.city || event.hostRegion) && (
        <p className="meta">
          <PinIcon />
          <span>
            {event.city}
            {event.city && event.hostRegion && ' · '}
            {event.hostRegion && (
              <Link href={`/regions/${event.hostRegion.code}`}>{event.hostRegion.name}</Link>
            )}
          </span>
        </p>
      )}
      {event.summary && <p className="card-summary">{event.summary}</p>}
    </article>
  );
}

export function EventGrid({ events, empty }: { events: EventSummary[]; empty: string }) {
  if (events.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="card-grid">
      {events.map((event) => (
        <li key={event.id}>
          <EventCard event={event} />
        </li>
      ))}
    </ul>
  );
}

export function OrganisationRow({ organisation: o }: { organisation: OrganisationSummary }) {
  const { t, country } = useI18n();
  return (
    <li className="org-row">
      <div className="org-row-main">
        <Link href={`/organisations/${o.slug}`} className="org-name">
          {o.name}
        </Link>
        {o.acronym && o.acronym !== o.name && <span className="org-acronym">{o.acronym}</span>}
        <SampleBadge sample={o.sample} />
      </div>
      <div className="org-row-meta">
        <span className={`type-chip type-${o.type}`}>{t(`orgType.${o.type}`)}</span>
        {o.city && <span>{o.city}</span>}
        {o.regionCode && o.regionName ? (
          <Link href={`/regions/${o.regionCode}`}>{o.regionName}</Link>
        ) : (
          o.countryCode && <span>{country(o.countryCode)}</span>
        )}
      </div>
    </li>
  );
}

export function OrganisationList({
  organisations,
  empty,
}: {
  organisations: OrganisationSummary[];
  empty: string;
}) {
  if (organisations.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="org-list">
      {organisations.map((o) => (
        <OrganisationRow key={o.id} organisation={o} />
      ))}
    </ul>
  );
}

/** Compact list of events with their date in each event's own time zone. */
export function EventLinkList({
  events,
  empty,
}: {
  events: { id: string; slug: string; title: string; startsAt: string; timeZone: string }[];
  empty: string;
}) {
  const { date } = useI18n();
  if (events.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="link-list">
      {events.map((e) => (
        <li key={e.id}>
          <Link href={`/events/${e.slug}`}>{e.title}</Link>{' '}
          <time className="muted" dateTime={e.startsAt}>
            {date(e.startsAt, e.timeZone)}
          </time>
        </li>
      ))}
    </ul>
  );
}
