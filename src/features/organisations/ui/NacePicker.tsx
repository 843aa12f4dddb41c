import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { api, type NaceEntry } from '../../../client/api.ts';
import { useI18n } from '../../../client/i18n.tsx';
import './profile.css';

export function naceName(entry: Pick<NaceEntry, 'nameEn' | 'nameIt'>, locale: string): string {
  return locale === 'it' ? entry.nameIt : entry.nameEn;
}

/**
 * A searchable NACE picker (ARIA 1.2 combobox with a listbox): type a code ("62", "10.1") or words in
 * English or Italian, move with the arrow keys, Enter adds the highlighted code; chosen codes are listed
 * with their names and a remove button each.
 */
export function NacePicker({
  value,
  onChange,
  error,
  max = 20,
}: {
  value: NaceEntry[];
  onChange: (next: NaceEntry[]) => void;
  error?: string | undefined;
  max?: number;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<NaceEntry[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setOptions([]);
      return;
    }
    const controller = new AbortController();
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      api.nace(q, controller.signal).then(
        (r) => {
          setOptions(r.items);
          setActive(r.items.length ? 0 : -1);
          setOpen(true);
          setAnnouncement(t('profile.naceResults', { count: r.items.length }));
        },
        () => {},
      );
    }, 180);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, t]);

  const choose = (entry: NaceEntry) => {
    if (!value.some((v) => v.code === entry.code) && value.length < max) {
      onChange([...value, entry]);
      setAnnouncement(t('profile.tagAdded', { tag: `${entry.code} ${naceName(entry, locale)}` }));
    }
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % options.length);
    } else if (e.key === 'ArrowUp' && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const entry = open ? options[active] : undefined;
      if (entry) choose(entry);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && options.length > 0;
  return (
    <div className={`field nace-picker${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {t('profile.field.nace')} <span className="field-optional">({t('common.optional')})</span>
      </label>
      <p id={hintId} className="field-hint">
        {t('profile.naceHint')}
      </p>
      {value.length > 0 && (
        <ul className="nace-chosen" aria-label={t('profile.field.nace')}>
          {value.map((entry) => (
            <li key={entry.code}>
              <span className="nace-code">{entry.code}</span>
              <span className="nace-name">{naceName(entry, locale)}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('profile.removeTag', { tag: entry.code })}
                onClick={() => {
                  onChange(value.filter((v) => v.code !== entry.code));
                  setAnnouncement(t('profile.tagRemoved', { tag: entry.code }));
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="combobox">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => options.length && setOpen(true)}
        />
        <div
          id={listId}
          role="listbox"
          aria-label={t('profile.naceOptions')}
          className="combobox-list"
          hidden={!expanded}
        >
          {options.map((entry, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options stay unfocused; the input points at the active one (aria-activedescendant).
            <div
              key={entry.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : undefined}
              // Chosen on mouse down, before the input loses focus and closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(entry);
              }}
            >
              <span className="nace-code">{entry.code}</span> {naceName(entry, locale)}
            </div>
          ))}
        </div>
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
