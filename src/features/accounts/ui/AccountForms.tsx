import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api, type Me } from '../../../client/api.ts';
import { describeError, FormMessage, TextField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { isLocale, LOCALES, type Locale } from '../../../shared/i18n/index.ts';
import { newPasswordError, refusedPasswordError } from './authShared.ts';

export function ProfileForm({ me, onSaved }: { me: Me; onSaved: (me: Me) => void }) {
  const { t, setLocale } = useI18n();
  const [name, setName] = useState(me.name);
  const [language, setLanguage] = useState<Locale>(me.locale);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [success, setSuccess] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The header's language switch also updates the account.
  useEffect(() => setLanguage(me.locale), [me.locale]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSuccess(undefined);
    if (!name.trim()) {
      setFields({ name: t('validation.required') });
      setMessage(t('error.form'));
      return;
    }
    const body: { name?: string; locale?: Locale } = {};
    if (name.trim() !== me.name) body.name = name.trim();
    if (language !== me.locale) body.locale = language;
    setFields({});
    setMessage(undefined);
    if (Object.keys(body).length === 0) {
      setSuccess(t('common.saved'));
      return;
    }
    setBusy(true);
    try {
      const updated = await api.updateMe(body);
      onSaved(updated);
      if (body.locale) setLocale(body.locale);
      setSuccess(t('common.saved'));
    } catch (err) {
      const described = describeError(err, t);
      setFields(described.fields);
      setMessage(described.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('account.profile')}</h2>
      <FormMessage error={message} success={success} />
      <TextField
        label={t('account.name')}
        name="name"
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fields.name}
        required
      />
      <TextField label={t('account.email')} name="email" type="email" value={me.email} readOnly />
      {/* Radios, not a select, so the header's "Language" select stays the only control with that name. */}
      <fieldset className="field radio-group">
        <legend>{t('account.language')}</legend>
        {LOCALES.map((l) => (
          <label key={l} className="radio" lang={l}>
            <input
              type="radio"
              name="locale"
              value={l}
              checked={language === l}
              onChange={(e) => isLocale(e.target.value) && setLanguage(e.target.value)}
            />
            {t(`lang.${l}`)}
          </label>
        ))}
        {fields.locale && <p className="field-error">{fields.locale}</p>}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

export function PasswordForm({ email }: { email: string }) {
  const { t } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [success, setSuccess] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSuccess(undefined);
    const errors: Record<string, string> = {};
    if (!currentPassword) errors.currentPassword = t('validation.required');
    const passwordError = newPasswordError(newPassword, email);
    if (passwordError) errors.newPassword = t(passwordError);
    setFields(errors);
    if (Object.keys(errors).length > 0) {
      setMessage(t('error.form'));
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      await api.changePassword({ currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      setSuccess(t('account.passwordChanged'));
    } catch (err) {
      const described = describeError(err, t);
      if (err instanceof ApiError && err.fields.currentPassword)
        described.fields.currentPassword = t('account.wrongPassword');
      const refused = refusedPasswordError(err, 'newPassword');
      if (refused) described.fields.newPassword = t(refused);
      setFields(described.fields);
      setMessage(described.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.changePassword')}</h2>
      <FormMessage error={message} success={success} />
      {/* Lets password managers pair the new password with the account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label={t('account.currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={fields.currentPassword}
        required
      />
      <TextField
        label={t('account.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        error={fields.newPassword}
        hint={t('account.passwordHint')}
        required
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('account.changePassword')}
        </button>
      </div>
    </form>
  );
}
