import { Link, useParams } from 'wouter';
import { api } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { ErrorState, Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { MyOrganisationInvitations } from './MyOrganisationInvitations.tsx';

/**
 * The page the invitation e-mail links to. The link grants nothing by itself: the invited person signs in
 * (or signs up) with the invited address and answers among their invitations.
 */
export default function OrganisationInvitationPage() {
  const { token = '' } = useParams<{ token: string }>();
  const { t } = useI18n();
  const { me } = useAuth();
  const link = useApi((signal) => api.organisationInvitationLink(token, signal), [token]);
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

  return (
    <div className="container page narrow-wide">
      <PageHeader
        title={t('orgInvite.title')}
        lead={t('orgInvite.lead', { name: inv.organisationName, role: t(`account.role.${inv.role}`) })}
      />
      {inv.status !== 'pending' ? (
        <div className="card section">
          <p>{t(`orgInvite.status.${inv.status}`)}</p>
        </div>
      ) : !me ? (
        <div className="card section">
          <p>{t('orgInvite.for', { email: inv.email })}</p>
          <p>
            {t('orgInvite.signIn', { email: inv.email })}{' '}
            <Link href={`/signin?next=${here}`}>{t('auth.signIn')}</Link>
            {' · '}
            <Link href={`/signup?next=${here}`}>{t('auth.signUp')}</Link>
          </p>
        </div>
      ) : sameAccount ? (
        <MyOrganisationInvitations />
      ) : (
        <div className="card section">
          <p>{t('orgInvite.otherAccount', { me: me.email, email: inv.email })}</p>
        </div>
      )}
    </div>
  );
}
