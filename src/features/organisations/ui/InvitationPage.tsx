import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { api, type OrganisationType } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage, SelectField, TextField } from '../../../client/components/Form.tsx';
import { ErrorState, Loading, PageHeader } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { ORGANISATION_TYPE_LIST } from './labels.ts';
import './profile.css';

/** The page an invitation link opens: sign in, check the name, choose the type, accept. */
export default function InvitationPage() {
  const { token = '' } = useParams<{ token: string }>();
  const { t } = useI18n();
  const { me, refresh } = useAuth();
  const [, navigate] = useLocation();
  const invitation = useApi((signal) => api.invitation(token, signal), [token]);
  const [name, setName] = useState<string>();
  const [type, setType] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('profile.invitationTitle'));

  if (invitation.error && !invitation.data) return <ErrorState error={invitation.error} />;
  if (!invitation.data || me === undefined) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  const inv = invitation.data;
  const orgName = name ?? inv.organisationName;

  async function accept(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!orgName.trim()) errors.name = t('validation.required');
    if (!type) errors.type = t('validation.required');
    setFields(errors);
    if (Object.keys(errors).length) {
      setMessage(t('error.form'));
      return;
    }
    setBusy(true);
    try {
      const created = await api.acceptInvitation(token, {
        name: orgName.trim(),
        type: type as OrganisationType,
      });
      await refresh();
      navigate(`/organisations/${created.slug}`);
    } catch (err) {
      const d = describeError(err, t);
      setFields(d.fields);
      setMessage(d.message);
      setBusy(false);
    }
  }

  return (
    <div className="container page narrow-wide">
      <PageHeader
        title={t('profile.invitationTitle')}
        lead={t('profile.invitationLead', { cluster: inv.cluster.name, name: inv.organisationName })}
      />
      <div className="card section">
        {inv.status === 'accepted' && (
          <p>
            {t('profile.invitationAccepted')}{' '}
            {inv.memberSlug && (
              <Link href={`/organisations/${inv.memberSlug}`}>{t('profile.openProfile')}</Link>
            )}
          </p>
        )}
        {inv.status === 'expired' && <p>{t('profile.invitationExpired')}</p>}
        {inv.status === 'pending' && !me && (
          <p>
            {t('profile.invitationSignIn')}{' '}
            <Link href={`/signin?next=${encodeURIComponent(`/invitations/${token}`)}`}>
              {t('auth.signIn')}
            </Link>
            {' · '}
            <Link href={`/signup?next=${encodeURIComponent(`/invitations/${token}`)}`}>
              {t('auth.signUp')}
            </Link>
          </p>
        )}
        {inv.status === 'pending' && me && (
          <form className="form" onSubmit={accept} noValidate aria-label={t('profile.acceptInvitation')}>
            <FormMessage error={message} />
            <p>{t('profile.invitationExplain', { cluster: inv.cluster.name })}</p>
            <div className="form-grid">
              <TextField
                label={t('org.field.name')}
                value={orgName}
                onChange={(e) => setName(e.target.value)}
                error={fields.name}
                required
              />
              <SelectField
                label={t('common.type')}
                value={type}
                onChange={(e) => setType(e.target.value)}
                error={fields.type}
                required
              >
                <option value="">{t('profile.chooseType')}</option>
                {ORGANISATION_TYPE_LIST.map((ty) => (
                  <option key={ty} value={ty}>
                    {t(`orgType.${ty}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t('profile.acceptInvitation')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
