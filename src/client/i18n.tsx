import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { createI18n, type I18n, isLocale, LOCALE_COOKIE, type Locale } from '../shared/i18n/index.ts';

const STORAGE_KEY = 'nexum_locale';

interface I18nContextValue extends I18n {
  setLocale: (locale: Locale) => void;
  /** True when the visitor chose a language on this device (it then wins over the account's preference). */
  hasStoredLocale: boolean;
}

const I18nContext = createContext<I18nContextValue | null>(null);

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function storedLocale(): Locale | undefined {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled; the cookie still carries the choice.
  }
  if (isLocale(stored)) return stored;
  const cookie = readCookie(LOCALE_COOKIE);
  return isLocale(cookie) ? cookie : undefined;
}

function initialLocale(): Locale {
  // The server already rewrote <html lang> from the cookie, so it is the next best guess.
  const htmlLang = document.documentElement.lang.slice(0, 2);
  return storedLocale() ?? (isLocale(htmlLang) ? htmlLang : 'en');
}

function persistLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Ignore: private mode or disabled storage.
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie to render <html lang>; the Cookie Store API is not universal.
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [hasStoredLocale, setHasStoredLocale] = useState(() => storedLocale() !== undefined);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    persistLocale(next);
    setHasStoredLocale(true);
    setLocaleState(next);
  }, []);

  const value = useMemo(
    () => ({ ...createI18n(locale), setLocale, hasStoredLocale }),
    [locale, setLocale, hasStoredLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
