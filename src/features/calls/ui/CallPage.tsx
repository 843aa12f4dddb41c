import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, type HostApplication, type HostCall } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage, TextField } from '../../../client/components/Form.tsx';
import { Empty, ErrorState, Loading, Paragraphs, SampleBadge } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { ApplicationDetails, ApplicationStatusBadge } from './ApplicationDetails.tsx';
import { ApplicationForm } from './ApplicationForm.tsx';
import { CALL_ZONE, CallForm } from './CallForm.tsx';
import { CallStatusBadge } from './CallsPage.tsx';
import './calls.css';

function LetterUpload({ application, onSaved }: { application: HostApplication; onSaved: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.uploadHostLetter(application.id, file);
      onSaved();
    } catch (err) {
      const d = describeError(err, t);
      setError(d.fields.file ?? d.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="upload-row">
      <TextField
        label={t('calls.field.letter')}
        type="file"
        accept="application/pdf,.pdf"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        error={error}
      />
      <button type="button" className="button button-secondary" disabled={!file || busy} onClick={upload}>
        {t('calls.app.uploadLetter')}
      </button>
    </div>
  );
}

function MyApplication({
  call,
  application: a,
  onChanged,
}: {
  call: HostCall;
  application: HostApplication;
  onChanged: (message?: string) => void;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const withdraw = async () => {
    if (!window.confirm(t('calls.app.withdrawConfirm'))) return;
    try {
      await api.withdrawHostApplication(a.id);
      onChanged(t('calls.app.withdrawn'));
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  return (
    <article className="card section application-card" aria-labelledby={`app-${a.id}`}>
      <div className="card-badges">
        <ApplicationStatusBadge status={a.status} />
      </div>
      <h3 id={`app-${a.id}`}>{a.organisation.name}</h3>
      {editing ? (
        <ApplicationForm
          call={call}
          application={a}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            onChanged(t('common.saved'));
          }}
        />
      ) : (
        <>
          <ApplicationDetails application={a} />
          {a.applicant && <p className="muted">{t('calls.app.by', { name: a.applicant.name })}</p>}
          <FormMessage error={error} />
          {a.canEdit && (
            <>
              <LetterUpload
                key={a.updatedAt}
                application={a}
                onSaved={() => onChanged(t('calls.app.letterSaved'))}
              />
              <p className="actions">
                <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
                  {t('calls.app.edit')}
                </button>
                <button type="button" className="button button-danger" onClick={withdraw}>
                  {t('calls.app.withdraw')}
                </button>
              </p>
            </>
          )}
        </>
      )}
    </article>
  );
}

function ApplySection({ call }: { call: HostCall }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const mine = useApi(
    (signal) => (me ? api.myHostApplications(call.id, signal) : Promise.resolve({ items: [] })),
    [call.id, me?.id],
  );
  const [message, setMessage] = useState<{ success?: string; error?: string }>({});
  const done = (success?: string, error?: string) => {
    setMessage({ success, error });
    mine.reload();
  };
  const live = new Set(
    (mine.data?.items ?? []).filter((a) => a.status !== 'withdrawn').map((a) => a.organisation.id),
  );
  const canApplyFor = call.eligibleOrganisations.filter((o) => !live.has(o.id));
  return (
    <>
      <FormMessage success={message.success} error={message.error} />
      {(mine.data?.items.length ?? 0) > 0 && (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('calls.mine')}</h2>
          {mine.data?.items.map((a) => (
            <MyApplication key={a.id} call={call} application={a} onChanged={(m) => done(m)} />
          ))}
        </section>
      )}
      {call.acceptingApplications &&
        (!me || call.eligibleOrganisations.length === 0 || canApplyFor.length > 0) && (
          <section className="card section" aria-labelledby="apply-heading">
            <h2 id="apply-heading">{t('calls.apply')}</h2>
            {!me ? (
              <p>
                <Link href="/signin">{t('calls.signInToApply')}</Link>
              </p>
            ) : call.eligibleOrganisations.length === 0 ? (
              <p>{t('calls.notEligible')}</p>
            ) : mine.data ? (
              <>
                <p className="muted">{t('calls.applyLead')}</p>
                <ApplicationForm
                  key={mine.data.items.length}
                  call={{ ...call, eligibleOrganisations: canApplyFor }}
                  onDone={(_saved, letterError) => done(t('calls.submitted'), letterError)}
                />
              </>
            ) : null}
          </section>
        )}
      {!call.acceptingApplications && call.status !== 'draft' && <p>{t('calls.closedNotice')}</p>}
    </>
  );
}

export default function CallPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t, dateTime } = useI18n();
  const { data, error, loading, reload, setData } = useApi((signal) => api.hostCall(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  useDocumentTitle(data?.title);

  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if ((loading && !data) || !data) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  const call = data;
  return (
    <div className="container page">
      <header className="page-header">
        <p className="eyebrow">
          <Link href="/calls">{t('calls.title')}</Link>
        </p>
        <div className="card-badges">
          <CallStatusBadge call={call} />
          <SampleBadge sample={call.sample} />
        </div>
        <h1>{call.title}</h1>
        <p className="meta meta-large">
          {t('calls.deadline', { date: `${dateTime(call.deadline, CALL_ZONE)} (${CALL_ZONE})` })}
        </p>
        {call.canManage && !editing && (
          <p className="actions">
            <Link href={`/calls/${call.id}/review`} className="button">
              {t('calls.review')}
            </Link>
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t('calls.edit')}
            </button>
          </p>
        )}
      </header>
      {editing && (
        <section className="card section" aria-label={t('calls.edit')}>
          <CallForm
            call={call}
            onCancel={() => setEditing(false)}
            onSave={async (body) => {
              setData(await api.updateHostCall(call.id, body));
              setEditing(false);
            }}
          />
        </section>
      )}
      <div className="two-columns">
        <div className="stack">
          <section className="card section prose" aria-label={t('calls.field.body')}>
            {call.body.trim() ? <Paragraphs text={call.body} /> : <Empty>{t('common.none')}</Empty>}
          </section>
          <ApplySection call={call} />
        </div>
        <div className="stack">
          <section className="card section" aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">{t('calls.criteria')}</h2>
            <p className="muted">{t('calls.criteriaHint')}</p>
            <ul className="criteria-list">
              {call.criteria.map((c) => (
                <li key={c.key}>
                  {c.label} <span className="muted">({t('calls.weight', { weight: c.weight })})</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </div>
  );
}
