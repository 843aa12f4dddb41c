import { useState } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import { ApiError, api, type PublishedAgenda, type PublishedSession } from '../../../client/api.ts';
import { describeError } from '../../../client/components/Form.tsx';
import { Empty, whileLoading } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { AgendaExports } from './AgendaExports.tsx';
import {
  ChangeList,
  DayHeading,
  groupByDay,
  SessionPeople,
  SessionPitches,
  SessionTime,
  TypeBadge,
} from './AgendaParts.tsx';
import { EventTabs } from './EventTabs.tsx';

function Seats({
  slug,
  session,
  agenda,
  signedIn,
  onChanged,
}: {
  slug: string;
  session: PublishedSession;
  agenda: PublishedAgenda;
  signedIn: boolean;
  onChanged: () => void;
}) {
  const { t, number } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (session.seatsLeft === null) return null;
  const started = Date.parse(session.startsAt) <= Date.now();
  const current = agenda.version === agenda.latestVersion;

  async function act(kind: 'in' | 'out') {
    setBusy(true);
    setError(undefined);
    try {
      if (kind === 'in') await api.signUpForSession(slug, session.id);
      else await api.withdrawFromSession(slug, session.id);
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? err.message : describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  }

  let action = null;
  if (current && !started) {
    if (session.signedUp) {
      action = (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={busy}
          onClick={() => act('out')}
        >
          {t('agenda.withdraw')}
        </button>
      );
    } else if (agenda.canSignUp && session.seatsLeft > 0) {
      action = (
        <button type="button" className="button button-small" disabled={busy} onClick={() => act('in')}>
          {t('agenda.signUp')}
        </button>
      );
    } else if (!signedIn) {
      action = <Link href="/signin">{t('agenda.signInToSignUp')}</Link>;
    } else if (!agenda.canSignUp) {
      action = <span className="muted">{t('agenda.registerToSignUp')}</span>;
    }
  }
  return (
    <div className="agenda-seats">
      <span className={session.seatsLeft === 0 ? 'agenda-full' : undefined}>
        {session.seatsLeft === 0
          ? t('agenda.full')
          : t('agenda.seatsLeft', {
              count: number(session.seatsLeft),
              capacity: number(session.capacity ?? 0),
            })}
      </span>
      {session.signedUp && <span className="badge badge-accent">{t('agenda.signedUp')}</span>}
      {action}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export default function AgendaPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const search = useSearch();
  const requested = Number(new URLSearchParams(search).get('version')) || undefined;
  const { t, date, dateTime } = useI18n();
  const event = useApi((signal) => api.event(slug, signal), [slug]);
  const agenda = useApi((signal) => api.agenda(slug, requested, signal), [slug, requested]);
  const versions = useApi((signal) => api.agendaVersions(slug, signal), [slug]);
  const me = useApi((signal) => api.session(signal), []);
  useDocumentTitle(event.data ? `${t('agenda.title')} · ${event.data.title}` : undefined);

  const pending = whileLoading(event, agenda);
  if (pending || !event.data || !agenda.data) return pending;
  const e = event.data;
  const a = agenda.data;
  const zone = a.timeZone;
  const changed = new Map<string, string>();
  for (const c of a.changes) changed.set(c.sessionId, c.kind === 'added' ? 'added' : 'changed');
  const days = groupByDay(a.sessions, zone, e.startsAt);

  return (
    <div className="container page agenda-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={`/events/${e.slug}`}>{e.title}</Link>
        </p>
        <h1>{t('agenda.title')}</h1>
        {a.version > 0 && a.publishedAt && (
          <p className="meta">
            {t('agenda.versionLine', { n: a.version, date: date(a.publishedAt, zone) })} ·{' '}
            {t('agenda.timesIn', { zone })}
          </p>
        )}
        {a.canEdit && (
          <p className="actions">
            <Link href={`/events/${e.slug}/agenda/edit`} className="button button-secondary">
              {t('agenda.edit')}
            </Link>
          </p>
        )}
      </header>
      <EventTabs slug={e.slug} canEdit={e.canEdit} />

      {a.version !== a.latestVersion && (
        <div className="agenda-notice" role="status">
          {t('agenda.oldVersion', { n: a.version, latest: a.latestVersion })}{' '}
          <Link href={`/events/${e.slug}/agenda`}>{t('agenda.showLatest')}</Link>
        </div>
      )}

      {a.version === 0 ? (
        <Empty>{t('agenda.notPublished')}</Empty>
      ) : (
        <div className="agenda-layout">
          <div className="stack">
            {a.changes.length > 0 && (
              <section className="card section agenda-changes-panel" aria-labelledby="changes-heading">
                <h2 id="changes-heading">{t('agenda.whatChanged', { n: a.version })}</h2>
                <ChangeList changes={a.changes} />
              </section>
            )}
            {days.map((day) => (
              <section key={day.key} className="agenda-day" aria-labelledby={`day-${day.key}`}>
                <DayHeading n={day.n} iso={day.first} timeZone={zone} id={`day-${day.key}`} />
                <ol className="agenda-sessions">
                  {day.sessions.map((s) => (
                    <li
                      key={s.id}
                      id={`session-${s.id}`}
                      className={`agenda-session agenda-session-${s.type}`}
                    >
                      <SessionTime session={s} timeZone={zone} />
                      <div className="agenda-session-body">
                        <div className="agenda-session-head">
                          <TypeBadge type={s.type} />
                          {changed.has(s.id) && (
                            <span className="badge agenda-badge-changed">
                              {changed.get(s.id) === 'added'
                                ? t('agenda.newIn', { n: a.version })
                                : t('agenda.changedIn', { n: a.version })}
                            </span>
                          )}
                        </div>
                        <h3>{s.title}</h3>
                        {s.room && <p className="agenda-room">{s.room}</p>}
                        {s.description && <p className="agenda-description">{s.description}</p>}
                        {s.type === 'b2b' && s.b2bSlotMinutes && s.b2bTables && (
                          <p className="muted">
                            {t('agenda.b2bLine', { minutes: s.b2bSlotMinutes, tables: s.b2bTables })}
                          </p>
                        )}
                        <SessionPeople people={s.people} />
                        <SessionPitches pitches={s.pitches} />
                        <Seats
                          slug={e.slug}
                          session={s}
                          agenda={a}
                          signedIn={!!me.data?.user}
                          onChanged={agenda.reload}
                        />
                      </div>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
          <aside className="stack">
            <AgendaExports eventId={e.id} sessions={a.sessions} />
            {(versions.data?.items.length ?? 0) > 0 && (
              <section className="card section" aria-labelledby="versions-heading">
                <h2 id="versions-heading">{t('agenda.versions')}</h2>
                <ul className="link-list agenda-versions">
                  {versions.data?.items.map((v) => (
                    <li key={v.version}>
                      {v.version === a.version ? (
                        <strong aria-current="page">{t('agenda.versionN', { n: v.version })}</strong>
                      ) : (
                        <Link href={`/events/${e.slug}/agenda?version=${v.version}`}>
                          {t('agenda.versionN', { n: v.version })}
                        </Link>
                      )}{' '}
                      <span className="muted">
                        {dateTime(v.publishedAt, zone)} ·{' '}
                        {v.version === 1
                          ? t('agenda.firstVersion')
                          : t('agenda.changeCount', { count: v.changeCount })}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}
