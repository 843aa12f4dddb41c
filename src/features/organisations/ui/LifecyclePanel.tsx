import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { api, type Organisation } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage, TextAreaField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

/**
 * Where the profile stands and what the viewer can do about it: its admins submit a draft, platform
 * administrators publish or reject a submitted one (with a reason), other signed-in users may claim it.
 */
export function LifecyclePanel({
  organisation: o,
  onChange,
}: {
  organisation: Organisation;
  onChange: (o: Organisation) => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();

  async function act(action: () => Promise<Organisation>) {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await action());
      setRejecting(false);
    } catch (err) {
      const d = describeError(err, t);
      setReasonError(d.fields.reason);
      setError(d.message);
    } finally {
      setBusy(false);
    }
  }

  function reject(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setReasonError(t('profile.reasonRequired'));
      return;
    }
    void act(() => api.rejectOrganisation(o.id, reason.trim()));
  }

  const canReview = !!me?.isAdmin && o.status === 'submitted';
  const canSubmit = o.canEdit && (o.status === 'draft' || o.status === 'rejected');
  if (o.status === 'published' && !canReview) return null;

  return (
    <section className={`card section lifecycle lifecycle-${o.status}`} aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">{t(`profile.statusTitle.${o.status}`)}</h2>
      <p>{t(`profile.statusText.${o.status}`)}</p>
      {o.status === 'rejected' && o.rejectionReason && (
        <p className="rejection">
          <strong>{t('profile.rejectionReason')}:</strong> {o.rejectionReason}
        </p>
      )}
      <FormMessage error={error} />
      {canSubmit && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => act(() => api.submitOrganisation(o.id))}
        >
          {t('profile.submit')}
        </button>
      )}
      {canReview && !rejecting && (
        <p className="actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => act(() => api.publishOrganisation(o.id))}
          >
            {t('profile.publish')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => setRejecting(true)}
          >
            {t('profile.reject')}
          </button>
        </p>
      )}
      {canReview && rejecting && (
        <form className="form" onSubmit={reject} noValidate>
          <TextAreaField
            label={t('profile.rejectionReason')}
            hint={t('profile.reasonHint')}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reasonError}
          />
          <p className="actions">
            <button type="submit" className="button button-danger" disabled={busy}>
              {t('profile.confirmReject')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

/** "Do you run this organisation?": signed-in users who do not run it ask a platform administrator. */
export function ClaimPanel({ organisation: o }: { organisation: Organisation }) {
  const { t, date } = useI18n();
  const { me } = useAuth();
  const [claim, setClaim] = useState(o.myClaim);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (o.canEdit || o.viewerRole === 'admin' || me === undefined) return null;

  if (claim?.status === 'pending') {
    return (
      <section className="card section" aria-labelledby="claim-heading">
        <h2 id="claim-heading">{t('profile.claimTitle')}</h2>
        <p className="claim-note" role="status">
          {t('profile.claimPending', { date: date(claim.createdAt) })}
        </p>
      </section>
    );
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setClaim(await api.claimOrganisation(o.id, message.trim()));
    } catch (err) {
      setError(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section" aria-labelledby="claim-heading">
      <h2 id="claim-heading">{t('profile.claimTitle')}</h2>
      {claim?.status === 'rejected' && (
        <p className="rejection">{t('profile.claimRejected', { reason: claim.reason ?? '' })}</p>
      )}
      {!me ? (
        <p>
          <Link href={`/signin?next=${encodeURIComponent(`/organisations/${o.slug}`)}`}>
            {t('profile.claimSignIn')}
          </Link>
        </p>
      ) : !open ? (
        <button type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
          {t('profile.claim')}
        </button>
      ) : (
        <form className="form" onSubmit={send} noValidate>
          <FormMessage error={error} />
          <TextAreaField
            label={t('profile.claimMessage')}
            hint={t('profile.claimHint')}
            rows={3}
            maxLength={2000}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            optional
          />
          <p className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t('profile.sendClaim')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
