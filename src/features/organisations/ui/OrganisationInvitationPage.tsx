import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { type AcceptedInvitation, api } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { ErrorState, Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

/**
 * The page the invitation e-mail links to, and the only place to accept: the link's token proves the
 * mailbox (sign-up does not verify addresses), and the account signed in must have the invited e-mail.
 */
export default function OrganisationInvitationPage() {
  const { token = '' } = useParams<{ token: string }>();
  const { t } = useI18n();
  const { me, refresh } = useAuth();
  const link = useApi((signal) => api.organisationInvitationLink(token, signal), [token]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [answer, setAnswer] = useState<{ accepted?: AcceptedInvitation; declined?: boolean }>({});
  useDocumentTitle(t('orgInvite.title'));

  if (link.error && !link.data) return <ErrorState error={link.error} />;
  if (!link.data || me === undefined) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  const inv = link.data;
  const here = encodeURIComponent(`/organisation-invitations/${token}`);
  const sameAccount = !!me && me.email.toLowerCase() === inv.email;

  async function respond(accept: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      if (accept) {
        const accepted = await api.acceptOrganisationInvitation(token);
        setAnswer({ accepted });
        // The organisation now appears among the account's memberships.
        await refresh();
      } else {
        await api.declineOrganisationInvitation(inv.id);
        setAnswer({ declined: true });
      }
    } catch (err) {
      setError(describeError(err, t).message);
      link.reload();
    } finally {
      setBusy(false);
    }
  }

  const { accepted, declined } = answer;
  return (
    <div className="container page narrow-wide">
      <PageHeader
        title={t('orgInvite.title')}
        lead={t('orgInvite.lead', { name: inv.organisationName, role: t(`account.role.${inv.role}`) })}
      />
      <div className="card section">
        <FormMessage
          error={error}
          success={
            accepted
              ? t('account.invitationAccepted', {
                  name: accepted.organisation.name,
                  role: t(`account.role.${accepted.role}`),
                })
              : declined
                ? t('account.invitationDeclined', { name: inv.organisationName })
                : undefined
          }
        />
        {accepted ? (
          <p>
            <Link href={`/organisations/${accepted.organisation.slug}`}>{t('profile.openProfile')}</Link>
          </p>
        ) : declined ? null : inv.status !== 'pending' ? (
          <p>{t(`orgInvite.status.${inv.status}`)}</p>
        ) : !me ? (
          <>
            <p>{t('orgInvite.for', { email: inv.email })}</p>
            <p>
              {t('orgInvite.signIn', { email: inv.email })}{' '}
              <Link href={`/signin?next=${here}`}>{t('auth.signIn')}</Link>
              {' · '}
              <Link href={`/signup?next=${here}`}>{t('auth.signUp')}</Link>
            </p>
          </>
        ) : sameAccount ? (
          <>
            <p>{t('orgInvite.answer', { email: me.email })}</p>
            <p className="row-actions">
              <button
                type="button"
                className="button"
                disabled={busy}
                aria-label={t('account.acceptNamed', { name: inv.organisationName })}
                onClick={() => respond(true)}
              >
                {t('account.accept')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                aria-label={t('account.declineNamed', { name: inv.organisationName })}
                onClick={() => respond(false)}
              >
                {t('account.decline')}
              </button>
            </p>
          </>
        ) : (
          <p>{t('orgInvite.otherAccount', { me: me.email, email: inv.email })}</p>
        )}
      </div>
    </div>
  );
}
