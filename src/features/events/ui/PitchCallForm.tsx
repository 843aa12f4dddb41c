import { type FormEvent, useState } from 'react';
import { api, type PitchCall } from '../../../client/api.ts';
import {
  describeError,
  type FormErrors,
  FormMessage,
  TextAreaField,
  TextField,
} from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { fromZonedInput, toZonedInput } from '../../../client/time.ts';

/** Organisers open or edit the event's pitch call; dates are wall times in the event's zone. */
export function PitchCallForm({
  eventId,
  timeZone,
  call,
  onSaved,
  onCancel,
}: {
  eventId: string;
  timeZone: string;
  call: PitchCall | null;
  onSaved: (call: PitchCall) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [description, setDescription] = useState(call?.description ?? '');
  const [opensAt, setOpensAt] = useState(call?.opensAt ? toZonedInput(call.opensAt, timeZone) : '');
  const [closesAt, setClosesAt] = useState(call?.closesAt ? toZonedInput(call.closesAt, timeZone) : '');
  const [criteria, setCriteria] = useState(
    (call?.criteria.length ? call.criteria : [{ key: 'innovation', label: '', weight: 1 }]).map((c) => ({
      ...c,
      weight: String(c.weight),
    })),
  );
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FormErrors>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors(undefined);
    try {
      onSaved(
        await api.putPitchCall(eventId, {
          description,
          opensAt: opensAt ? (fromZonedInput(opensAt, timeZone) ?? opensAt) : null,
          closesAt: closesAt ? (fromZonedInput(closesAt, timeZone) ?? closesAt) : null,
          criteria: criteria.map((c, i) => ({
            key: c.key || `criterion_${i + 1}`,
            label: c.label,
            weight: Number(c.weight),
          })),
        }),
      );
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
      <TextAreaField
        label={t('pitches.field.description')}
        rows={4}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={f.description}
      />
      <div className="form-grid">
        <TextField
          label={t('pitches.field.opensAt')}
          hint={t('pitches.field.timesHint', { zone: timeZone })}
          type="datetime-local"
          optional
          value={opensAt}
          onChange={(e) => setOpensAt(e.target.value)}
          error={f.opensAt}
        />
        <TextField
          label={t('pitches.field.closesAt')}
          type="datetime-local"
          optional
          value={closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
          error={f.closesAt}
        />
      </div>
      <fieldset className="criteria-fieldset">
        <legend>{t('pitches.criteria')}</legend>
        {criteria.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while edited.
          <div className="criterion-row" key={i}>
            <TextField
              label={t('calls.criterion.label', { n: i + 1 })}
              value={c.label}
              required
              maxLength={200}
              onChange={(e) =>
                setCriteria((list) => list.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))
              }
            />
            <TextField
              label={t('calls.criterion.weight', { n: i + 1 })}
              type="number"
              min={0.1}
              max={100}
              step={0.1}
              value={c.weight}
              onChange={(e) =>
                setCriteria((list) => list.map((x, j) => (j === i ? { ...x, weight: e.target.value } : x)))
              }
            />
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={criteria.length === 1}
              onClick={() => setCriteria((list) => list.filter((_, j) => j !== i))}
            >
              {t('calls.criterion.remove', { n: i + 1 })}
            </button>
          </div>
        ))}
        {f.criteria && <p className="field-error">{f.criteria}</p>}
        <p>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() =>
              setCriteria((list) => {
                const taken = new Set(list.map((c) => c.key));
                let n = list.length + 1;
                while (taken.has(`criterion_${n}`)) n++;
                return [...list, { key: `criterion_${n}`, label: '', weight: '1' }];
              })
            }
          >
            {t('calls.criterion.add')}
          </button>
        </p>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('common.saving') : t('pitches.saveCall')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
