import type { Locale } from '../../shared/i18n/index.ts';

const tags: Record<Locale, string> = { en: 'en-GB', it: 'it-IT' };

/** "Tue 26 Mar, 14:00–14:30" in the event's time zone (shared by the pages and the PDFs). */
export function slotLabel(locale: Locale, startIso: string, endIso: string, timeZone: string): string {
  const day = new Intl.DateTimeFormat(tags[locale], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  });
  const time = new Intl.DateTimeFormat(tags[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  return `${day.format(new Date(startIso))}, ${time.format(new Date(startIso))}–${time.format(new Date(endIso))}`;
}

/** "14:00" in the event's time zone. */
export function timeLabel(locale: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(tags[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

/** "Tuesday 26 March" in the event's time zone, to group slots by day. */
export function dayLabel(locale: Locale, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(tags[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(new Date(iso));
}
