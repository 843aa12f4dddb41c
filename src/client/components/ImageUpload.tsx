import { type FormEvent, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { describeError, FormMessage } from './Form.tsx';

/** The manager's words, already translated by the caller (each image kind has its own keys). */
export interface ImageUploadText {
  heading: string;
  none: string;
  file: string;
  hint: string;
  upload: string;
  remove: string;
  choose: string;
  tooLarge: string;
  saved: string;
  removed: string;
}

/**
 * Upload or remove one image (a logo, a banner). The size is checked here only to spare a useless
 * upload; the server checks the real image type and makes the sizes it serves.
 */
export function ImageUploadManager({
  text,
  preview,
  maxBytes,
  upload,
  remove,
  onChanged,
  className = '',
  rowClassName,
  formClassName,
}: {
  text: ImageUploadText;
  /** The current image, or null when there is none (then no remove button). */
  preview: { src: string; alt: string; className: string } | null;
  maxBytes: number;
  upload: (file: File) => Promise<unknown>;
  remove: () => Promise<unknown>;
  onChanged: () => void;
  className?: string;
  rowClassName: string;
  formClassName?: string;
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

  function submit(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError(text.choose);
    if (file.size > maxBytes) return setError(text.tooLarge);
    void run(() => upload(file), text.saved);
  }

  return (
    <section className={`card section ${className}`.trim()} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{text.heading}</h2>
      <FormMessage error={error} success={success} />
      <div className={rowClassName}>
        {preview ? (
          <img src={preview.src} alt={preview.alt} className={preview.className} />
        ) : (
          <p className="muted">{text.none}</p>
        )}
        <form onSubmit={submit} className={formClassName}>
          <div className="field">
            <label htmlFor={`${id}-file`}>{text.file}</label>
            <p className="field-hint" id={`${id}-hint`}>
              {text.hint}
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
              {text.upload}
            </button>
            {preview && (
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={busy}
                onClick={() => run(remove, text.removed)}
              >
                {text.remove}
              </button>
            )}
          </p>
        </form>
      </div>
    </section>
  );
}
