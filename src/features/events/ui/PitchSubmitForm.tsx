import { type FormEvent, useEffect, useState } from 'react';
import { api, type Pitch } from '../../../client/api.ts';
import { FormActions } from '../../../client/components/EditForm.tsx';
import {
  describeError,
  type FormErrors,
  FormMessage,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../client/components/Form.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';

/** A directory search box and the list of matches to choose from (plain controls, screen-reader friendly). */
function OrganisationPicker({
  value,
  initial,
  onChange,
  error,
}: {
  value: string;
  initial: { id: string; name: string } | null;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);
  const hits = useApi(
    (signal) =>
      debounced.length >= 2
        ? api.organisations({ q: debounced, pageSize: 10 }, signal)
        : Promise.resolve(null),
    [debounced],
  );
  const options = [...(initial ? [initial] : []), ...(hits.data?.items ?? [])].filter(
    (o, i, all) => all.findIndex((x) => x.id === o.id) === i,
  );
  return (
    <div className="organisation-picker">
      <TextField
        label={t('pitches.field.organisationSearch')}
        hint={t('pitches.field.organisationHint')}
        type="search"
        optional
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <SelectField
        label={t('pitches.field.organisation')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      >
        <option value="">{t('pitches.field.organisationNone')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

/** Submits a pitch (no `pitch`) or edits one's own, then uploads the deck if one was chosen. */
export function PitchSubmitForm({
  eventId,
  pitch,
  onDone,
  onCancel,
}: {
  eventId: string;
  pitch?: Pitch;
  onDone: (message: string, deckError?: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Pitch['kind']>(pitch?.kind ?? 'startup');
  const [title, setTitle] = useState(pitch?.title ?? '');
  const [summary, setSummary] = useState(pitch?.summary ?? '');
  const [organisationId, setOrganisationId] = useState(pitch?.organisation?.id ?? '');
  const [videoUrl, setVideoUrl] = useState(pitch?.videoUrl ?? '');
  const [deck, setDeck] = useState<File | null>(null);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FormErrors>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors(undefined);
    const body = { kind, title, summary, organisationId: organisationId || null, videoUrl: videoUrl.trim() };
    try {
      const saved = pitch ? await api.updatePitch(pitch.id, body) : await api.submitPitch(eventId, body);
      let deckError: string | undefined;
      if (deck) {
        try {
          await api.uploadPitchDeck(saved.id, deck);
        } catch (err) {
          const d = describeError(err, t);
          deckError = d.fields.file ?? d.message;
        }
      }
      if (deckError && pitch) setErrors({ message: deckError, fields: { deck: deckError } });
      else onDone(pitch ? t('common.saved') : t('pitches.submitted'), deckError);
    } catch (err) {
      setErrors(describeError(err, t));
    } finally {
      setSaving(false);
    }
  };

  const f = errors?.fields ?? {};
  return (
    <form className="edit-form" onSubmit={submit} noValidate>
      <FormMessage error={errors?.message} />
      <div className="form-grid">
        <SelectField
          label={t('pitches.field.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as Pitch['kind'])}
        >
          <option value="startup">{t('pitches.kind.startup')}</option>
          <option value="project">{t('pitches.kind.project')}</option>
        </SelectField>
        <TextField
          label={t('pitches.field.title')}
          required
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={f.title}
        />
      </div>
      <TextAreaField
        label={t('pitches.field.summary')}
        optional
        rows={4}
        maxLength={5000}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        error={f.summary}
      />
      <OrganisationPicker
        value={organisationId}
        initial={pitch?.organisation ?? null}
        onChange={setOrganisationId}
        error={f.organisationId}
      />
      <TextField
        label={t('pitches.field.videoUrl')}
        type="url"
        optional
        value={videoUrl}
        onChange={(e) => setVideoUrl(e.target.value)}
        error={f.videoUrl}
      />
      <TextField
        label={t('pitches.field.deck')}
        type="file"
        accept="application/pdf,.pdf"
        optional
        onChange={(e) => setDeck(e.target.files?.[0] ?? null)}
        error={f.deck}
      />
      <FormActions
        saving={saving}
        onCancel={onCancel}
        submitLabel={pitch ? t('common.save') : t('pitches.submit')}
      />
    </form>
  );
}
