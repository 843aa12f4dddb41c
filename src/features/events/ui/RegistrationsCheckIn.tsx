import { type FormEvent, useRef, useState } from 'react';
import { api, type CheckInResult } from '../../../client/api.ts';
import { describeError, FormMessage } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';

/**
 * Check-in at the door: a USB or phone scanner types the badge code into the field and presses Enter;
 * the field is cleared and keeps the focus for the next badge. A code can also be typed by hand.
 */
export function CheckInPanel({ slug, onChecked }: { slug: string; onChecked: () => void }) {
  const { t, dateTime } = useI18n();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<CheckInResult>();
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return;
    setError(undefined);
    setResult(undefined);
    try {
      const r = await api.checkInByCode(slug, code);
      setResult(r);
      setCode('');
      onChecked();
    } catch (err) {
      const d = describeError(err, t);
      setError(d.fields.code ?? d.message);
    }
    input.current?.focus();
  };
  const reg = result?.registration;
  return (
    <section className="card section" aria-labelledby="checkin-heading">
      <h2 id="checkin-heading">{t('registration.checkIn')}</h2>
      <form className="reg-checkin" onSubmit={submit}>
        <div className="field">
          <label htmlFor="checkin-code">{t('registration.badgeCode')}</label>
          <p className="field-hint" id="checkin-hint">
            {t('registration.badgeCodeHint')}
          </p>
          <input
            ref={input}
            id="checkin-code"
            value={code}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="checkin-hint"
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t('registration.checkInButton')}
        </button>
      </form>
      <FormMessage error={error} />
      {reg && (
        <div
          role="status"
          className={`form-message ${result.alreadyCheckedIn ? 'reg-already' : 'form-success'}`}
        >
          <strong>{reg.user.name}</strong>
          {reg.organisation && ` · ${reg.organisation.name}`}
          <span className="block">
            {result.alreadyCheckedIn
              ? t('registration.alreadyCheckedIn', {
                  when: dateTime(reg.checkedInAt ?? ''),
                  who: reg.checkedInBy ?? '—',
                })
              : t('registration.checkedInNow')}
          </span>
        </div>
      )}
    </section>
  );
}
