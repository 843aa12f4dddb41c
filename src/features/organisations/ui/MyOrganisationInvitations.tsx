import { useState } from 'react';
import { Link } from 'wouter';
import { api, type MyInvitation } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { Empty } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

/** On the account page: invitations to run organisations addressed to the account's e-mail. */
export function MyOrganisationInvitations() {
  const { t, date } = useI18n();
  const { refresh } = useAuth();
  const invitations = useApi((signal) => api.myOrganisationInvitations(signal), []);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState(false);
  const items = invitations.data?.items ?? [];

  async function answer(i: MyInvitation, accept: boolean) {
    setBusy(true);
    setStatus({});
    try {
      if (accept) {
        const r = await api.acceptOrganisationInvitation(i.id);
        setStatus({
          success: t('account.invitationAccepted', {
            name: r.organisation.name,
            role: t(`account.role.${r.role}`),
          }),
        });
        // The organisation now appears among the account's memberships.
        await refresh();
      } else {
        await api.declineOrganisationInvitation(i.id);
        setStatus({ success: t('account.invitationDeclined', { name: i.organisation.name }) });
      }
      invitations.reload();
    } catch (err) {
      setStatus({ error: describeError(err, t).message });
      invitations.reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('account.invitations')}</h2>
      <FormMessage error={status.error} success={status.success} />
      {items.length === 0 ? (
        <Empty>{t('account.noInvitations')}</Empty>
      ) : (
        <ul className="manage-list">
          {items.map((i) => {
            const role = t(`account.role.${i.role}`);
            const until = date(i.expiresAt);
            return (
              <li key={i.id} className="user-row">
                <span className="user-who">
                  {i.organisation.status === 'published' ? (
                    <Link href={`/organisations/${i.organisation.slug}`}>{i.organisation.name}</Link>
                  ) : (
                    <span className="person-name">{i.organisation.name}</span>
                  )}
                  <span className="muted block">
                    {i.invitedBy
                      ? t('account.invitationFrom', { name: i.invitedBy, role, date: until })
                      : t('account.invitationAs', { role, date: until })}
                  </span>
                </span>
                <span className="row-actions">
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    aria-label={t('account.acceptNamed', { name: i.organisation.name })}
                    onClick={() => answer(i, true)}
                  >
                    {t('account.accept')}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    disabled={busy}
                    aria-label={t('account.declineNamed', { name: i.organisation.name })}
                    onClick={() => answer(i, false)}
                  >
                    {t('account.decline')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
