import { type FormEvent, useState } from 'react';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import { ApiError, api } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage, TextField } from '../../../client/components/Form.tsx';
import { useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { EMAIL_PATTERN, newPasswordError, nextPath, refusedPasswordError } from './authShared.ts';

export default function SignUpPage() {
  const { t, locale } = useI18n();
  const { me, setMe } = useAuth();
  const search = useSearch();
  const [, navigate] = useLocation();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('auth.signUp'));

  if (me && !busy) return <Redirect to={nextPath(search)} replace />;

  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!values.name.trim()) errors.name = t('validation.required');
    if (!EMAIL_PATTERN.test(values.email.trim())) {
      errors.email = t(values.email.trim() ? 'validation.email' : 'validation.required');
    }
    const passwordError = newPasswordError(values.password, values.email);
    if (passwordError) errors.password = t(passwordError);
    if (!acceptTerms) errors.acceptTerms = t('validation.acceptTerms');
    setFields(errors);
    if (Object.keys(errors).length > 0) {
      setMessage(t('error.form'));
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const created = await api.signUp({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        locale,
        acceptTerms: true,
      });
      setMe(created);
      navigate(nextPath(search), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setFields({ email: t('account.emailTaken') });
        setMessage(t('account.emailTaken'));
      } else {
        const described = describeError(err, t);
        const refused = refusedPasswordError(err, 'password');
        if (refused) described.fields.password = t(refused);
        if (described.fields.acceptTerms) described.fields.acceptTerms = t('validation.acceptTerms');
        setFields(described.fields);
        setMessage(described.message);
      }
      setBusy(false);
    }
  }

  return (
    <div className="container page narrow">
      <form className="card form auth-form" onSubmit={submit} noValidate aria-labelledby="signup-heading">
        <h1 id="signup-heading">{t('account.signUpTitle')}</h1>
        <p className="muted">{t('account.signUpLead')}</p>
        <FormMessage error={message} />
        <TextField
          label={t('account.name')}
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={set('name')}
          error={fields.name}
          required
          maxLength={120}
        />
        <TextField
          label={t('account.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={set('email')}
          error={fields.email}
          required
        />
        <TextField
          label={t('account.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={fields.password}
          hint={t('account.passwordHint')}
          required
        />
        <div className={`field check-field${fields.acceptTerms ? ' has-error' : ''}`}>
          <label className="check">
            <input
              type="checkbox"
              name="acceptTerms"
              checked={acceptTerms}
              onChange={(e) => setAcceptTerms(e.target.checked)}
              required
              aria-invalid={fields.acceptTerms ? true : undefined}
              aria-describedby={`accept-terms-link${fields.acceptTerms ? ' accept-terms-error' : ''}`}
            />
            <span>{t('account.acceptTerms')}</span>
          </label>
          <p id="accept-terms-link" className="field-hint">
            <a href="/terms" target="_blank" rel="noopener">
              {t('account.readTerms')}
            </a>
          </p>
          {fields.acceptTerms && (
            <p id="accept-terms-error" className="field-error">
              {fields.acceptTerms}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('account.signUpButton')}
          </button>
        </div>
        <p className="form-footer">
          {t('account.haveAccount')}{' '}
          <Link href={`/signin${search ? `?${search}` : ''}`}>{t('auth.signIn')}</Link>
        </p>
      </form>
    </div>
  );
}
