import { useState } from 'react';
import { api, type B2bOverview, type B2bRequest } from '../../../client/api.ts';
import { describeError, FormMessage, SelectField } from '../../../client/components/Form.tsx';
import { Badge, Empty, Loading } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { slotLabel } from '../format.ts';
import { LeaveButton } from './B2bMine.tsx';

const TONE = {
  pending: 'warning',
  accepted: 'accent',
  declined: 'neutral',
  withdrawn: 'neutral',
  expired: 'danger',
} as const;

function RequestItem({ r, overview, onChange }: { r: B2bRequest; overview: B2bOverview; onChange(): void }) {
  const { t, locale, dateTime } = useI18n();
  const tz = overview.event.timeZone;
  const slug = overview.event.slug;
  const [slot, setSlot] = useState(r.freeSlots[0] ?? '');
  const [error, setError] = useState<string>();
  const slots = new Map(overview.slots.map((s) => [s.key, s]));
  const act = async (action: 'accept' | 'decline' | 'withdraw') => {
    setError(undefined);
    try {
      await api.b2bAnswer(slug, r.id, action, action === 'accept' && slot ? { slot } : {});
      onChange();
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  const answerTeam = async (answer: 'accept' | 'decline') => {
    setError(undefined);
    try {
      await api.b2bTeamAnswer(slug, r.id, answer);
      onChange();
    } catch (err) {
      setError(describeError(err, t).message);
    }
  };
  const other = r.direction === 'incoming' ? r.requester : r.addressee;
  const firstCome = overview.event.mode === 'first_come';
  const open = r.status === 'pending' || r.status === 'accepted';
  const myAnswer = r.team.find((m) => m.registrationId === overview.me?.registrationId)?.status;
  return (
    <li className="b2b-request">
      {r.direction === 'team' ? (
        <p>
          <strong>
            {t('b2b.teamInvitation', { requester: r.requester.name, addressee: r.addressee.name })}
          </strong>{' '}
          <Badge tone={TONE[r.status]}>{t(`b2b.status.${r.status}`)}</Badge>
        </p>
      ) : (
        <p>
          <strong>{t(r.direction === 'incoming' ? 'b2b.from' : 'b2b.to', { name: other.name })}</strong>
          {other.organisationName && <span className="muted">, {other.organisationName}</span>}{' '}
          <Badge tone={TONE[r.status]}>{t(`b2b.status.${r.status}`)}</Badge>
        </p>
      )}
      {r.team.length > 0 && (
        <p className="muted">
          {t('b2b.team')}: {r.team.map((m) => `${m.name} (${t(`b2b.teamStatus.${m.status}`)})`).join(', ')}
        </p>
      )}
      {r.message && <p className="b2b-message">{r.message}</p>}
      {r.expiresAt && r.status === 'pending' && (
        <p className="muted">{t('b2b.expiresAt', { date: dateTime(r.expiresAt, tz) })}</p>
      )}
      {r.meeting && (
        <p>
          {slotLabel(locale, r.meeting.startsAt, r.meeting.endsAt, tz)} ·{' '}
          {t('b2b.tableN', { n: r.meeting.table })}
        </p>
      )}
      {r.direction === 'incoming' && r.status === 'pending' && (
        <div className="b2b-inline-form">
          {firstCome &&
            (r.freeSlots.length ? (
              <SelectField label={t('b2b.chooseSlot')} value={slot} onChange={(e) => setSlot(e.target.value)}>
                {r.freeSlots.map((k) => {
                  const s = slots.get(k);
                  return (
                    <option key={k} value={k}>
                      {s ? slotLabel(locale, s.startsAt, s.endsAt, tz) : k}
                    </option>
                  );
                })}
              </SelectField>
            ) : (
              <p className="muted">{t('b2b.noFreeSlot')}</p>
            ))}
          <button
            type="button"
            className="button button-small"
            onClick={() => act('accept')}
            disabled={firstCome && !slot}
          >
            {t('b2b.accept')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => act('decline')}
          >
            {t('b2b.decline')}
          </button>
        </div>
      )}
      {r.direction === 'team' && open && myAnswer === 'pending' && (
        <div className="b2b-inline-form">
          <button type="button" className="button button-small" onClick={() => answerTeam('accept')}>
            {t('b2b.join')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => answerTeam('decline')}
          >
            {t('b2b.decline')}
          </button>
        </div>
      )}
      {((r.direction === 'team' && open && myAnswer === 'accepted') ||
        (r.direction === 'incoming' && r.status === 'accepted')) && (
        <LeaveButton slug={slug} requestId={r.id} colleague={r.direction === 'team'} onLeft={onChange} />
      )}
      {r.direction === 'outgoing' && (r.status === 'pending' || r.status === 'accepted') && (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => act('withdraw')}
        >
          {t('b2b.withdraw')}
        </button>
      )}
      <FormMessage error={error} />
    </li>
  );
}

export function RequestsSection({ overview, onChange }: { overview: B2bOverview; onChange(): void }) {
  const { t } = useI18n();
  const slug = overview.event.slug;
  const { data, reload } = useApi((signal) => api.b2bRequests(slug, signal), [slug, overview]);
  const changed = () => {
    reload();
    onChange();
  };
  return (
    <section className="card section" aria-labelledby="b2b-requests">
      <h2 id="b2b-requests">{t('b2b.requestsHeading')}</h2>
      {!data ? (
        <Loading />
      ) : (
        <div className="b2b-columns">
          {(['incoming', 'outgoing'] as const).map((dir) => (
            <div key={dir}>
              <h3>{t(`b2b.${dir}`)}</h3>
              {data[dir].length === 0 ? (
                <Empty>{t('b2b.noRequests')}</Empty>
              ) : (
                <ul className="b2b-list">
                  {data[dir].map((r) => (
                    <RequestItem key={r.id} r={r} overview={overview} onChange={changed} />
                  ))}
                </ul>
              )}
            </div>
          ))}
          {data.team.length > 0 && (
            <div>
              <h3>{t('b2b.teamInvitations')}</h3>
              <p className="muted">{t('b2b.teamInvitationHint')}</p>
              <ul className="b2b-list">
                {data.team.map((r) => (
                  <RequestItem key={r.id} r={r} overview={overview} onChange={changed} />
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
