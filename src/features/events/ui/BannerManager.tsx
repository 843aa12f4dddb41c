import { type FormEvent, useId, useRef, useState } from 'react';
import { api, type EventDetail } from '../../../client/api.ts';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import './summary.css';

const MAX_BYTES = 10 * 1024 * 1024;

/** Upload or remove the banner; the server checks the image and makes the page and share-card sizes. */
export function BannerManager({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
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
    if (!file) return setError(t('eventInfo.bannerChoose'));
    if (file.size > MAX_BYTES) return setError(t('eventInfo.bannerTooLarge'));
    void run(() => api.uploadEventBanner(event.id, file), t('eventInfo.bannerSaved'));
  }

  return (
    <section className="card section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('eventInfo.banner')}</h2>
      <FormMessage error={error} success={success} />
      <div className="banner-row">
        {event.banner ? (
          <img src={event.banner.cardUrl} alt={t('eventInfo.bannerPreview')} className="banner-preview" />
        ) : (
          <p className="muted">{t('eventInfo.noBanner')}</p>
        )}
        <form onSubmit={upload}>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('eventInfo.bannerFile')}</label>
            <p className="field-hint" id={`${id}-hint`}>
              {t('eventInfo.bannerHint')}
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
              {t('eventInfo.bannerUpload')}
            </button>
            {event.banner && (
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={busy}
                onClick={() => run(() => api.deleteEventBanner(event.id), t('eventInfo.bannerRemoved'))}
              >
                {t('eventInfo.bannerRemove')}
              </button>
            )}
          </p>
        </form>
      </div>
    </section>
  );
}
