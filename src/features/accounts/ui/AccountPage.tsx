import { Link, Redirect } from 'wouter';
import { useAuth } from '../../../client/auth.tsx';
import { Empty, Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { MyOrganisationInvitations } from '../../organisations/ui/MyOrganisationInvitations.tsx';
import { PasswordForm, ProfileForm } from './AccountForms.tsx';
import { AccountTokens } from './AccountTokens.tsx';

export default function AccountPage() {
  const { t, date } = useI18n();
  const { me, setMe } = useAuth();
  useDocumentTitle(t('account.title'));

  if (me === undefined) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  if (me === null) return <Redirect to="/signin?next=%2Faccount" replace />;

  return (
    <div className="container page">
      <PageHeader
        title={t('account.title')}
        lead={`${me.name} · ${t('account.memberSince', { date: date(me.createdAt) })}`}
      >
        {me.isAdmin && <span className="badge badge-accent">{t('account.admin')}</span>}
      </PageHeader>
      <div className="two-columns">
        <div className="stack">
          <div className="card section">
            <ProfileForm me={me} onSaved={setMe} />
          </div>
          <div className="card section">
            <AccountTokens />
          </div>
        </div>
        <div className="stack">
          <MyOrganisationInvitations />
          <section className="card section" aria-labelledby="memberships-heading">
            <h2 id="memberships-heading">{t('account.organisations')}</h2>
            {me.organisations.length === 0 ? (
              <Empty>{t('account.noOrganisations')}</Empty>
            ) : (
              <ul className="link-list">
                {me.organisations.map((m) => (
                  <li key={m.organisationId}>
                    <Link href={`/organisations/${m.organisationSlug}`}>{m.organisationName}</Link>{' '}
                    <span className="badge badge-neutral">{t(`account.role.${m.role}`)}</span>
                  </li>
                ))}
              </ul>
            )}
            <p className="actions">
              <Link href="/organisations/new">{t('profile.addOrganisation')}</Link>
              {me.isAdmin && <Link href="/admin/review">{t('profile.reviewQueueLink')}</Link>}
              {me.isAdmin && <Link href="/admin/import">{t('import.adminLink')}</Link>}
              {me.isAdmin && <Link href="/admin/outbox">{t('outbox.adminLink')}</Link>}
              {me.isAdmin && <Link href="/admin/indicators">{t('indicatorImport.adminLink')}</Link>}
            </p>
          </section>
          <section className="card section" aria-labelledby="my-events-heading">
            <h2 id="my-events-heading">{t('account.events')}</h2>
            {me.events.length === 0 ? (
              <Empty>{t('account.noEvents')}</Empty>
            ) : (
              <ul className="link-list">
                {me.events.map((ev) => (
                  <li key={`${ev.eventId}-${ev.role}`}>
                    <Link href={`/events/${ev.eventSlug}`}>{ev.eventTitle}</Link>{' '}
                    <span className="badge badge-neutral">{t(`account.role.${ev.role}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div className="card section">
            <PasswordForm email={me.email} />
          </div>
        </div>
      </div>
    </div>
  );
}
