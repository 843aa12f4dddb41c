import { type FormEvent, useId, useRef, useState } from 'react';
import { api, type Organisation } from '../../../client/api.ts';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

const MAX_BYTES = 5 * 1024 * 1024;

/** Upload or remove the logo; the server checks the real image type and scales it to 256×256 at most. */
export function LogoManager({
  organisation: o,
  onChanged,
}: {
  organisation: Organisation;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [success, setSuccess] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(undefined);
    setSuccess(undefined);
    try {
      await action();
      setSuccess(done);
      if (input.current) input.current.value = '';
      onChanged();
    } catch (err) {
      setError(describeError(err, t).message);
    } finally {
      setBusy(false);
    }
  }

  function upload(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError(t('profile.logoChoose'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(t('profile.logoTooLarge'));
      return;
    }
    void run(() => api.uploadLogo(o.id, file), t('profile.logoSaved'));
  }

  return (
    <section className="card section logo-manager" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('profile.logo')}</h2>
      <FormMessage error={error} success={success} />
      <div className="logo-row">
        {o.logoUrl ? (
          <img src={o.logoUrl} alt={t('profile.logoAlt', { name: o.name })} className="logo-preview" />
        ) : (
          <p className="muted">{t('profile.noLogo')}</p>
        )}
        <form onSubmit={upload} className="logo-form">
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('profile.logoFile')}</label>
            <p className="field-hint" id={`${id}-hint`}>
              {t('profile.logoHint')}
            </p>
            <input
              id={`${id}-file`}
              ref={input}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={`${id}-hint`}
            />
          </div>
          <p className="actions">
            <button type="submit" className="button button-small" disabled={busy}>
              {t('profile.logoUpload')}
            </button>
            {o.logoUrl && (
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={busy}
                onClick={() => run(() => api.deleteLogo(o.id), t('profile.logoRemoved'))}
              >
                {t('profile.logoRemove')}
              </button>
            )}
          </p>
        </form>
      </div>
    </section>
  );
}
