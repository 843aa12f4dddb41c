import { type FormEvent, useId, useState } from 'react';
import { FormMessage, TextAreaField, TextField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { ECOSYSTEMS, type Ecosystem } from '../../../shared/ecosystems.ts';
import { editorialApi, type S3Priority } from './editorial.api.ts';
import { useAction } from './useAction.ts';

const splitCodes = (s: string) =>
  s
    .split(/[,;\s]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);

/** Adds a priority, or edits `priority`: title, plain-text description, ecosystems, NACE codes, source. */
export function S3PriorityForm({
  code,
  priority,
  onSaved,
  onCancel,
}: {
  code: string;
  priority?: S3Priority;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const action = useAction();
  const [title, setTitle] = useState(priority?.title ?? '');
  const [description, setDescription] = useState(priority?.description ?? '');
  const [ecosystems, setEcosystems] = useState<Ecosystem[]>(priority?.ecosystems ?? []);
  const [nace, setNace] = useState(priority?.nace.map((n) => n.code).join(', ') ?? '');
  const [sourceUrl, setSourceUrl] = useState(priority?.sourceUrl ?? '');
  const [titleError, setTitleError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!title.trim()) {
      setTitleError(t('error.form'));
      return;
    }
    setTitleError(undefined);
    const body = {
      title: title.trim(),
      description,
      ecosystems,
      naceCodes: splitCodes(nace),
      sourceUrl: sourceUrl.trim(),
    };
    const ok = await action.run(() =>
      priority
        ? editorialApi.updatePriority(code, priority.id, body)
        : editorialApi.createPriority(code, body),
    );
    if (ok) onSaved();
  }
  const toggle = (e: Ecosystem) =>
    setEcosystems((list) => (list.includes(e) ? list.filter((x) => x !== e) : [...list, e]));

  return (
    <form className="stack" onSubmit={submit} aria-labelledby={`${id}-h`} noValidate>
      <h3 id={`${id}-h`}>{priority ? t('s3.editNamed', { title: priority.title }) : t('s3.new')}</h3>
      <FormMessage error={action.error} />
      <TextField
        label={t('s3.field.title')}
        name="title"
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        error={titleError ?? action.fields.title}
        required
      />
      <TextAreaField
        label={t('s3.field.description')}
        name="description"
        rows={5}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        hint={t('s3.field.descriptionHint')}
        error={action.fields.description}
        optional
      />
      <fieldset className="radio-group">
        <legend>{t('s3.field.ecosystems')}</legend>
        {ECOSYSTEMS.map((e) => (
          <label key={e} className="radio">
            <input type="checkbox" checked={ecosystems.includes(e)} onChange={() => toggle(e)} />
            {t(`profile.ecosystem.${e}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('s3.field.nace')}
        name="naceCodes"
        value={nace}
        onChange={(e) => setNace(e.target.value)}
        hint={t('s3.field.naceHint')}
        error={
          action.fields.naceCodes ??
          Object.entries(action.fields).find(([k]) => k.startsWith('naceCodes'))?.[1]
        }
        optional
      />
      <TextField
        label={t('s3.field.source')}
        name="sourceUrl"
        type="url"
        value={sourceUrl}
        onChange={(e) => setSourceUrl(e.target.value)}
        hint={t('s3.field.sourceHint')}
        error={action.fields.sourceUrl}
        optional
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={action.busy}>
          {action.busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
