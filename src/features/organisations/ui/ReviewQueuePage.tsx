import { type FormEvent, useState } from 'react';
import { Link, Redirect } from 'wouter';
import { api, type ReviewQueue } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage, TextField } from '../../../client/components/Form.tsx';
import { Empty, ErrorState, Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

type Decision = { approve: () => Promise<unknown>; reject: (reason: string) => Promise<unknown> };

/** Approve, or reject with a reason (asked for in place). */
function DecisionButtons({
  label,
  decide,
  onDone,
}: {
  label: string;
  decide: Decision;
  onDone: (msg: string) => void;
}) {
  const { t } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onDone(done);
    } catch (err) {
      setError(describeError(err, t).message);
      setBusy(false);
    }
  }
  const reject = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError(t('profile.reasonRequired'));
      return;
    }
    void run(() => decide.reject(reason.trim()), t('profile.reviewRejected', { name: label }));
  };

  return (
    <div className="decision">
      <FormMessage error={error} />
      {!rejecting ? (
        <p className="actions">
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            aria-label={t('profile.approveNamed', { name: label })}
            onClick={() => run(decide.approve, t('profile.reviewApproved', { name: label }))}
          >
            {t('profile.approve')}
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            disabled={busy}
            aria-label={t('profile.rejectNamed', { name: label })}
            onClick={() => setRejecting(true)}
          >
            {t('profile.reject')}
          </button>
        </p>
      ) : (
        <form onSubmit={reject} className="inline-form" noValidate>
          <TextField
            label={t('profile.rejectionReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button button-small button-danger" disabled={busy}>
            {t('profile.confirmReject')}
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => setRejecting(false)}
          >
            {t('common.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}

function Queue({ queue, onDone }: { queue: ReviewQueue; onDone: (msg: string) => void }) {
  const { t, date } = useI18n();
  return (
    <div className="stack">
      <section className="card section" aria-labelledby="queue-profiles">
        <h2 id="queue-profiles">
          {t('profile.queueProfiles')} <span className="count">{queue.organisations.length}</span>
        </h2>
        {queue.organisations.length === 0 ? (
          <Empty>{t('profile.queueEmpty')}</Empty>
        ) : (
          <ul className="queue-list">
            {queue.organisations.map((o) => (
              <li key={o.id} className="queue-item">
                <h3>
                  <Link href={`/organisations/${o.slug}`}>{o.name}</Link>
                </h3>
                <p className="muted">
                  {t(`orgType.${o.type}`)}
                  {o.createdBy &&
                    ` · ${t('profile.submittedBy', { name: o.createdBy.name, email: o.createdBy.email })}`}
                  {o.submittedAt && ` · ${date(o.submittedAt)}`}
                </p>
                <DecisionButtons
                  label={o.name}
                  onDone={onDone}
                  decide={{
                    approve: () => api.publishOrganisation(o.id),
                    reject: (reason) => api.rejectOrganisation(o.id, reason),
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card section" aria-labelledby="queue-claims">
        <h2 id="queue-claims">
          {t('profile.queueClaims')} <span className="count">{queue.claims.length}</span>
        </h2>
        {queue.claims.length === 0 ? (
          <Empty>{t('profile.queueEmpty')}</Empty>
        ) : (
          <ul className="queue-list">
            {queue.claims.map((c) => (
              <li key={c.id} className="queue-item">
                <h3>
                  {t('profile.claimBy', { name: c.user.name })}{' '}
                  <Link href={`/organisations/${c.organisation.slug}`}>{c.organisation.name}</Link>
                </h3>
                <p className="muted">
                  {c.user.email} · {date(c.createdAt)}
                </p>
                {c.message && <blockquote className="claim-message">{c.message}</blockquote>}
                <DecisionButtons
                  label={c.organisation.name}
                  onDone={onDone}
                  decide={{
                    approve: () => api.approveClaim(c.id),
                    reject: (reason) => api.rejectClaim(c.id, reason),
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Platform administrators: profiles waiting for validation, and claims to decide. */
export default function ReviewQueuePage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [done, setDone] = useState<string>();
  const queue = useApi(
    (signal) => (me?.isAdmin ? api.reviewQueue(signal) : Promise.resolve(undefined)),
    [me?.isAdmin],
  );
  useDocumentTitle(t('profile.reviewTitle'));

  if (me === undefined) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  if (me === null) return <Redirect to="/signin?next=%2Fadmin%2Freview" replace />;
  if (!me.isAdmin) {
    return (
      <div className="container page">
        <PageHeader title={t('profile.reviewTitle')} />
        <p>{t('error.forbidden')}</p>
      </div>
    );
  }
  if (queue.error && !queue.data) return <ErrorState error={queue.error} onRetry={queue.reload} />;
  return (
    <div className="container page">
      <PageHeader title={t('profile.reviewTitle')} lead={t('profile.reviewLead')} />
      <FormMessage success={done} />
      {!queue.data ? (
        <Loading />
      ) : (
        <Queue
          queue={queue.data}
          onDone={(msg) => {
            setDone(msg);
            queue.reload();
          }}
        />
      )}
    </div>
  );
}
