import { useState } from 'react';
import { Link } from 'wouter';
import { api, type MyInvitation } from '../../../client/api.ts';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { Empty } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

/**
 * On the account page: invitations to run organisations addressed to the account's e-mail, for
 * information and to decline. Accepting needs the e-mailed link, since sign-up does not prove the address.
 */
export function MyOrganisationInvitations() {
  const { t, date } = useI18n();
  const invitations = useApi((signal) => api.myOrganisationInvitations(signal), []);
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState(false);
  const items = invitations.data?.items ?? [];

  async function decline(i: MyInvitation) {
    setBusy(true);
    setStatus({});
    try {
      await api.declineOrganisationInvitation(i.id);
      setStatus({ success: t('account.invitationDeclined', { name: i.organisation.name }) });
    } catch (err) {
      setStatus({ error: describeError(err, t).message });
    } finally {
      invitations.reload();
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
        <>
          <p className="muted">{t('account.invitationsLead')}</p>
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
                      className="button button-small button-secondary"
                      disabled={busy}
                      aria-label={t('account.declineNamed', { name: i.organisation.name })}
                      onClick={() => decline(i)}
                    >
                      {t('account.decline')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
