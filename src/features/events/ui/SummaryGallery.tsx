import { type FormEvent, useId, useRef, useState } from 'react';
import { api, type EventPhoto, type ParticipantHit } from '../../../client/api.ts';
import { FormMessage, TextField } from '../../../client/components/Form.tsx';
import { Badge, Empty } from '../../../client/components/ui.tsx';
import { useSearchHits } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { SummaryItemActions } from './SummaryItemActions.tsx';
import { moved, useSummaryAction } from './summaryAction.ts';

const MAX_BYTES = 20 * 1024 * 1024;

function PhotoTools({
  event,
  photos,
  index,
  action,
}: {
  event: string;
  photos: EventPhoto[];
  index: number;
  action: ReturnType<typeof useSummaryAction>;
}) {
  const { t } = useI18n();
  const p = photos[index]!;
  const [caption, setCaption] = useState(p.caption);
  const withoutConsent = p.people.filter((x) => !x.consentPhotos).map((x) => x.name);
  const order = (by: -1 | 1) =>
    action.run(() =>
      api.orderEventItems(
        event,
        'photos',
        moved(photos, index, by).map((x) => x.id),
      ),
    );
  return (
    <div className="photo-tools">
      {p.hidden && (
        <p className="photo-hidden">
          <Badge tone="danger">{t('summary.photoHidden')}</Badge>{' '}
          {t('summary.photoHiddenWhy', { names: withoutConsent.join(', ') })}
        </p>
      )}
      {p.people.length > 0 && (
        <p className="muted small">{t('summary.shows', { names: p.people.map((x) => x.name).join(', ') })}</p>
      )}
      <form
        className="photo-caption-form"
        onSubmit={(e) => {
          e.preventDefault();
          void action.run(() => api.updateEventPhoto(event, p.id, { caption }), t('summary.captionSaved'));
        }}
      >
        <TextField
          label={t('summary.photoCaption')}
          name={`caption-${p.id}`}
          value={caption}
          onChange={(e) => setCaption(e.target.value)}
        />
        <button type="submit" className="button button-secondary button-small" disabled={action.busy}>
          {t('summary.saveCaption')}
        </button>
      </form>
      <SummaryItemActions
        index={index}
        count={photos.length}
        busy={action.busy}
        onMove={order}
        onRemove={() => action.run(() => api.deleteEventPhoto(event, p.id), t('summary.photoRemoved'))}
        removeLabel={t('summary.photoRemove')}
      />
    </div>
  );
}

/** Thumbnails that open the full photo; organisers also see hidden photos, flagged, with their tools. */
export function SummaryGallery({
  event,
  photos,
  canEdit,
  onChanged,
}: {
  event: string;
  photos: EventPhoto[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const action = useSummaryAction(onChanged);
  return (
    <>
      <FormMessage error={action.error} success={action.success} />
      {photos.length === 0 ? (
        <Empty>{t('summary.noPhotos')}</Empty>
      ) : (
        <ul className="photo-grid">
          {photos.map((p, i) => (
            <li key={p.id}>
              <figure className={`photo${p.hidden ? ' photo-is-hidden' : ''}`}>
                <a
                  href={p.url}
                  aria-label={t('summary.photoOpen', {
                    caption: p.caption || t('summary.photoN', { n: i + 1 }),
                  })}
                >
                  <img src={p.thumbUrl} alt={p.caption} width={400} height={300} loading="lazy" />
                </a>
                {p.caption && <figcaption>{p.caption}</figcaption>}
              </figure>
              {canEdit && <PhotoTools event={event} photos={photos} index={i} action={action} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <PhotoUpload event={event} onAdded={onChanged} />}
    </>
  );
}

function PhotoUpload({ event, onAdded }: { event: string; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [caption, setCaption] = useState('');
  const [consent, setConsent] = useState(false);
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<ParticipantHit[]>([]);
  const action = useSummaryAction(onAdded);

  const { hits } = useSearchHits(q, (query, signal) => api.photoParticipants(event, query, signal), [event]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return action.setError(t('summary.photoChoose'));
    if (chosen.size > MAX_BYTES) return action.setError(t('summary.photoTooLarge'));
    if (!consent) return action.setError(t('summary.photoConsentRequired'));
    const ok = await action.run(
      () =>
        api.uploadEventPhoto(event, {
          file: chosen,
          caption,
          consentConfirmed: true,
          registrationIds: people.map((p) => p.registrationId),
        }),
      t('summary.photoAdded'),
    );
    if (ok) {
      setCaption('');
      setConsent(false);
      setPeople([]);
      setQ('');
      if (file.current) file.current.value = '';
    }
  }

  return (
    <form className="summary-subform" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{t('summary.photoUpload')}</h3>
      <FormMessage error={action.error} success={action.success} />
      <div className={`field${action.fields.file ? ' has-error' : ''}`}>
        <label htmlFor={`${id}-file`}>{t('summary.photoFile')}</label>
        <input id={`${id}-file`} ref={file} type="file" accept="image/jpeg,image/png,image/webp" />
        {action.fields.file && <p className="field-error">{action.fields.file}</p>}
      </div>
      <TextField
        label={t('summary.photoCaption')}
        name="caption"
        value={caption}
        onChange={(e) => setCaption(e.target.value)}
        optional
      />
      <TextField
        label={t('summary.photoPeople')}
        name="people"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        hint={t('summary.photoPeopleHint')}
        autoComplete="off"
        optional
      />
      {hits.length > 0 && (
        <ul className="person-hits" aria-label={t('summary.quotePeopleFound')}>
          {hits
            .filter((h) => !people.some((p) => p.registrationId === h.registrationId))
            .map((h) => (
              <li key={h.registrationId}>
                <button
                  type="button"
                  className="person-hit"
                  onClick={() => {
                    setPeople([...people, h]);
                    setQ('');
                  }}
                >
                  {h.name}
                  {h.organisationName && <span className="muted">, {h.organisationName}</span>}
                  {!h.consentPhotos && <span className="muted"> ({t('summary.noConsent')})</span>}
                </button>
              </li>
            ))}
        </ul>
      )}
      {people.length > 0 && (
        <ul className="tagged-people">
          {people.map((p) => (
            <li key={p.registrationId} className="tag-chip">
              {p.name}
              {!p.consentPhotos && <Badge tone="danger">{t('summary.noConsent')}</Badge>}
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => setPeople(people.filter((x) => x !== p))}
                aria-label={t('summary.untag', { name: p.name })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className={`summary-check${action.fields.consentConfirmed ? ' has-error' : ''}`}>
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        <span>{t('summary.photoConsent')}</span>
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={action.busy}>
          {action.busy ? t('summary.uploading') : t('summary.photoUpload')}
        </button>
      </div>
    </form>
  );
}
