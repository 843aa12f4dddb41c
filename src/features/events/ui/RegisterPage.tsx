import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'wouter';
import {
  api,
  type OrganisationSummary,
  type OrganisationType,
  type Registration,
  type RegistrationState,
} from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage, SelectField, TextField } from '../../../client/components/Form.tsx';
import { ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi, useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { ORGANISATION_TYPE_LIST } from '../../organisations/ui/labels.ts';
import { EventTabs } from './EventTabs.tsx';
import {
  CATEGORIES,
  OrganisationPicker,
  RegistrationFacts,
  StatusBadge,
  useCountryOptions,
} from './registrationParts.tsx';
import './registration.css';

const ACTIVE = ['pending', 'confirmed', 'waitlisted'];

function RegisterForm({
  slug,
  full,
  onDone,
}: {
  slug: string;
  full: boolean;
  onDone: (r: Registration) => void;
}) {
  const { t } = useI18n();
  const countries = useCountryOptions();
  const [category, setCategory] = useState('');
  const [org, setOrg] = useState<OrganisationSummary | null>(null);
  const [newOrg, setNewOrg] = useState(false);
  const [orgName, setOrgName] = useState('');
  const [orgType, setOrgType] = useState<OrganisationType>('company');
  const [jobTitle, setJobTitle] = useState('');
  const [countryCode, setCountryCode] = useState('');
  const [consentContact, setConsentContact] = useState(false);
  const [consentPhotos, setConsentPhotos] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ message: string; fields: Record<string, string> }>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors(undefined);
    try {
      const reg = await api.register(slug, {
        category: category as (typeof CATEGORIES)[number],
        organisationId: newOrg ? null : (org?.id ?? null),
        newOrganisation: newOrg && orgName.trim() ? { name: orgName, type: orgType } : null,
        jobTitle: jobTitle || null,
        countryCode: countryCode || null,
        consentContact,
        consentPhotos,
      });
      onDone(reg);
    } catch (err) {
      setErrors(describeError(err, t));
      setBusy(false);
    }
  };
  const f = errors?.fields ?? {};
  return (
    <form className="card section reg-form" onSubmit={submit} noValidate>
      <h2>{t('registration.formTitle')}</h2>
      <FormMessage error={errors?.message} />
      <SelectField
        label={t('registration.category')}
        value={category}
        required
        error={f.category}
        onChange={(e) => setCategory(e.target.value)}
      >
        <option value="">{t('registration.choose')}</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {t(`registration.category.${c}`)}
          </option>
        ))}
      </SelectField>
      {newOrg ? (
        <fieldset className="reg-new-org">
          <legend>{t('registration.newOrganisation')}</legend>
          <p className="field-hint">{t('registration.newOrganisationHint')}</p>
          <TextField
            label={t('registration.organisationName')}
            value={orgName}
            error={f['newOrganisation.name'] ?? f.newOrganisation}
            onChange={(e) => setOrgName(e.target.value)}
          />
          <SelectField
            label={t('registration.organisationType')}
            value={orgType}
            onChange={(e) => setOrgType(e.target.value as OrganisationType)}
          >
            {ORGANISATION_TYPE_LIST.map((type) => (
              <option key={type} value={type}>
                {t(`orgType.${type}`)}
              </option>
            ))}
          </SelectField>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setNewOrg(false)}
          >
            {t('registration.pickFromDirectory')}
          </button>
        </fieldset>
      ) : (
        <>
          <OrganisationPicker value={org} onChange={setOrg} error={f.organisationId} />
          {!org && (
            <p>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setNewOrg(true)}
              >
                {t('registration.notListed')}
              </button>
            </p>
          )}
        </>
      )}
      <TextField
        label={t('registration.jobTitle')}
        optional
        value={jobTitle}
        maxLength={200}
        error={f.jobTitle}
        onChange={(e) => setJobTitle(e.target.value)}
      />
      <SelectField
        label={t('registration.country')}
        optional
        value={countryCode}
        error={f.countryCode}
        onChange={(e) => setCountryCode(e.target.value)}
      >
        <option value="">{t('registration.choose')}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="reg-consents">
        <legend>{t('registration.consents')}</legend>
        <label className="reg-check">
          <input
            type="checkbox"
            checked={consentContact}
            onChange={(e) => setConsentContact(e.target.checked)}
          />
          <span>
            {t('registration.consentContactLabel')}
            <span className="field-hint block">{t('registration.consentContactHint')}</span>
          </span>
        </label>
        <label className="reg-check">
          <input
            type="checkbox"
            checked={consentPhotos}
            onChange={(e) => setConsentPhotos(e.target.checked)}
          />
          <span>
            {t('registration.consentPhotosLabel')}
            <span className="field-hint block">{t('registration.consentPhotosHint')}</span>
          </span>
        </label>
      </fieldset>
      {full && <p className="reg-full-note">{t('registration.fullNote')}</p>}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('registration.registering') : t('registration.submit')}
        </button>
      </div>
    </form>
  );
}

