import { type FormEvent, useId, useState } from 'react';
import { FormMessage, SelectField, TextAreaField } from '../../../client/components/Form.tsx';
import { Empty, Loading } from '../../../client/components/ui.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { editorialApi, type Language, type PaperSection, type PaperSectionKey } from './editorial.api.ts';
import { useAction } from './useAction.ts';

const KEYS: PaperSectionKey[] = ['introduction', 'megatrends', 'challenges', 'outlook'];

function Versions({
  versions,
  busy,
  onRestore,
}: {
  versions: PaperSection[];
  busy: boolean;
  onRestore: (v: PaperSection) => void;
}) {
  const { t, dateTime } = useI18n();
  if (versions.length === 0) return <Empty>{t('paperSections.noVersions')}</Empty>;
  return (
    <ol className="link-list" reversed>
      {versions.map((v, i) => (
        <li key={v.version}>
          <strong>{t('paperSections.version', { version: v.version })}</strong>{' '}
          <span className="muted">
            {[
              dateTime(v.createdAt),
              v.author?.name,
              v.restoredFrom ? t('paperSections.restoredFrom', { version: v.restoredFrom }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
          <span className="block muted">
            {v.body ? `${v.body.slice(0, 140)}${v.body.length > 140 ? '…' : ''}` : t('paperSections.empty')}
          </span>
          {i > 0 && (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={busy}
              onClick={() => onRestore(v)}
            >
              {t('paperSections.restore', { version: v.version })}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The region's editors write the paper's narrative sections; each save is a version, any can be restored. */
export function PaperSectionsEditor({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [key, setKey] = useState<PaperSectionKey>('introduction');
  const [language, setLanguage] = useState<Language>(locale);
  // null while untouched: the text area then shows the latest version of the section and language.
  const [draft, setDraft] = useState<string | null>(null);
  const action = useAction();
  const versions = useApi(
    (signal) => editorialApi.versions(code, key, language, signal),
    [code, key, language],
  );
  const latest = versions.data?.items[0]?.body ?? '';
  const text = draft ?? latest;
  const choose = (next: () => void) => {
    next();
    setDraft(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await action.run(
      () => editorialApi.saveSection(code, key, language, text),
      (s) => t('paperSections.saved', { version: s.version }),
    );
    if (ok) {
      setDraft(null);
      versions.reload();
    }
  }
  async function restore(v: PaperSection) {
    const ok = await action.run(
      () => editorialApi.restoreSection(code, key, language, v.version),
      (s) => t('paperSections.restored', { version: v.version, latest: s.version }),
    );
    if (ok) {
      setDraft(null);
      versions.reload();
    }
  }

  return (
    <section className="card section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('paperSections.heading')}</h2>
      <p className="muted">{t('paperSections.lead')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <SelectField
            label={t('paperSections.section')}
            name="section"
            value={key}
            onChange={(e) => choose(() => setKey(e.target.value as PaperSectionKey))}
          >
            {KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`paper.section.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('paperSections.language')}
            name="language"
            value={language}
            onChange={(e) => choose(() => setLanguage(e.target.value as Language))}
          >
            <option value="en">{t('lang.en')}</option>
            <option value="it">{t('lang.it')}</option>
          </SelectField>
        </div>
        <TextAreaField
          label={t('paperSections.body')}
          name="body"
          rows={12}
          lang={language}
          value={text}
          // Not before the latest version is in: what is typed would be replaced by it.
          disabled={versions.loading}
          onChange={(e) => setDraft(e.target.value)}
          hint={t('paperSections.bodyHint')}
          error={action.fields.body}
        />
        <FormMessage error={action.error} success={action.success} />
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            disabled={action.busy || versions.loading || text === latest}
          >
            {action.busy ? t('common.saving') : t('paperSections.save')}
          </button>
        </div>
      </form>
      <h3 className="paper-versions">{t('paperSections.versions')}</h3>
      {versions.data ? (
        <Versions versions={versions.data.items} busy={action.busy} onRestore={restore} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
