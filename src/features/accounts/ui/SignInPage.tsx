import { type FormEvent, useState } from 'react';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import { ApiError, api } from '../../../client/api.ts';
import { useAuth } from '../../../client/auth.tsx';
import { describeError, FormMessage, TextField } from '../../../client/components/Form.tsx';
import { useDocumentTitle } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { EMAIL_PATTERN, nextPath } from './authShared.ts';

export default function SignInPage() {
  const { t } = useI18n();
  const { me, setMe } = useAuth();
  const search = useSearch();
  const [, navigate] = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('auth.signIn'));

  if (me && !busy) return <Redirect to={nextPath(search)} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!EMAIL_PATTERN.test(email.trim()))
      errors.email = t(email.trim() ? 'validation.email' : 'validation.required');
    if (!password) errors.password = t('validation.required');
    setFields(errors);
    if (Object.keys(errors).length > 0) {
      setMessage(t('error.form'));
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const signedIn = await api.signIn({ email: email.trim(), password });
      setMe(signedIn);
      navigate(nextPath(search), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setFields({});
        setMessage(t('account.wrongCredentials'));
      } else {
        const described = describeError(err, t);
        setFields(described.fields);
        setMessage(described.message);
      }
      setBusy(false);
    }
  }

  return (
    <div className="container page narrow">
      <form className="card form auth-form" onSubmit={submit} noValidate aria-labelledby="signin-heading">
        <h1 id="signin-heading">{t('account.signInTitle')}</h1>
        <FormMessage error={message} />
        <TextField
          label={t('account.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
          required
        />
        <TextField
          label={t('account.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('account.signInButton')}
          </button>
        </div>
        <p className="form-footer">
          {t('account.noAccount')}{' '}
          <Link href={`/signup${search ? `?${search}` : ''}`}>{t('auth.signUp')}</Link>
        </p>
      </form>
    </div>
  );
}