function MyRegistration({ reg, onChange }: { reg: Registration; onChange: () => void }) {
  const { t, locale, dateTime } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const cancel = async () => {
    try {
      await api.registrationAction(reg.id, 'cancel');
      setConfirming(false);
      onChange();
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  return (
    <section className="card section reg-status" aria-labelledby="reg-status-heading">
      <h2 id="reg-status-heading">
        {t('registration.yourStatus')} <StatusBadge status={reg.status} />
      </h2>
      <p className="lead" data-testid="registration-status">
        {reg.status === 'waitlisted'
          ? t('registration.waitlistedText', { position: reg.waitlistPosition ?? 1 })
          : t(`registration.statusText.${reg.status}`)}
      </p>
      {reg.checkedInAt && <p>{t('registration.checkedInAt', { when: dateTime(reg.checkedInAt) })}</p>}
      <FormMessage error={error} />
      {ACTIVE.includes(reg.status) && (
        <p className="actions">
          {reg.status === 'confirmed' && (
            <a className="button" href={api.badgeUrl(reg.id, locale)} download>
              {t('registration.downloadBadge')}
            </a>
          )}
          {reg.calendarUrl && (
            <a className="button button-secondary" href={reg.calendarUrl} download>
              {t('registration.addToCalendar')}
            </a>
          )}
          {!confirming && (
            <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
              {t('registration.cancel')}
            </button>
          )}
        </p>
      )}
      {confirming && (
        <div className="reg-confirm">
          <p>{t('registration.cancelConfirm')}</p>
          <p className="actions">
            <button type="button" className="button button-danger" onClick={cancel}>
              {t('registration.cancelYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('registration.cancelNo')}
            </button>
          </p>
        </div>
      )}
      <RegistrationFacts reg={reg} />
    </section>
  );
}

function Seats({ e }: { e: RegistrationState['event'] }) {
  const { t, number, dateTime } = useI18n();
  return (
    <section className="card section" aria-labelledby="reg-seats-heading">
      <h2 id="reg-seats-heading">{t('registration.seats')}</h2>
      <p>
        {e.capacity === null
          ? t('registration.seatsUnlimited', { confirmed: number(e.confirmed) })
          : t('registration.seatsTaken', { confirmed: number(e.confirmed), capacity: number(e.capacity) })}
      </p>
      {e.waitlisted > 0 && <p>{t('registration.waitlistCount', { count: e.waitlisted })}</p>}
      {e.requiresApproval && <p className="muted">{t('registration.approvalNote')}</p>}
      {e.registrationClosesAt && (
        <p className="muted">
          {t('registration.closesAt', { when: dateTime(e.registrationClosesAt, e.timeZone) })}
        </p>
      )}
    </section>
  );
}

/** /events/:slug/register: the form, then your status (confirmed, waiting list position, pending). */
export default function RegisterPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const { t, eventWhen, dateTime } = useI18n();
  const { me } = useAuth();
  const { data, error, loading, reload } = useApi(
    (signal) => api.registrationState(slug, signal),
    [slug, me?.id],
  );
  useDocumentTitle(data ? `${t('registration.title')} — ${data.event.title}` : undefined);
  if (error && !data) return <ErrorState error={error} onRetry={reload} />;
  if ((loading && !data) || !data)
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  const { event: e, registration: reg } = data;
  const active = reg && ACTIVE.includes(reg.status);
  const next = encodeURIComponent(`/events/${e.slug}/register`);
  return (
    <div className="container page reg-page">
      <header className="page-header">
        <p className="eyebrow">
          <Link href={`/events/${e.slug}`}>{e.title}</Link>
        </p>
        <h1>{t('registration.title')}</h1>
        <p className="muted">{eventWhen(e.startsAt, e.endsAt, e.timeZone)}</p>
      </header>
      <EventTabs slug={e.slug} canEdit={e.canManage} />
      <div className="two-columns">
        <div className="stack">
          {reg && active && <MyRegistration reg={reg} onChange={reload} />}
          {reg?.status === 'rejected' && (
            <section className="card section">
              <p>{t('registration.statusText.rejected')}</p>
            </section>
          )}
          {!active && reg?.status !== 'rejected' && !e.open && (
            <section className="card section">
              <p>
                {e.closedReason === 'not_yet_open' && e.registrationOpensAt
                  ? t('registration.opensAt', { when: dateTime(e.registrationOpensAt, e.timeZone) })
                  : t(`registration.closed.${e.closedReason ?? 'closed'}`)}
              </p>
            </section>
          )}
          {!active && reg?.status !== 'rejected' && e.open && me === null && (
            <section className="card section">
              <p>{t('registration.signInFirst')}</p>
              <p className="actions">
                <Link className="button" href={`/signup?next=${next}`}>
                  {t('registration.createAccount')}
                </Link>
                <Link className="button button-secondary" href={`/signin?next=${next}`}>
                  {t('registration.signIn')}
                </Link>
              </p>
            </section>
          )}
          {!active && reg?.status !== 'rejected' && e.open && me && (
            <>
              {reg?.status === 'cancelled' && <p className="muted">{t('registration.cancelledBefore')}</p>}
              <RegisterForm
                slug={e.slug}
                full={!e.requiresApproval && e.capacity !== null && e.confirmed >= e.capacity}
                onDone={reload}
              />
            </>
          )}
        </div>
        <div className="stack">
          <Seats e={e} />
          {e.canManage && (
            <p>
              <Link href={`/events/${e.slug}/registrations`}>{t('registration.manageLink')}</Link>
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
