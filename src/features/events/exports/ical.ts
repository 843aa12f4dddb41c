/**
 * An RFC 5545 iCalendar writer: pure, no I/O. It writes only what Nexum publishes (one VCALENDAR of
 * VEVENTs, METHOD:PUBLISH), so a few dozen lines replace a dependency.
 *
 * Times are written in UTC ("20240326T080000Z"), never with TZID: a UTC instant needs no VTIMEZONE, and
 * a correct VTIMEZONE needs the zone's daylight-saving rules, which JavaScript's Intl does not expose.
 * Calendar apps show UTC times in the user's own zone; X-WR-TIMEZONE names the event's zone for those
 * that display it.
 */

export interface IcalEvent {
  /** Globally unique and stable across downloads, e.g. `<session id>@<host>`. */
  uid: string;
  /** ISO 8601 instants. */
  start: string;
  end: string;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  categories?: string[] | undefined;
  /** Raised at each change so calendar apps replace their copy. */
  sequence: number;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' | undefined;
  /** When this version of the item was created (DTSTAMP); ISO 8601. */
  stamp: string;
  lastModified?: string | undefined;
}

export interface IcalCalendar {
  /** "-//Nexum//Agenda//EN" style product identifier. */
  prodId: string;
  name: string;
  description?: string | undefined;
  /** The IANA zone of the event, as a display hint (X-WR-TIMEZONE). */
  timeZone?: string | undefined;
  /** For subscribed feeds: how often apps should fetch again, e.g. "PT1H". */
  refreshInterval?: string | undefined;
  events: IcalEvent[];
}

/**
 * TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. Other control
 * characters are not allowed in TEXT and are dropped.
 */
export function escapeText(value: string): string {
  return dropControls(value.replace(/\r\n|\r/g, '\n'), true)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Removes control characters (tab kept; line feed kept when asked, for TEXT to escape). */
function dropControls(value: string, keepLineFeed: boolean): string {
  let out = '';
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    const control = c < 0x20 || c === 0x7f;
    if (!control || c === 0x09 || (keepLineFeed && c === 0x0a)) out += ch;
  }
  return out;
}

/** A URI or other non-TEXT value: no escaping, but a line break or control character must never get in. */
function plainValue(value: string): string {
  return dropControls(value, false);
}

const encoder = new TextEncoder();

/**
 * Folds a content line so no physical line is longer than 75 octets (RFC 5545 §3.1): continuation lines
 * begin with one space, which counts toward their 75. A UTF-8 character is never split, since apps that
 * decode each physical line on its own would show garbage.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    // for…of walks code points, so a surrogate pair (an emoji) stays whole.
    const size = encoder.encode(ch).length;
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** "20240326T080000Z" from an ISO instant. */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Not a date: ${iso}`);
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function eventLines(e: IcalEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${plainValue(e.uid)}`,
    `DTSTAMP:${formatUtc(e.stamp)}`,
    `DTSTART:${formatUtc(e.start)}`,
    `DTEND:${formatUtc(e.end)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(e.sequence))}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${plainValue(e.url)}`);
  const categories = (e.categories ?? []).filter((c) => c.trim());
  // CATEGORIES is a list: commas separate values, so commas inside one value are escaped.
  if (categories.length) lines.push(`CATEGORIES:${categories.map(escapeText).join(',')}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${formatUtc(e.lastModified)}`);
  lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** The whole calendar as text with CRLF line ends and folded lines. */
export function writeCalendar(cal: IcalCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${escapeText(cal.prodId)}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  if (cal.description) lines.push(`X-WR-CALDESC:${escapeText(cal.description)}`);
  if (cal.timeZone) lines.push(`X-WR-TIMEZONE:${plainValue(cal.timeZone)}`);
  if (cal.refreshInterval) {
    lines.push(
      `REFRESH-INTERVAL;VALUE=DURATION:${plainValue(cal.refreshInterval)}`,
      `X-PUBLISHED-TTL:${plainValue(cal.refreshInterval)}`,
    );
  }
  for (const e of cal.events) lines.push(...eventLines(e));
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
