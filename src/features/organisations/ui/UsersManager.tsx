import { type FormEvent, useState } from 'react';
import { api, type Organisation } from '../../../client/api.ts';
import { describeError, FormMessage, SelectField, TextField } from '../../../client/components/Form.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

/**
 * Who runs the profile on Nexum: admins invite people by e-mail as admin or member (they join when they
 * accept), revoke pending invitations, change roles, remove.
 */
export function UsersManager({ organisation, myId }: { organisation: Organisation; myId: string }) {
  const { t, date } = useI18n();
  const users = useApi((signal) => api.organisationUsers(organisation.id, signal), [organisation.id]);
  const invitations = useApi(
    (signal) => api.organisationUserInvitations(organisation.id, signal),
    [organisation.id],
  );
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'admin' | 'member'>('member');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState(false);
  const admins = (users.data?.items ?? []).filter((u) => u.role === 'admin').length;

  async function act(action: () => Promise<unknown>, success: string) {
    setBusy(true);
    setStatus({});
    setFields({});
    try {
      await action();
      setStatus({ success });
      users.reload();
      invitations.reload();
      return true;
    } catch (err) {
      const d = describeError(err, t);
      setFields(d.fields);
      setStatus({ error: d.message });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function invite(e: FormEvent) {
    e.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setFields({ email: t('validation.email') });
      setStatus({ error: t('error.form') });
      return;
    }
    const ok = await act(
      () => api.inviteOrganisationUser(organisation.id, { email: email.trim(), role }),
      t('profile.invitationSent', { email: email.trim() }),
    );
    if (ok) setEmail('');
  }

  return (
    <section className="card section" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('profile.users')}</h2>
      <p className="muted">{t('profile.usersLead')}</p>
      <FormMessage error={status.error} success={status.success} />
      <ul className="manage-list">
        {(users.data?.items ?? []).map((u) => {
          // The last admin stays: the server refuses, and the buttons say so beforehand.
          const lastAdmin = u.role === 'admin' && admins === 1;
          return (
            <li key={u.id} className="user-row">
              <span className="user-who">
                <span className="person-name">{u.name}</span>{' '}
                <span className="badge badge-neutral">{t(`account.role.${u.role}`)}</span>
                <span className="muted block">{u.email}</span>
              </span>
              {lastAdmin ? (
                <span className="muted user-note">{t('profile.lastAdmin')}</span>
              ) : (
                <span className="row-actions">
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    disabled={busy}
                    onClick={() =>
                      act(
                        () =>
                          api.setOrganisationUserRole(
                            organisation.id,
                            u.id,
                            u.role === 'admin' ? 'member' : 'admin',
                          ),
                        t('profile.userSaved', { email: u.email }),
                      )
                    }
                  >
                    {u.role === 'admin' ? t('profile.makeMember') : t('profile.makeAdmin')}
                  </button>
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    disabled={busy}
                    aria-label={t('profile.removeUserNamed', { name: u.name })}
                    onClick={() =>
                      act(
                        () => api.removeOrganisationUser(organisation.id, u.id),
                        t('profile.userRemoved', { email: u.email }),
                      ).then((ok) => {
                        // Removing oneself: the page no longer belongs to us to manage.
                        if (ok && u.id === myId) window.location.reload();
                      })
                    }
                  >
                    {t('profile.remove')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <h3 id="pending-invitations-heading">{t('profile.pendingInvitations')}</h3>
      {(invitations.data?.items ?? []).length === 0 ? (
        <p className="muted">{t('profile.noPendingInvitations')}</p>
      ) : (
        <ul className="manage-list" aria-labelledby="pending-invitations-heading">
          {(invitations.data?.items ?? []).map((i) => (
            <li key={i.id} className="user-row">
              <span className="user-who">
                <span className="person-name">{i.email}</span>
                <span className="muted block">
                  {t('profile.invitedAs', { role: t(`account.role.${i.role}`), date: date(i.expiresAt) })}
                </span>
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  className="button button-small button-secondary"
                  disabled={busy}
                  aria-label={t('profile.revokeNamed', { email: i.email })}
                  onClick={() =>
                    act(
                      () => api.revokeOrganisationUserInvitation(organisation.id, i.id),
                      t('profile.invitationRevoked', { email: i.email }),
                    )
                  }
                >
                  {t('profile.revoke')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('profile.inviteUserLead')}</p>
      <form className="inline-form" onSubmit={invite} noValidate aria-label={t('profile.inviteUser')}>
        <TextField
          label={t('profile.userEmail')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
          autoComplete="off"
        />
        <SelectField
          label={t('profile.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as 'admin' | 'member')}
        >
          <option value="member">{t('account.role.member')}</option>
          <option value="admin">{t('account.role.admin')}</option>
        </SelectField>
        <button type="submit" className="button" disabled={busy}>
          {t('profile.inviteUser')}
        </button>
      </form>
    </section>
  );
}
