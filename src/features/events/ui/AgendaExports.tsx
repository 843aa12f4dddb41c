import { useI18n } from '../../../client/i18n.tsx';
import './AgendaExports.css';

/**
 * Links to the agenda exports (docs/calendar.md): the iCalendar file and its subscription, the printable
 * PDF in the reader's language, and the frab schedule JSON. Plain links: the server sends each file with
 * its own content type, so the browser downloads or opens it.
 */

const enc = encodeURIComponent;

export function eventCalendarPath(eventId: string): string {
  return `/api/v1/events/${enc(eventId)}/calendar.ics`;
}

export function personCalendarPath(eventId: string, personId: string): string {
  return `/api/v1/events/${enc(eventId)}/people/${enc(personId)}/calendar.ics`;
}

/** The personal feed's address (the token is the credential: show it to its owner only). */
export function calendarFeedUrl(token: string): string {
  return `${window.location.origin}/api/v1/calendar/${enc(token)}.ics`;
}

/** webcal:// asks the operating system's calendar app to subscribe instead of importing once. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:/, 'webcal:');
}

interface SessionPeople {
  people: { personId: string; fullName: string; honorific: string | null }[];
}

/** The people of the sessions, once each, by name. */
function distinctPeople(sessions: SessionPeople[]) {
  const byId = new Map<string, { name: string; sortKey: string }>();
  for (const s of sessions) {
    for (const p of s.people) {
      byId.set(p.personId, {
        name: [p.honorific, p.fullName].filter(Boolean).join(' '),
        sortKey: p.fullName,
      });
    }
  }
  // Sorted by name without the honorific, so "Prof. Tullio Tolio" sits under T.
  return [...byId].map(([id, p]) => ({ id, ...p })).sort((a, b) => a.sortKey.localeCompare(b.sortKey));
}

/** `sessions` (optional): the published sessions, for a list of each speaker's own calendar. */
export function AgendaExports({ eventId, sessions = [] }: { eventId: string; sessions?: SessionPeople[] }) {
  const { t, locale } = useI18n();
  const ics = eventCalendarPath(eventId);
  const people = distinctPeople(sessions);
  return (
    <section className="card section agenda-exports" aria-labelledby="agenda-exports-heading">
      <h2 id="agenda-exports-heading">{t('exports.heading')}</h2>
      <ul className="share-links">
        <li>
          <a href={ics} className="button button-secondary button-small" download>
            {t('exports.addToCalendar')}
          </a>
        </li>
        <li>
          <a
            href={webcalUrl(`${window.location.origin}${ics}`)}
            className="button button-secondary button-small"
          >
            {t('exports.subscribe')}
          </a>
        </li>
        <li>
          <a
            href={`/api/v1/events/${enc(eventId)}/agenda.pdf?lang=${locale}`}
            className="button button-secondary button-small"
          >
            {t('exports.pdf')}
          </a>
        </li>
        <li>
          <a
            href={`/api/v1/events/${enc(eventId)}/schedule.json`}
            className="button button-secondary button-small"
          >
            {t('exports.frab')}
          </a>
        </li>
      </ul>
      <p className="agenda-exports-hint">{t('exports.hint')}</p>
      {people.length > 0 && (
        <details className="agenda-exports-people">
          <summary>{t('exports.peopleCalendars')}</summary>
          <ul className="link-list">
            {people.map((p) => (
              <li key={p.id}>
                <a href={personCalendarPath(eventId, p.id)} download>
                  {p.name}
                  <span className="ics-suffix">(.ics)</span>
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** On a person's list of sessions: their sessions as a calendar file. */
export function PersonCalendarLink({
  eventId,
  personId,
  name,
}: {
  eventId: string;
  personId: string;
  name: string;
}) {
  const { t } = useI18n();
  return (
    <a href={personCalendarPath(eventId, personId)} className="button button-secondary button-small" download>
      {t('exports.personCalendar', { name })}
    </a>
  );
}
