import { type FormEvent, useState } from 'react';
import { api, type B2bMeetingList, type B2bOverview } from '../../../client/api.ts';
import { describeError, FormMessage, SelectField, TextAreaField } from '../../../client/components/Form.tsx';
import { Badge, Empty, Loading } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { dayLabel, slotLabel, timeLabel } from '../format.ts';

const OUTCOMES = ['held', 'no_show', 'follow_up', 'cooperation'] as const;

function Outcome({
  slug,
  meeting,
  onSaved,
}: {
  slug: string;
  meeting: B2bMeetingList['items'][number];
  onSaved(): void;
}) {
  const { t } = useI18n();
  const [value, setValue] = useState<string>(meeting.myOutcome ?? '');
  const [error, setError] = useState<string>();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.b2bOutcome(slug, meeting.requestId, { outcome: value });
      onSaved();
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  return (
    <form className="b2b-inline-form" onSubmit={save}>
      <SelectField label={t('b2b.outcome')} value={value} onChange={(e) => setValue(e.target.value)} required>
        <option value="">{t('b2b.outcomeChoose')}</option>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`b2b.outcome.${o}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button-secondary button-small" disabled={!value}>
        {t('b2b.saveOutcome')}
      </button>
      <FormMessage error={error} />
    </form>
  );
}

/** Leaving a meeting, after a confirmation that says what happens to it. */
export function LeaveButton({
  slug,
  requestId,
  colleague,
  onLeft,
}: {
  slug: string;
  requestId: string;
  colleague: boolean;
  onLeft(): void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const leave = async () => {
    if (!window.confirm(t(colleague ? 'b2b.leaveConfirmColleague' : 'b2b.leaveConfirm'))) return;
    setError(undefined);
    try {
      await api.b2bLeave(slug, requestId);
      onLeft();
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  return (
    <>
      <button type="button" className="button button-secondary button-small" onClick={leave}>
        {t('b2b.leave')}
      </button>
      <FormMessage error={error} />
    </>
  );
}

export function MeetingsSection({
  slug,
  timeZone,
  version,
  onChange,
}: {
  slug: string;
  timeZone: string;
  version: unknown;
  onChange(): void;
}) {
  const { t, locale } = useI18n();
  const { data, reload } = useApi((signal) => api.b2bMeetings(slug, signal), [slug, version]);
  return (
    <section className="card section" aria-labelledby="b2b-meetings">
      <div className="section-head">
        <h2 id="b2b-meetings">{t('b2b.myMeetings')}</h2>
        <a className="button button-secondary button-small" href={api.b2bMeetingsPdfUrl(slug)}>
          {t('b2b.pdf')}
        </a>
      </div>
      <p className="muted">{t('b2b.timesIn', { zone: timeZone })}</p>
      {!data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty>{t('b2b.noMeetings')}</Empty>
      ) : (
        <ul className="b2b-list">
          {data.items.map((m) => (
            <li key={m.requestId} className="b2b-meeting">
              <p className="b2b-when">
                <time dateTime={m.startsAt}>{slotLabel(locale, m.startsAt, m.endsAt, timeZone)}</time>{' '}
                <Badge tone="accent">{t('b2b.tableN', { n: m.table })}</Badge>{' '}
                {m.room && <span className="muted">{m.room}</span>}
              </p>
              <ul className="b2b-partners">
                {m.partners.map((p) => (
                  <li key={p.registrationId}>
                    <strong>{p.name}</strong>
                    {p.organisationName && <span className="muted">, {p.organisationName}</span>}
                    {p.email && (
                      <>
                        {' · '}
                        <a href={`mailto:${p.email}`}>{p.email}</a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              {m.message && <p className="b2b-message">{m.message}</p>}
              {m.outcomeOpen && <Outcome slug={slug} meeting={m} onSaved={reload} />}
              {!m.outcomeOpen && (
                <LeaveButton
                  slug={slug}
                  requestId={m.requestId}
                  colleague={m.myRole === 'colleague'}
                  onLeft={onChange}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ProfileSection({ overview, onChange }: { overview: B2bOverview; onChange(): void }) {
  const { t } = useI18n();
  const me = overview.me!;
  const [offer, setOffer] = useState(me.profile?.offer ?? '');
  const [seek, setSeek] = useState(me.profile?.seek ?? '');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api.b2bSetProfile(overview.event.slug, { offer, seek });
      setSaved(true);
      onChange();
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  const optOut = async () => {
    await api.b2bOptOut(overview.event.slug);
    onChange();
  };
  return (
    <section className="card section" aria-labelledby="b2b-profile">
      <h2 id="b2b-profile">{t('b2b.profile')}</h2>
      <p className="muted">{me.optedIn ? t('b2b.optedIn') : t('b2b.notOptedIn')}</p>
      <form onSubmit={save} className="stack-tight">
        <TextAreaField
          label={t('b2b.offer')}
          value={offer}
          maxLength={2000}
          rows={3}
          onChange={(e) => setOffer(e.target.value)}
        />
        <TextAreaField
          label={t('b2b.seek')}
          value={seek}
          maxLength={2000}
          rows={3}
          onChange={(e) => setSeek(e.target.value)}
        />
        <FormMessage error={error} success={saved ? t('common.saved') : undefined} />
        <p className="actions">
          <button type="submit" className="button">
            {me.optedIn ? t('b2b.saveProfile') : t('b2b.optIn')}
          </button>
          {me.optedIn && (
            <button type="button" className="button button-secondary" onClick={optOut}>
              {t('b2b.optOut')}
            </button>
          )}
        </p>
      </form>
    </section>
  );
}

export function SlotsSection({ overview, onChange }: { overview: B2bOverview; onChange(): void }) {
  const { t, locale } = useI18n();
  const tz = overview.event.timeZone;
  const [blocked, setBlocked] = useState(
    () => new Set(overview.slots.filter((s) => s.mine === 'blocked').map((s) => s.key)),
  );
  const [error, setError] = useState<string>();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.b2bSetBlocked(overview.event.slug, [...blocked]);
      onChange();
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  const days = new Map<string, B2bOverview['slots']>();
  for (const s of overview.slots) {
    const d = dayLabel(locale, s.startsAt, tz);
    days.set(d, [...(days.get(d) ?? []), s]);
  }
  return (
    <section className="card section" aria-labelledby="b2b-slots">
      <h2 id="b2b-slots">{t('b2b.slots')}</h2>
      {overview.slots.length === 0 ? (
        <Empty>{t('b2b.noSlots')}</Empty>
      ) : (
        <form onSubmit={save}>
          <p className="muted">{t('b2b.slotsHint')}</p>
          {[...days].map(([day, slots]) => (
            <fieldset key={day} className="b2b-slots">
              <legend>{day}</legend>
              {slots.map((s) => {
                const fixed = s.mine === 'agenda' || s.mine === 'meeting';
                return (
                  <label key={s.key} className="b2b-slot">
                    <input
                      type="checkbox"
                      checked={fixed || blocked.has(s.key)}
                      disabled={fixed}
                      onChange={(e) => {
                        const next = new Set(blocked);
                        if (e.target.checked) next.add(s.key);
                        else next.delete(s.key);
                        setBlocked(next);
                      }}
                    />
                    {timeLabel(locale, s.startsAt, tz)}–{timeLabel(locale, s.endsAt, tz)}
                    {fixed && (
                      <span className="muted"> ({t(`b2b.slot.${s.mine as 'agenda' | 'meeting'}`)})</span>
                    )}
                  </label>
                );
              })}
            </fieldset>
          ))}
          <FormMessage error={error} />
          <button type="submit" className="button button-secondary">
            {t('b2b.saveSlots')}
          </button>
        </form>
      )}
    </section>
  );
}
