import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n.tsx';
import { describeError } from './Form.tsx';

type FieldErrors = Record<string, string>;

/**
 * The state of an edit form: values as typed, client-side checks, only the changed fields sent, and the
 * server's field errors shown next to their fields.
 */
export function useEditForm<Values, Body extends object, Result>(opts: {
  initial: () => Values;
  validate: (values: Values) => FieldErrors;
  changes: (values: Values) => Body;
  save: (body: Body) => Promise<Result>;
  onSaved: (result: Result) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(opts.initial);
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (name: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors = opts.validate(values);
    setFields(errors);
    if (Object.keys(errors).length > 0) {
      setMessage(t('error.form'));
      return;
    }
    const body = opts.changes(values);
    if (Object.keys(body).length === 0) {
      opts.onCancel();
      return;
    }
    setSaving(true);
    setMessage(undefined);
    try {
      opts.onSaved(await opts.save(body));
    } catch (err) {
      const described = describeError(err, t);
      setFields(described.fields);
      setMessage(described.message);
    } finally {
      setSaving(false);
    }
  }

  return { values, fields, message, saving, set, submit };
}

/** Submit ("Save" unless `submitLabel` says otherwise; "Saving…" while saving) and, when given, cancel. */
export function FormActions({
  saving,
  onCancel,
  submitLabel,
}: {
  saving: boolean;
  onCancel?: (() => void) | undefined;
  submitLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={saving}>
        {saving ? t('common.saving') : (submitLabel ?? t('common.save'))}
      </button>
      {onCancel && (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}

/** A page's "Edit" toggle: open the form, close it, and say "saved" after a successful save. */
export function useInlineEdit<T>(setData: (value: T) => void) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return {
    editing,
    saved,
    start: () => {
      setEditing(true);
      setSaved(false);
    },
    cancel: () => setEditing(false),
    done: (updated: T) => {
      setData(updated);
      setEditing(false);
      setSaved(true);
    },
  };
}
