import { type FormEvent, useState } from 'react';
import { api, type PitchCall } from '../../../client/api.ts';
import { FormActions } from '../../../client/components/EditForm.tsx';
import {
  describeError,
  type FormErrors,
  FormMessage,
  TextAreaField,
  TextField,
} from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { fromZonedInput, toZonedInput } from '../../../client/time.ts';
import { CriteriaEditor } from '../../calls/ui/CriteriaEditor.tsx';

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
      <CriteriaEditor
        legend={t('pitches.criteria')}
        criteria={criteria}
        onChange={setCriteria}
        newKey={(list) => {
          const taken = new Set(list.map((c) => c.key));
          let n = list.length + 1;
          while (taken.has(`criterion_${n}`)) n++;
          return `criterion_${n}`;
        }}
        error={f.criteria}
      />
      <FormActions saving={saving} onCancel={onCancel} submitLabel={t('pitches.saveCall')} />
    </form>
  );
}
