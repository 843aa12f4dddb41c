// Translation and formatting helpers shared by the browser and the server (no Node APIs).
import { en, type Messages } from './en.ts';
import { it } from './it.ts';

export type { Messages } from './en.ts';
export type Locale = 'en' | 'it';
export type MessageKey = keyof Messages;
export type MessageParams = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['en', 'it'];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_COOKIE = 'nexum_locale';

const catalogues: Record<Locale, Messages> = { en, it };
/** BCP 47 tags for Intl: British English gives European day-month order and 24-hour times. */
export const intlTags: Record<Locale, string> = { en: 'en-GB', it: 'it-IT' };

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'it';
}

/** The supported locale closest to a language tag such as `it-CH`, or undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const base = tag?.trim().slice(0, 2).toLowerCase();
  return isLocale(base) ? base : undefined;
}

function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Translates a key; plural messages choose their form from `params.count`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const message = catalogues[locale][key] ?? en[key];
  if (typeof message === 'string') return interpolate(message, params);
  const count = Number(params?.count ?? 0);
  const form = new Intl.PluralRules(intlTags[locale]).select(count) === 'one' ? message.one : message.other;
  return interpolate(form, { ...params, count: formatNumber(locale, count) });
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlTags[locale]).format(value);
}

// NUTS uses EL for Greece and UK for the United Kingdom where ISO 3166 has GR and GB.
const nutsToIso: Record<string, string> = { EL: 'GR', UK: 'GB' };

/** The country's name in the locale, from a NUTS or ISO 3166 two-letter code. */
export function countryName(locale: Locale, code: string): string {
  const iso = nutsToIso[code.toUpperCase()] ?? code.toUpperCase();
  try {
    return new Intl.DisplayNames([intlTags[locale]], { type: 'region' }).of(iso) ?? code;
  } catch {
    return code;
  }
}

function safeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** "26 March 2024" in the given time zone. */
export function formatDate(locale: Locale, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlTags[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: safeZone(timeZone),
  }).format(new Date(iso));
}

/** "26 Mar 2024, 09:00" in the given time zone. */
export function formatDateTime(locale: Locale, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlTags[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: safeZone(timeZone),
  }).format(new Date(iso));
}

/** "26–27 March 2024" (or a single day) in the event's time zone. */
export function formatDateRange(locale: Locale, startIso: string, endIso: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(intlTags[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: safeZone(timeZone),
  });
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (end.getTime() <= start.getTime()) return format.format(start);
  // ICU puts thin spaces around the dash of "26 – 27 March"; European style writes day ranges closed up.
  return format.formatRange(start, end).replace(/(\d)\s+–\s+(\d)/g, '$1–$2');
}

/** "26–27 March 2024, 09:00–17:30 (Europe/Rome)": dates and times in the event's zone, the zone named. */
export function formatEventWhen(locale: Locale, startIso: string, endIso: string, timeZone: string): string {
  const time = new Intl.DateTimeFormat(intlTags[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: safeZone(timeZone),
  });
  const dates = formatDateRange(locale, startIso, endIso, timeZone);
  return `${dates}, ${time.format(new Date(startIso))}–${time.format(new Date(endIso))} (${timeZone})`;
}

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  number: (value: number) => string;
  date: (iso: string, timeZone?: string) => string;
  dateTime: (iso: string, timeZone?: string) => string;
  dateRange: (startIso: string, endIso: string, timeZone: string) => string;
  eventWhen: (startIso: string, endIso: string, timeZone: string) => string;
  country: (code: string) => string;
}

/** All helpers bound to one locale. */
export function createI18n(locale: Locale): I18n {
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    number: (value) => formatNumber(locale, value),
    date: (iso, timeZone) => formatDate(locale, iso, timeZone),
    dateTime: (iso, timeZone) => formatDateTime(locale, iso, timeZone),
    dateRange: (startIso, endIso, timeZone) => formatDateRange(locale, startIso, endIso, timeZone),
    eventWhen: (startIso, endIso, timeZone) => formatEventWhen(locale, startIso, endIso, timeZone),
    country: (code) => countryName(locale, code),
  };
}
