import { useId, useState } from 'react';
import { SelectField } from '../../../client/components/Form.tsx';
import { useI18n } from '../../../client/i18n.tsx';
import { editorialApi, type Language } from './editorial.api.ts';

/** "Generate the Input Paper": the paper opens as a page in the chosen language, or downloads as a PDF. */
export function InputPaperPanel({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [lang, setLang] = useState<Language>(locale);
  return (
    <section className="card section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('regionPaper.heading')}</h2>
      <p className="muted">{t('regionPaper.lead')}</p>
      <SelectField
        label={t('regionPaper.language')}
        name="paperLanguage"
        value={lang}
        onChange={(e) => setLang(e.target.value as Language)}
      >
        <option value="en" lang="en">
          {t('lang.en')}
        </option>
        <option value="it" lang="it">
          {t('lang.it')}
        </option>
      </SelectField>
      <p className="actions">
        <a className="button" href={editorialApi.paperUrl(code, lang)} hrefLang={lang}>
          {t('regionPaper.open')}
        </a>
        <a
          className="button button-secondary"
          href={editorialApi.paperUrl(code, lang, 'pdf')}
          hrefLang={lang}
          type="application/pdf"
          download
        >
          {t('regionPaper.pdf')}
        </a>
      </p>
    </section>
  );
}
