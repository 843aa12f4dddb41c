import { type FormEvent, useState } from 'react';
import type { HostCall, HostCallInput } from '../../../client/api.ts';
import { FormActions } from '../../../client/components/EditForm.tsx';
import {
  describeError,
  type FormErrors,
  FormMessage,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { fromZonedInput, toZonedInput } from '../../../client/time.ts';
import { slugify } from '../../../shared/slug.ts';
import { CriteriaEditor, type CriterionDraft } from './CriteriaEditor.tsx';

/** Calls are Europe-wide; their deadlines are read and written in Brussels time. */
export const CALL_ZONE = 'Europe/Brussels';

/** A key for a new criterion from its label: lower-case, digits and _, unique within the call. */
function keyFor(label: string, taken: Set<string>): string {
  const base = `c_${slugify(label, 30).replace(/-/g, '_')}`.replace(/^c_(?=[a-z])/, '');
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** Creates a call, or edits one (`call` given). Platform administrators only. */
export function CallForm({
  call,
  onSave,
  onCancel,
}: {
  call?: HostCall;
  onSave: (body: HostCallInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(call?.title ?? '');
  const [body, setBody] = useState(call?.body ?? '');
  const [deadline, setDeadline] = useState(call ? toZonedInput(call.deadline, CALL_ZONE) : '');
  const [status, setStatus] = useState<HostCallInput['status']>(call?.status ?? 'draft');
  const [criteria, setCriteria] = useState<CriterionDraft[]>(
    call?.criteria.map((c) => ({ key: c.key, label: c.label, weight: String(c.weight) })) ?? [
      { key: '', label: '', weight: '1' },
    ],
  );
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FormErrors>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setErrors(undefined);
    const taken = new Set(criteria.map((c) => c.key).filter(Boolean));
    const withKeys = criteria.map((c) => {
      if (c.key) return c;
      const key = keyFor(c.label, taken);
      taken.add(key);
      return { ...c, key };
    });
    try {
      await onSave({
        title,
        body,
        deadline: fromZonedInput(deadline, CALL_ZONE) ?? deadline,
        status,
        criteria: withKeys.map((c) => ({ key: c.key, label: c.label, weight: Number(c.weight) })),
      });
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
      <TextField
        label={t('calls.field.title')}
        value={title}
        required
        maxLength={300}
        onChange={(e) => setTitle(e.target.value)}
        error={f.title}
      />
      <TextAreaField
        label={t('calls.field.body')}
        hint={t('calls.field.bodyHint')}
        rows={6}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={f.body}
      />
      <div className="form-grid">
        <TextField
          label={t('calls.field.deadline')}
          hint={t('calls.field.deadlineHint')}
          type="datetime-local"
          required
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          error={f.deadline}
        />
        <SelectField
          label={t('calls.field.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as HostCallInput['status'])}
        >
          {(['draft', 'open', 'closed'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`calls.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <CriteriaEditor
        legend={t('calls.criteria')}
        hint={t('calls.criteriaHint')}
        criteria={criteria}
        onChange={setCriteria}
        newKey={() => ''}
        error={f.criteria}
      />
      <FormActions
        saving={saving}
        onCancel={onCancel}
        submitLabel={call ? t('common.save') : t('calls.create')}
      />
    </form>
  );
}
