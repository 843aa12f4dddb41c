import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { AgendaChangeLine, DraftSession } from '../../../client/api.ts';
import { useI18n } from '../../../client/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import './agenda.css';

type Session = Pick<DraftSession, 'id' | 'type' | 'startsAt' | 'endsAt' | 'timeIsEstimate' | 'people'>;
type Locale = 'en' | 'it';
const TAGS: Record<Locale, string> = { en: 'en-GB', it: 'it-IT' };

/** "2024-03-26": the calendar day of an instant in the event's zone, used to group sessions by day. */
export function dayKey(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

export function clockTime(locale: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

function dayTitle(locale: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

const dayNumber = (key: string) => Date.parse(`${key}T00:00:00Z`) / 86_400_000;

/**
 * Sessions grouped by the event's calendar days, each day in time order; `n` counts days from the
 * event's first day (a first day without sessions still makes the next one day 2).
 */
export function groupByDay<T extends { startsAt: string }>(
  sessions: readonly T[],
  timeZone: string,
  eventStartsAt: string,
) {
  const first = dayNumber(dayKey(eventStartsAt, timeZone));
  const days = new Map<string, T[]>();
  for (const s of [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const key = dayKey(s.startsAt, timeZone);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  return [...days.entries()].map(([key, list]) => ({
    key,
    n: dayNumber(key) - first + 1,
    first: list[0]!.startsAt,
    sessions: list,
  }));
}

export function DayHeading({
  n,
  iso,
  timeZone,
  id,
}: {
  n: number;
  iso: string;
  timeZone: string;
  id: string;
}) {
  const { t, locale } = useI18n();
  return (
    <h2 id={id} className="agenda-day-title">
      {t('agenda.day', { n })}
      <span className="agenda-day-date"> · {dayTitle(locale, iso, timeZone)}</span>
    </h2>
  );
}

export function SessionTime({ session, timeZone }: { session: Session; timeZone: string }) {
  const { t, locale } = useI18n();
  return (
    <p className="agenda-time">
      <time dateTime={session.startsAt}>{clockTime(locale, session.startsAt, timeZone)}</time>–
      <time dateTime={session.endsAt}>{clockTime(locale, session.endsAt, timeZone)}</time>
      {session.timeIsEstimate && (
        <span className="agenda-estimate" title={t('agenda.estimateHint')}>
          {' '}
          {t('agenda.estimate')}
        </span>
      )}
    </p>
  );
}

export function TypeBadge({ type }: { type: Session['type'] }) {
  const { t } = useI18n();
  return <span className={`agenda-type agenda-type-${type}`}>{t(`agenda.type.${type}` as MessageKey)}</span>;
}

export function SessionPeople({ people }: { people: DraftSession['people'] }) {
  const { t } = useI18n();
  if (people.length === 0) return null;
  return (
    <ul className="agenda-people">
      {people.map((p) => (
        <li key={`${p.personId}-${p.role}`}>
          <span className="person-name">{[p.honorific, p.fullName].filter(Boolean).join(' ')}</span>
          <span className="agenda-role">{t(`role.${p.role}`, { count: 1 })}</span>
          {p.organisationName && (
            <span className="muted">
              {p.organisationSlug ? (
                <Link href={`/organisations/${p.organisationSlug}`}>{p.organisationName}</Link>
              ) : (
                p.organisationName
              )}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function SessionPitches({ pitches }: { pitches: DraftSession['pitches'] }) {
  const { t } = useI18n();
  if (pitches.length === 0) return null;
  return (
    <div className="agenda-pitches">
      <h4>{t('agenda.pitches')}</h4>
      <ol>
        {pitches.map((p) => (
          <li key={p.id}>
            <span className="person-name">{p.title}</span>
            {p.organisationName && p.organisationName !== p.title && (
              <span className="muted"> · {p.organisationName}</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function detailWords(after: string, t: (key: MessageKey) => string): string {
  return after
    .split(', ')
    .map((w) => t(`agenda.detail.${w}` as MessageKey))
    .join(', ');
}

/** One line per change: what kind, which session, before → after. */
export function ChangeList({ changes }: { changes: readonly AgendaChangeLine[] }) {
  const { t } = useI18n();
  const value = (text: string | undefined): ReactNode =>
    text ? <span className="agenda-change-value">{text}</span> : <em>{t('agenda.change.empty')}</em>;
  return (
    <ul className="agenda-changes">
      {changes.map((c) => (
        <li key={`${c.sessionId}-${c.kind}`}>
          <span className={`agenda-change-kind agenda-change-${c.kind}`}>{t(`agenda.change.${c.kind}`)}</span>{' '}
          <strong>{c.title}</strong>
          {c.kind === 'details' && c.after ? (
            <span className="muted"> · {detailWords(c.after, t)}</span>
          ) : c.kind === 'added' ? (
            <span className="muted"> · {value(c.after)}</span>
          ) : c.kind === 'removed' ? (
            <span className="muted"> · {value(c.before)}</span>
          ) : (
            <span className="agenda-change-diff">
              {' '}
              {value(c.before)} <span aria-hidden="true">→</span>
              <span className="visually-hidden">{t('agenda.change.becomes')}</span> {value(c.after)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
