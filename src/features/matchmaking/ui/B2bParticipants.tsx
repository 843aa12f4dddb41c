import { type FormEvent, useState } from 'react';
import { api, type B2bOverview, type B2bParticipant } from '../../../client/api.ts';
import {
  describeError,
  FormMessage,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../client/components/Form.tsx';
import { Badge, Empty, Loading, SampleBadge } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';

const CATEGORIES = ['cluster', 'policymaker', 'company', 'startup', 'research', 'other'] as const;

function RequestForm({
  overview,
  to,
  onDone,
}: {
  overview: B2bOverview;
  to: B2bParticipant;
  onDone(sent: boolean): void;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [expires, setExpires] = useState('');
  const [team, setTeam] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const send = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.b2bCreateRequest(overview.event.slug, {
        addresseeId: to.registrationId,
        message,
        teamIds: team,
        ...(expires ? { expiresAt: new Date(`${expires}T23:59:00`).toISOString() } : {}),
      });
      onDone(true);
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  const colleagues = overview.me?.colleagues ?? [];
  return (
    <form
      className="b2b-request-form stack-tight"
      onSubmit={send}
      aria-label={t('b2b.requestWith', { name: to.name })}
    >
      <TextAreaField
        label={t('b2b.message')}
        value={message}
        maxLength={1000}
        rows={3}
        onChange={(e) => setMessage(e.target.value)}
      />
      <TextField
        label={t('b2b.expires')}
        type="date"
        value={expires}
        onChange={(e) => setExpires(e.target.value)}
      />
      {colleagues.length > 0 && (
        <fieldset className="b2b-slots">
          <legend>{t('b2b.team')}</legend>
          <p className="muted">{t('b2b.teamHint')}</p>
          {colleagues.map((c) => (
            <label key={c.registrationId} className="b2b-slot">
              <input
                type="checkbox"
                checked={team.includes(c.registrationId)}
                onChange={(e) =>
                  setTeam(
                    e.target.checked
                      ? [...team, c.registrationId]
                      : team.filter((x) => x !== c.registrationId),
                  )
                }
              />
              {c.name}
            </label>
          ))}
        </fieldset>
      )}
      <FormMessage error={error} />
      <p className="actions">
        <button type="submit" className="button button-small">
          {t('b2b.send')}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={() => onDone(false)}>
          {t('b2b.cancel')}
        </button>
      </p>
    </form>
  );
}

export function ParticipantsSection({
  overview,
  onRequested,
}: {
  overview: B2bOverview;
  onRequested(): void;
}) {
  const { t, country } = useI18n();
  const slug = overview.event.slug;
  const [draft, setDraft] = useState({ q: '', category: '', country: '', ecosystem: '' });
  const [query, setQuery] = useState(draft);
  const [formFor, setFormFor] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const { data } = useApi(
    (signal) =>
      api.b2bParticipants(
        slug,
        { ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)), pageSize: 100 },
        signal,
      ),
    [slug, query],
  );
  const me = overview.me?.registrationId;
  // People the caller already has an open request with (either way): no second request button.
  const requests = useApi((signal) => api.b2bRequests(slug, signal), [slug, overview]).data;
  const open = new Map<string, 'pending' | 'accepted'>();
  for (const r of [...(requests?.incoming ?? []), ...(requests?.outgoing ?? [])]) {
    if (r.status !== 'pending' && r.status !== 'accepted') continue;
    open.set(r.direction === 'incoming' ? r.requester.registrationId : r.addressee.registrationId, r.status);
  }
  return (
    <section className="card section" aria-labelledby="b2b-participants">
      <h2 id="b2b-participants">{t('b2b.participants')}</h2>
      <form
        className="b2b-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(draft);
        }}
      >
        <TextField
          label={t('b2b.search')}
          type="search"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <SelectField
          label={t('b2b.category')}
          value={draft.category}
          onChange={(e) => setDraft({ ...draft, category: e.target.value })}
        >
          <option value="">{t('b2b.any')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`b2b.cat.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('b2b.country')}
          value={draft.country}
          onChange={(e) => setDraft({ ...draft, country: e.target.value })}
        >
          <option value="">{t('b2b.any')}</option>
          {data?.facets.countries.map((c) => (
            <option key={c} value={c}>
              {country(c)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('b2b.ecosystem')}
          value={draft.ecosystem}
          onChange={(e) => setDraft({ ...draft, ecosystem: e.target.value })}
        >
          <option value="">{t('b2b.any')}</option>
          {data?.facets.ecosystems.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-secondary">
          {t('b2b.filter')}
        </button>
      </form>
      <FormMessage success={sent ? t('b2b.requestSent') : undefined} />
      {!data ? (
        <Loading />
      ) : data.items.length === 0 ? (
        <Empty>{t('b2b.noneYet')}</Empty>
      ) : (
        <>
          <p className="muted">{t('b2b.participantCount', { count: data.total })}</p>
          <ul className="b2b-people">
            {data.items.map((p) => (
              <li key={p.registrationId} className="b2b-person">
                <h3>
                  {p.name} {p.registrationId === me && <span className="muted">{t('b2b.you')}</span>}{' '}
                  <SampleBadge sample={p.sample} />
                </h3>
                <p className="muted">
                  {[
                    p.jobTitle,
                    p.organisation?.name,
                    p.countryCode && country(p.countryCode),
                    t(`b2b.cat.${p.category}`),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {p.offer && (
                  <p>
                    <strong>{t('b2b.offers')}:</strong> {p.offer}
                  </p>
                )}
                {p.seek && (
                  <p>
                    <strong>{t('b2b.seeks')}:</strong> {p.seek}
                  </p>
                )}
                {open.has(p.registrationId) && (
                  <Badge tone={open.get(p.registrationId) === 'accepted' ? 'accent' : 'warning'}>
                    {t(`b2b.status.${open.get(p.registrationId)!}`)}
                  </Badge>
                )}
                {p.registrationId !== me &&
                  !open.has(p.registrationId) &&
                  (formFor === p.registrationId ? (
                    <RequestForm
                      overview={overview}
                      to={p}
                      onDone={(ok) => {
                        setFormFor(null);
                        setSent(ok);
                        if (ok) onRequested();
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-label={t('b2b.requestWith', { name: p.name })}
                      onClick={() => {
                        setSent(false);
                        setFormFor(p.registrationId);
                      }}
                    >
                      {t('b2b.request')}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
