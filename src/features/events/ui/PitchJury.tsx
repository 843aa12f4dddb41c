import { useState } from 'react';
import { api, type JuryPitch, type PitchCall, type PitchSessionRef } from '../../../client/api.ts';
import { describeError, FormMessage, SelectField, TextField } from '../../../client/components/Form.tsx';
import { Empty, ErrorState, Loading } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { ScoreSheet } from '../../calls/ui/ScoreSheet.tsx';
import { PitchCard } from './PitchCard.tsx';

/** Organisers: accept or reject, then place an accepted pitch in a pitching session of the agenda. */
function Decision({
  pitch: p,
  sessions,
  timeZone,
  onChanged,
}: {
  pitch: JuryPitch;
  sessions: PitchSessionRef[];
  timeZone: string;
  onChanged: () => void;
}) {
  const { t, dateTime } = useI18n();
  const [sessionId, setSessionId] = useState(p.session?.id ?? '');
  const [position, setPosition] = useState(String(p.position + 1));
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const run = async (action: () => Promise<unknown>, success?: string) => {
    setMessage({});
    try {
      await action();
      setMessage({ success });
      onChanged();
    } catch (err) {
      setMessage({ error: describeError(err, t).message });
    }
  };
  return (
    <div className="pitch-decision">
      <p className="actions">
        {p.status !== 'accepted' && (
          <button
            type="button"
            className="button button-small"
            onClick={() => run(() => api.decidePitch(p.id, 'accepted'))}
          >
            {t('pitches.accept')}
          </button>
        )}
        {p.status !== 'rejected' && (
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => run(() => api.decidePitch(p.id, 'rejected'))}
          >
            {t('pitches.reject')}
          </button>
        )}
        {p.status !== 'submitted' && (
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => run(() => api.decidePitch(p.id, 'submitted'))}
          >
            {t('pitches.undo')}
          </button>
        )}
      </p>
      {p.status === 'accepted' &&
        (sessions.length === 0 ? (
          <p className="muted">{t('pitches.noPitchingSession')}</p>
        ) : (
          <div className="upload-row">
            <SelectField
              label={t('pitches.session')}
              value={sessionId}
              onChange={(e) => setSessionId(e.target.value)}
            >
              <option value="">{t('pitches.notPlaced')}</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title} — {dateTime(s.startsAt, timeZone)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('pitches.position')}
              type="number"
              min={1}
              max={1000}
              className="input-narrow"
              value={position}
              onChange={(e) => setPosition(e.target.value)}
            />
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                run(
                  () => api.placePitch(p.id, sessionId || null, Math.max(0, Number(position) - 1)),
                  t('pitches.placed'),
                )
              }
            >
              {t('pitches.place')}
            </button>
          </div>
        ))}
      <FormMessage error={message.error} success={message.success} />
    </div>
  );
}

/** The jury's view: every submission with the caller's score sheet; organisers also rank and decide. */
export function PitchJury({
  eventId,
  version,
  onChanged,
  call,
  timeZone,
  ownPitchIds,
}: {
  eventId: string;
  /** Changes when a submission changed elsewhere on the page. */
  version: number;
  /** A decision or placement changed what the rest of the page shows. */
  onChanged: () => void;
  call: PitchCall;
  timeZone: string;
  ownPitchIds: ReadonlySet<string>;
}) {
  const { t, number } = useI18n();
  const jury = useApi((signal) => api.juryPitches(eventId, signal), [eventId, version]);
  if (jury.error && !jury.data) return <ErrorState error={jury.error} onRetry={jury.reload} level={2} />;
  if (!jury.data) return <Loading />;
  if (jury.data.items.length === 0) return <Empty>{t('pitches.noSubmissions')}</Empty>;
  return (
    <div className="stack">
      {jury.data.items.map((p) => (
        <PitchCard key={p.id} pitch={p} timeZone={timeZone} showStatus>
          {p.ranking && (
            <>
              <p className="pitch-ranking">
                {p.ranking.rank === null
                  ? t('pitches.unranked')
                  : t('pitches.ranking', {
                      rank: p.ranking.rank,
                      score: number(p.ranking.score ?? 0),
                      reviews: t('calls.reviewCount', { count: p.ranking.reviewCount }),
                    })}
              </p>
              {p.ranking.scores.length > 0 && (
                <ul className="review-list">
                  {p.ranking.scores.map((s) => (
                    <li key={s.juror.id}>
                      {t('calls.reviewBy', { name: s.juror.name, score: number(s.weightedScore) })}
                      {s.comment && <span className="muted"> — {s.comment}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <h4>{t('pitches.yourScore')}</h4>
          {ownPitchIds.has(p.id) ? (
            <p className="muted">{t('pitches.ownPitch')}</p>
          ) : (
            <ScoreSheet
              criteria={call.criteria}
              initial={p.myScore}
              saveLabel="pitches.saveScore"
              savedLabel="pitches.scoreSaved"
              onSave={async (body) => {
                await api.scorePitch(p.id, body);
                if (p.ranking) jury.reload();
              }}
            />
          )}
          {p.ranking && (
            <Decision
              pitch={p}
              sessions={jury.data?.sessions ?? []}
              timeZone={timeZone}
              onChanged={onChanged}
            />
          )}
        </PitchCard>
      ))}
    </div>
  );
}
