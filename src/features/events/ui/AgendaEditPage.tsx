import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { type AgendaClash, api, type DraftAgenda, type DraftSession } from '../../../client/api.ts';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { Empty, whileLoading } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import {
  ChangeList,
  clockTime,
  DayHeading,
  groupByDay,
  SessionPeople,
  SessionPitches,
  SessionTime,
  TypeBadge,
} from './AgendaParts.tsx';
import { AgendaSessionForm } from './AgendaSessionForm.tsx';
import { EventTabs } from './EventTabs.tsx';

/** "Tullio Tolio is also in “Panel on AI” (10:30–11:30)": a clash as seen from one of its sessions. */
function ClashWarnings({
  session,
  clashes,
  draft,
}: {
  session: DraftSession;
  clashes: AgendaClash[];
  draft: DraftAgenda;
}) {
  const { t, locale } = useI18n();
  const mine = clashes.filter((c) => c.sessionIds.includes(session.id));
  if (mine.length === 0) return null;
  return (
    <ul className="agenda-warnings">
      {mine.map((c) => {
        const otherId = c.sessionIds[0] === session.id ? c.sessionIds[1] : c.sessionIds[0];
        const other = draft.sessions.find((s) => s.id === otherId);
        const when = other
          ? `${clockTime(locale, other.startsAt, draft.timeZone)}–${clockTime(locale, other.endsAt, draft.timeZone)}`
          : '';
        const params = { name: c.name, other: other?.title ?? '', when };
        return (
          <li key={`${c.kind}-${c.personId ?? c.name}-${otherId}`}>
            <span aria-hidden="true">⚠ </span>
            {t(c.kind === 'person' ? 'agenda.clashPerson' : 'agenda.clashRoom', params)}
          </li>
        );
      })}
    </ul>
  );
}

