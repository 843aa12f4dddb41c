import { type FormEvent, useState } from 'react';
import {
  ApiError,
  api,
  type ImportJob,
  type ImportPreview,
  type StartImportInput,
} from '../../../client/api.ts';
import { describeError, FormMessage, TextField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { columnLabel } from './ImportJobView.tsx';

/** How much of the file the server needs to show its columns. */
const PREVIEW_BYTES = 1024 * 1024;
/** The largest file the server accepts (import.routes.ts). */
const MAX_BYTES = 200 * 1024 * 1024;

/** The mapping step: each column of the file, its first value, and the exchange column it fills. */
function MappingTable({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: Record<string, string>;
  onChange: (column: string, target: string) => void;
}) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="import-mapping-heading" className="import-mapping">
      <h3 id="import-mapping-heading">{t('import.mappingTitle')}</h3>
      <p className="field-hint">{t('import.mappingLead')}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('import.sourceColumn')}</th>
              <th scope="col">{t('import.example')}</th>
              <th scope="col">{t('import.target')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((column, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat a name; the position is the identity.
              <tr key={`${i}-${column}`}>
                <th scope="row">
                  <code>{column || '—'}</code>
                </th>
                <td className="import-example">{preview.examples[column] || '—'}</td>
                <td>
                  <select
                    aria-label={t('import.targetFor', { column })}
                    value={mapping[column] ?? ''}
                    onChange={(e) => onChange(column, e.target.value)}
                  >
                    <option value="">{t('import.skipColumn')}</option>
                    {preview.targets.map((target) => (
                      <option key={target} value={target}>
                        {columnLabel(t, target)} — {target}
                        {preview.required.includes(target) ? ' *' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Choose a file and a kind, map the columns, and start an import (or a dry run). */
export function ImportForm({ onStarted }: { onStarted: (job: ImportJob, input: StartImportInput) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'organisations' | 'cordis'>('organisations');
  const [file, setFile] = useState<File | null>(null);
  const [participations, setParticipations] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState<'reading' | 'uploading' | null>(null);
  const [message, setMessage] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  async function readColumns(f: File | null, k: typeof kind) {
    setPreview(null);
    setMessage(undefined);
    setFields({});
    if (!f || k !== 'organisations') return;
    setBusy('reading');
    try {
      const p = await api.previewImport(f.slice(0, PREVIEW_BYTES), f.name);
      setPreview(p);
      setMapping(p.suggested);
    } catch (err) {
      const described = describeError(err, t);
      setFields(described.fields);
      setMessage(described.message);
    } finally {
      setBusy(null);
    }
  }

  const missing = preview ? preview.required.filter((r) => !Object.values(mapping).includes(r)) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setFields({ file: t('import.chooseFile') });
      setMessage(t('error.form'));
      return;
    }
    if (file.size > MAX_BYTES || (participations?.size ?? 0) > MAX_BYTES) {
      setMessage(t('import.tooLarge'));
      return;
    }
    if (missing.length) {
      setMessage(t('import.missingRequired', { columns: missing.join(', ') }));
      return;
    }
    const input: StartImportInput = {
      kind,
      dryRun,
      mapping: kind === 'organisations' ? mapping : {},
      file,
      participations: kind === 'cordis' ? (participations ?? undefined) : undefined,
    };
    setBusy('uploading');
    setMessage(undefined);
    setFields({});
    try {
      onStarted(await api.startImport(input), input);
    } catch (err) {
      if (err instanceof ApiError && err.status === 413) {
        setMessage(t('import.tooLarge'));
        return;
      }
      const described = describeError(err, t);
      setFields(described.fields);
      setMessage(described.message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <form
      className="card section import-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="import-new-heading"
    >
      <h2 id="import-new-heading">{t('import.newTitle')}</h2>
      <FormMessage error={message} />
      <fieldset className="radio-group">
        <legend>{t('import.kind')}</legend>
        {(['organisations', 'cordis'] as const).map((k) => (
          <label key={k} className="radio">
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                void readColumns(file, k);
              }}
            />
            {t(`import.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <TextField
        label={kind === 'cordis' ? t('import.cordisFile') : t('import.file')}
        hint={kind === 'cordis' ? t('import.cordisFileHint') : t('import.fileHint')}
        error={fields.file}
        type="file"
        name="file"
        accept=".csv,.json,.ndjson,.jsonl,.txt,.gz,text/csv,application/json"
        onChange={(e) => {
          const f = e.target.files?.[0] ?? null;
          setFile(f);
          void readColumns(f, kind);
        }}
      />
      {kind === 'cordis' && (
        <TextField
          label={t('import.participationsFile')}
          hint={t('import.participationsHint')}
          error={fields.participations}
          optional
          type="file"
          name="participations"
          accept=".csv,.gz,text/csv"
          onChange={(e) => setParticipations(e.target.files?.[0] ?? null)}
        />
      )}
      {busy === 'reading' && (
        <p className="muted" role="status">
          {t('import.reading')}
        </p>
      )}
      {preview && (
        <MappingTable
          preview={preview}
          mapping={mapping}
          onChange={(column, target) => setMapping((m) => ({ ...m, [column]: target }))}
        />
      )}
      {preview && missing.length > 0 && (
        <p className="field-error">{t('import.missingRequired', { columns: missing.join(', ') })}</p>
      )}
      <label className="import-check">
        <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
        {t('import.dryRun')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy !== null}>
          {dryRun ? t('import.startDryRun') : t('import.start')}
        </button>
        {busy === 'uploading' && (
          <span className="import-uploading" role="status">
            <progress aria-label={t('import.uploading')} />
            {t('import.uploading')}
          </span>
        )}
      </div>
    </form>
  );
}
