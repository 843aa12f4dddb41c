import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { ApiError, api, type EventDetail, type Pitch, type PitchCall } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { Badge, Empty, ErrorState, Loading, Paragraphs } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { EventTabs } from './EventTabs.tsx';
import { PitchCallForm } from './PitchCallForm.tsx';
import { PitchCard } from './PitchCard.tsx';
import { PitchJury } from './PitchJury.tsx';
import { PitchSubmitForm } from './PitchSubmitForm.tsx';
import '../../calls/ui/calls.css';
import './pitches.css';

function CallFacts({ call, timeZone }: { call: PitchCall; timeZone: string }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <p>
        {call.acceptingSubmissions ? (
          <Badge tone="accent">{t('pitches.acceptingYes')}</Badge>
        ) : (
          <Badge tone="warning">{t('pitches.acceptingNo')}</Badge>
        )}
      </p>
      {call.description.trim() && <Paragraphs text={call.description} />}
      <ul className="link-list">
        {call.opensAt && (
          <li>{t('pitches.opens', { date: `${dateTime(call.opensAt, timeZone)} (${timeZone})` })}</li>
        )}
        {call.closesAt && (
          <li>{t('pitches.closes', { date: `${dateTime(call.closesAt, timeZone)} (${timeZone})` })}</li>
        )}
      </ul>
      {call.criteria.length > 0 && (
        <>
          <h3>{t('pitches.criteria')}</h3>
          <ul className="criteria-list">
            {call.criteria.map((c) => (
              <li key={c.key}>
                {c.label} <span className="muted">({t('calls.weight', { weight: c.weight })})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function MyPitch({
  pitch,
  timeZone,
  onChanged,
}: {
  pitch: Pitch;
  timeZone: string;
  onChanged: (m: string) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  if (editing) {
    return (
      <section className="card section" aria-label={t('pitches.edit')}>
        <PitchSubmitForm
          eventId={pitch.eventId}
          pitch={pitch}
          onCancel={() => setEditing(false)}
          onDone={(m) => {
            setEditing(false);
            onChanged(m);
          }}
        />
      </section>
    );
  }
  const withdraw = async () => {
    if (!window.confirm(t('pitches.withdrawConfirm'))) return;
    try {
      await api.withdrawPitch(pitch.id);
      onChanged(t('pitches.status.withdrawn'));
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  return (
    <PitchCard pitch={pitch} timeZone={timeZone} showStatus>
      {!pitch.deck && <p className="muted">{t('pitches.noDeck')}</p>}
      <FormMessage error={error} />
      {pitch.canEdit && (
        <p className="actions">
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            {t('pitches.edit')}
          </button>
          <button type="button" className="button button-danger" onClick={withdraw}>
            {t('pitches.withdraw')}
          </button>
        </p>
      )}
    </PitchCard>
  );
}

function Content({ event: e }: { event: EventDetail }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const zone = e.timeZone;
  const call = useApi(
    (signal) =>
      api.pitchCall(e.id, signal).catch((err) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
    [e.id, me?.id],
  );
  const accepted = useApi((signal) => api.acceptedPitches(e.id, signal), [e.id]);
  const mine = useApi(
    (signal) => (me ? api.myPitches(e.id, signal) : Promise.resolve({ items: [] })),
    [e.id, me?.id],
  );
  const [editingCall, setEditingCall] = useState(false);
  const [message, setMessage] = useState<{ success?: string; error?: string }>({});
  // Bumped on every change of a submission, so the jury list reloads with it.
  const [version, setVersion] = useState(0);
  const changed = (success?: string, error?: string) => {
    setMessage({ success, error });
    setVersion((v) => v + 1);
    mine.reload();
    accepted.reload();
  };

  if (call.error && call.data === undefined)
    return <ErrorState error={call.error} onRetry={call.reload} level={2} />;
  if (call.data === undefined) return <Loading />;
  const c = call.data;
  const canManage = c ? c.canManage : e.canEdit;
  return (
    <div className="stack">
      <FormMessage success={message.success} error={message.error} />
      <section className="card section" aria-labelledby="pitch-call-heading">
        <h2 id="pitch-call-heading">{t('pitches.callHeading')}</h2>
        {editingCall ? (
          <PitchCallForm
            eventId={e.id}
            timeZone={zone}
            call={c}
            onCancel={() => setEditingCall(false)}
            onSaved={(saved) => {
              call.setData(saved);
              setEditingCall(false);
            }}
          />
        ) : c ? (
          <CallFacts call={c} timeZone={zone} />
        ) : (
          <Empty>{t('pitches.noCall')}</Empty>
        )}
        {canManage && !editingCall && (
          <p className="actions">
            <button type="button" className="button button-secondary" onClick={() => setEditingCall(true)}>
              {c ? t('pitches.editCall') : t('pitches.openCall')}
            </button>
          </p>
        )}
      </section>

      <section aria-labelledby="accepted-heading">
        <h2 id="accepted-heading">{t('pitches.accepted')}</h2>
        {accepted.data?.items.length ? (
          <div className="pitch-grid">
            {accepted.data.items.map((p) => (
              <PitchCard key={p.id} pitch={p} timeZone={zone} />
            ))}
          </div>
        ) : (
          <Empty>{t('pitches.noAccepted')}</Empty>
        )}
      </section>

      {(mine.data?.items.length ?? 0) > 0 && (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('pitches.mine')}</h2>
          <div className="stack">
            {mine.data?.items.map((p) => (
              <MyPitch key={p.id} pitch={p} timeZone={zone} onChanged={(m) => changed(m)} />
            ))}
          </div>
        </section>
      )}

      {c?.acceptingSubmissions && (
        <section className="card section" aria-labelledby="submit-heading">
          <h2 id="submit-heading">{t('pitches.submitHeading')}</h2>
          {me ? (
            <PitchSubmitForm
              key={mine.data?.items.length ?? 0}
              eventId={e.id}
              onDone={(m, deckError) => changed(m, deckError)}
            />
          ) : (
            <p>
              <Link href="/signin">{t('pitches.signIn')}</Link>
            </p>
          )}
        </section>
      )}

      {c?.canJudge && (
        <section aria-labelledby="jury-heading">
          <h2 id="jury-heading">{t('pitches.jury')}</h2>
          <p className="muted">{t('pitches.juryLead')}</p>
          <PitchJury
            eventId={e.id}
            version={version}
            onChanged={() => changed()}
            call={c}
            timeZone={zone}
            ownPitchIds={new Set((mine.data?.items ?? []).map((p) => p.id))}
          />
        </section>
      )}
    </div>
  );
}

export default function PitchesPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t } = useI18n();
  const { data: e, error, reload } = useApi((signal) => api.event(slug, signal), [slug]);
  useDocumentTitle(e ? `${t('pitches.title')} · ${e.title}` : undefined);
  if (error && !e) return <ErrorState error={error} onRetry={reload} />;
  if (!e) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  return (
    <div className="container page">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={`/events/${e.slug}`}>{e.title}</Link>
        </p>
        <h1>{t('pitches.title')}</h1>
      </header>
      <EventTabs slug={e.slug} canEdit={e.canEdit} />
      <Content event={e} />
    </div>
  );
}