function SessionCard({
  session,
  draft,
  onEdit,
  onDeleted,
}: {
  session: DraftSession;
  draft: DraftAgenda;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { t, number } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const clashing = draft.warnings.some((c) => c.sessionIds.includes(session.id));

  async function remove() {
    try {
      await api.deleteSession(draft.eventId, session.id);
      onDeleted();
    } catch (err) {
      setError(describeError(err, t).message);
    }
  }

  return (
    <li id={`session-${session.id}`} className={`agenda-session${clashing ? ' agenda-session-clash' : ''}`}>
      <SessionTime session={session} timeZone={draft.timeZone} />
      <div className="agenda-session-body">
        <div className="agenda-session-head">
          <TypeBadge type={session.type} />
          {session.capacity !== null && (
            <span className="muted">
              {t('agenda.signupsOf', { count: number(session.signups), capacity: number(session.capacity) })}
            </span>
          )}
        </div>
        <h3>{session.title}</h3>
        {session.room && <p className="agenda-room">{session.room}</p>}
        <ClashWarnings session={session} clashes={draft.warnings} draft={draft} />
        <SessionPeople people={session.people} />
        <SessionPitches pitches={session.pitches} />
        <div className="agenda-session-actions">
          <button type="button" className="button button-secondary button-small" onClick={onEdit}>
            {t('common.edit')}
            <span className="visually-hidden"> {session.title}</span>
          </button>
          {confirming ? (
            <>
              <button type="button" className="button button-danger button-small" onClick={remove}>
                {t('agenda.confirmDelete')}
                <span className="visually-hidden"> {session.title}</span>
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setConfirming(false)}
              >
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-danger button-small"
              onClick={() => setConfirming(true)}
            >
              {t('agenda.delete')}
              <span className="visually-hidden"> {session.title}</span>
            </button>
          )}
        </div>
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}

function PublishPanel({
  draft,
  onPublished,
}: {
  draft: DraftAgenda;
  onPublished: (version: number) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const first = draft.publishedVersion === 0;
  const ready = first ? draft.sessions.length > 0 : draft.pendingChanges.length > 0;

  async function publish() {
    setBusy(true);
    setError(undefined);
    try {
      onPublished((await api.publishAgenda(draft.eventId)).version);
    } catch (err) {
      setError(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section agenda-publish" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t('agenda.publishHeading')}</h2>
      <p className="muted">
        {first ? t('agenda.neverPublished') : t('agenda.publishedAs', { n: draft.publishedVersion })}
      </p>
      {!first && draft.pendingChanges.length > 0 && (
        <>
          <h3>{t('agenda.pendingChanges', { n: draft.publishedVersion + 1 })}</h3>
          <ChangeList changes={draft.pendingChanges} />
        </>
      )}
      {!ready && <p>{first ? t('agenda.nothingToPublishYet') : t('agenda.noPendingChanges')}</p>}
      {draft.warnings.length > 0 && ready && (
        <p className="agenda-warning-line">
          {t('agenda.publishWithClashes', { count: draft.warnings.length })}
        </p>
      )}
      <FormMessage error={error} />
      <p className="actions">
        <button type="button" className="button" onClick={publish} disabled={!ready || busy}>
          {t('agenda.publish', { n: draft.publishedVersion + 1 })}
        </button>
      </p>
    </section>
  );
}

export default function AgendaEditPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useI18n();
  const event = useApi((signal) => api.event(slug, signal), [slug]);
  const draft = useApi((signal) => api.agendaDraft(slug, signal), [slug]);
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [notice, setNotice] = useState<string>();
  useDocumentTitle(event.data ? `${t('agenda.editTitle')} · ${event.data.title}` : undefined);

  const pending = whileLoading(event, draft);
  if (pending || !event.data || !draft.data) return pending;
  const e = event.data;
  const d = draft.data;
  const days = groupByDay(d.sessions, d.timeZone, d.startsAt);
  const saved = (warnings: AgendaClash[]) => {
    setEditing(null);
    setNotice(warnings.length ? t('agenda.savedWithClashes', { count: warnings.length }) : t('common.saved'));
    draft.reload();
  };

  return (
    <div className="container page agenda-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={`/events/${e.slug}`}>{e.title}</Link>
        </p>
        <h1>{t('agenda.editTitle')}</h1>
        <p className="meta">{t('agenda.editIntro', { zone: d.timeZone })}</p>
      </header>
      <EventTabs slug={e.slug} canEdit={e.canEdit} />
      <div aria-live="polite">
        {notice && (
          <p className={`form-message ${notice === t('common.saved') ? 'form-success' : 'agenda-notice'}`}>
            {notice}
          </p>
        )}
      </div>

      <div className="agenda-layout">
        <div className="stack">
          {editing === 'new' ? (
            <AgendaSessionForm
              draft={d}
              session={null}
              onSaved={(r) => saved(r.warnings)}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <p className="actions">
              <button
                type="button"
                className="button"
                onClick={() => {
                  setEditing('new');
                  setNotice(undefined);
                }}
              >
                {t('agenda.addSession')}
              </button>
            </p>
          )}
          {d.sessions.length === 0 && <Empty>{t('agenda.noSessions')}</Empty>}
          {days.map((day) => (
            <section key={day.key} className="agenda-day" aria-labelledby={`day-${day.key}`}>
              <DayHeading n={day.n} iso={day.first} timeZone={d.timeZone} id={`day-${day.key}`} />
              <ol className="agenda-sessions">
                {day.sessions.map((s) =>
                  editing === s.id ? (
                    <li key={s.id} className="agenda-session-editing">
                      <AgendaSessionForm
                        draft={d}
                        session={s}
                        onSaved={(r) => saved(r.warnings)}
                        onCancel={() => setEditing(null)}
                      />
                    </li>
                  ) : (
                    <SessionCard
                      key={s.id}
                      session={s}
                      draft={d}
                      onEdit={() => {
                        setEditing(s.id);
                        setNotice(undefined);
                      }}
                      onDeleted={() => {
                        setNotice(t('agenda.deleted', { title: s.title }));
                        draft.reload();
                      }}
                    />
                  ),
                )}
              </ol>
            </section>
          ))}
        </div>
        <aside className="stack">
          <PublishPanel
            draft={d}
            onPublished={(n) => {
              setNotice(t('agenda.published', { n }));
              draft.reload();
            }}
          />
          <p>
            <Link href={`/events/${e.slug}/agenda`}>{t('agenda.viewPublished')}</Link>
          </p>
        </aside>
      </div>
    </div>
  );
}
