import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { api } from '../../../client/api.ts';
import { SelectField } from '../../../client/components/Form.tsx';
import { useApi } from '../../../client/hooks.ts';
import { useI18n } from '../../../client/i18n.tsx';
import { ECOSYSTEMS } from '../../../shared/ecosystems.ts';
import './profile.css';

/** Lists travel through the edit form as newline-separated strings (the form's values are strings). */
export const splitList = (v: string) => v.split('\n').filter(Boolean);
export const joinList = (list: readonly string[]) => list.join('\n');

/**
 * Free tags: type and press Enter (or a comma) to add, Backspace in the empty box removes the last one;
 * each tag has a labelled remove button, and changes are announced. A half-typed tag is added on leaving
 * the box, so nothing typed is lost.
 */
export function TagInput({
  label,
  hint,
  value,
  onChange,
  error,
  max,
}: {
  label: string;
  hint?: string;
  value: string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  max: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const add = () => {
    const tag = text.trim().replace(/\s+/g, ' ').replace(/,$/, '');
    setText('');
    if (!tag) return;
    if (value.some((v) => v.toLowerCase() === tag.toLowerCase()) || value.length >= max) return;
    onChange([...value, tag.slice(0, 80)]);
    setAnnouncement(t('profile.tagAdded', { tag }));
  };
  const remove = (tag: string) => {
    onChange(value.filter((v) => v !== tag));
    setAnnouncement(t('profile.tagRemoved', { tag }));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      remove(value[value.length - 1]!);
    }
  };
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field tag-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label} <span className="field-optional">({t('common.optional')})</span>
      </label>
      <p id={hintId} className="field-hint">
        {hint ?? t('profile.tagHint')}
      </p>
      {value.length > 0 && (
        <ul className="tag-list" aria-label={label}>
          {value.map((tag) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('profile.removeTag', { tag })}
                onClick={() => remove(tag)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-entry">
        <input
          id={id}
          className="tag-input"
          value={text}
          maxLength={80}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
        />
        <button type="button" className="button button-secondary button-small" onClick={add}>
          {t('profile.addTag')}
        </button>
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** The 14 industrial ecosystems as a group of checkboxes. */
export function EcosystemChecklist({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const toggle = (code: string, on: boolean) =>
    onChange(
      on ? ECOSYSTEMS.filter((e) => e === code || value.includes(e)) : value.filter((v) => v !== code),
    );
  return (
    <fieldset className={`checkbox-group${error ? ' has-error' : ''}`}>
      <legend>
        {t('profile.field.ecosystems')} <span className="field-optional">({t('common.optional')})</span>
      </legend>
      <div className="checkbox-grid">
        {ECOSYSTEMS.map((code) => (
          <label key={code} className="checkbox">
            <input
              type="checkbox"
              name="ecosystems"
              value={code}
              checked={value.includes(code)}
              onChange={(e) => toggle(code, e.target.checked)}
            />
            {t(`profile.ecosystem.${code}`)}
          </label>
        ))}
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

/** Country, then a NUTS 2 region of that country (optional: a country alone is allowed). */
export function LocationFields({
  countryCode,
  regionCode,
  onChange,
  errors,
}: {
  countryCode: string;
  regionCode: string;
  onChange: (next: { countryCode: string; regionCode: string }) => void;
  errors: Record<string, string>;
}) {
  const { t, country, locale } = useI18n();
  const countries = useApi((signal) => api.regions({ level: 0, pageSize: 100 }, signal), []);
  const regions = useApi(
    (signal) =>
      countryCode
        ? api.regions({ level: 2, country: countryCode, pageSize: 200 }, signal)
        : Promise.resolve(undefined),
    [countryCode],
  );
  const sortedCountries = useMemo(
    () =>
      (countries.data?.items ?? [])
        .map((c) => ({ code: c.code, name: country(c.code) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    [countries.data, country, locale],
  );
  return (
    <>
      <SelectField
        label={t('common.country')}
        name="countryCode"
        value={countryCode}
        onChange={(e) => onChange({ countryCode: e.target.value, regionCode: '' })}
        error={errors.countryCode}
        optional
      >
        <option value="">{t('profile.chooseCountry')}</option>
        {countryCode && !sortedCountries.some((c) => c.code === countryCode) && (
          <option value={countryCode}>{country(countryCode)}</option>
        )}
        {sortedCountries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('profile.field.region')}
        name="regionCode"
        value={regionCode}
        onChange={(e) => onChange({ countryCode, regionCode: e.target.value })}
        error={errors.regionCode}
        hint={countryCode ? undefined : t('profile.regionHint')}
        disabled={!countryCode}
        optional
      >
        <option value="">{t('profile.chooseRegion')}</option>
        {regionCode && !(regions.data?.items ?? []).some((r) => r.code === regionCode) && (
          <option value={regionCode}>{regionCode}</option>
        )}
        {(regions.data?.items ?? []).map((r) => (
          <option key={r.code} value={r.code}>
            {r.name} ({r.code})
          </option>
        ))}
      </SelectField>
    </>
  );
}
