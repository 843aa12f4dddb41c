import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { api, type CreatedInvitation, type Organisation } from '../../../client/api.ts';
import { describeError, FormMessage, TextField } from '../../../client/components/Form.tsx';
import { Empty } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

/**
 * Invitations for organisations not on Nexum yet. There is no mail server, so this is an outbox: the
 * link is shown once, to copy or to send from the admin's own mail program; the list keeps the record.
 */
export function InvitationsPanel({ cluster }: { cluster: Organisation }) {
  const { t, date } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<CreatedInvitation>();
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const outbox = useApi((signal) => api.clusterInvitations(cluster.id, signal), [cluster.id]);

  async function invite(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors.email = t('validation.email');
    if (!name.trim()) errors.organisationName = t('validation.required');
    setFields(errors);
    setError(Object.keys(errors).length ? t('error.form') : undefined);
    if (Object.keys(errors).length) return;
    setBusy(true);
    try {
      const invitation = await api.inviteClusterMember(cluster.id, {
        email: email.trim(),
        organisationName: name.trim(),
      });
      setCreated(invitation);
      setCopied(false);
      setEmail('');
      setName('');
      outbox.reload();
    } catch (err) {
      const d = describeError(err, t);
      setFields(d.fields);
      setError(d.message);
    } finally {
      setBusy(false);
    }
  }

  const link = created ? `${window.location.origin}${created.path}` : '';
  const mailto = created
    ? `mailto:${encodeURIComponent(created.email)}?subject=${encodeURIComponent(
        t('profile.inviteMailSubject', { cluster: cluster.name }),
      )}&body=${encodeURIComponent(t('profile.inviteMailBody', { cluster: cluster.name, name: created.organisationName, link }))}`
    : '';

  return (
    <div className="invitations">
      <h3 id="invite-heading">{t('profile.invite')}</h3>
      <p className="muted">{t('profile.inviteLead')}</p>
      <form className="form" onSubmit={invite} noValidate aria-labelledby="invite-heading">
        <FormMessage error={error} />
        <div className="form-grid">
          <TextField
            label={t('profile.inviteEmail')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fields.email}
            autoComplete="off"
          />
          <TextField
            label={t('profile.inviteName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={fields.organisationName}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('profile.createInvitation')}
        </button>
      </form>
      {created && (
        <div className="new-token" role="status">
          <p>
            <strong>{t('profile.invitationCreated', { name: created.organisationName })}</strong>{' '}
            {t('profile.invitationOnce')}
          </p>
          <div className="token-value">
            <label htmlFor="invitation-link" className="visually-hidden">
              {t('profile.invitationLink')}
            </label>
            <input id="invitation-link" readOnly value={link} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                navigator.clipboard?.writeText(link).then(
                  () => setCopied(true),
                  () => {},
                )
              }
            >
              {t('account.copy')}
            </button>
          </div>
          <p>
            <a href={mailto}>{t('profile.sendByEmail', { email: created.email })}</a>
            {copied && <span className="muted"> · {t('account.copied')}</span>}
          </p>
        </div>
      )}
      <h3>{t('profile.outbox')}</h3>
      {outbox.data && outbox.data.items.length === 0 ? (
        <Empty>{t('profile.noInvitations')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('profile.outbox')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.inviteName')}</th>
                <th scope="col">{t('profile.inviteEmail')}</th>
                <th scope="col">{t('profile.invitedOn')}</th>
                <th scope="col">{t('profile.invitationStatus')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('profile.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(outbox.data?.items ?? []).map((i) => (
                <tr key={i.id}>
                  <td>
                    {i.member ? (
                      <Link href={`/organisations/${i.member.slug}`}>{i.member.name}</Link>
                    ) : (
                      i.organisationName
                    )}
                  </td>
                  <td>{i.email}</td>
                  <td>{date(i.createdAt)}</td>
                  <td>{t(`profile.invitation.${i.status}`)}</td>
                  <td className="table-actions">
                    {i.status !== 'accepted' && (
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        aria-label={t('profile.withdrawNamed', { name: i.organisationName })}
                        onClick={() =>
                          api.withdrawInvitation(cluster.id, i.id).then(outbox.reload, outbox.reload)
                        }
                      >
                        {t('profile.withdraw')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
