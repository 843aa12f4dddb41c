// The "Clusters meet Regions" event template a selected host application turns into: pure data and
// time arithmetic, no I/O.
import type { SessionType } from '../../server/db/schema.ts';

/**
 * The IANA zone of each country in the NUTS classification (EU, EEA, EFTA, candidates, UK), by NUTS
 * country code (EL is Greece, UK the United Kingdom). Regions far from their mainland follow in
 * REGION_ZONES.
 */
export const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DE: 'Europe/Berlin',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  EL: 'Europe/Athens',
  ES: 'Europe/Madrid',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  HR: 'Europe/Zagreb',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  LV: 'Europe/Riga',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  SI: 'Europe/Ljubljana',
  SK: 'Europe/Bratislava',
  // EEA and EFTA
  IS: 'Atlantic/Reykjavik',
  LI: 'Europe/Vaduz',
  NO: 'Europe/Oslo',
  CH: 'Europe/Zurich',
  // Candidate countries and the United Kingdom, which NUTS also covers
  AL: 'Europe/Tirane',
  ME: 'Europe/Podgorica',
  MK: 'Europe/Skopje',
  RS: 'Europe/Belgrade',
  TR: 'Europe/Istanbul',
  UK: 'Europe/London',
};

/** NUTS 2 regions in another zone than their country's mainland (islands, outermost regions). */
export const REGION_ZONES: Readonly<Record<string, string>> = {
  ES70: 'Atlantic/Canary',
  PT20: 'Atlantic/Azores',
  PT30: 'Atlantic/Madeira',
  FRY1: 'America/Guadeloupe',
  FRY2: 'America/Martinique',
  FRY3: 'America/Cayenne',
  FRY4: 'Indian/Reunion',
  FRY5: 'Indian/Mayotte',
};

/** The time zone of a NUTS region (its own, else its country's); null for a country not in the table. */
export function regionTimeZone(regionCode: string): string | null {
  for (let len = regionCode.length; len >= 3; len--) {
    const zone = REGION_ZONES[regionCode.slice(0, len)];
    if (zone) return zone;
  }
  return COUNTRY_ZONES[regionCode.slice(0, 2)] ?? null;
}

/** Offset of `timeZone` from UTC at an instant, in minutes. */
function offsetMinutes(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const p: Record<string, number> = {};
  for (const part of parts) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant a wall clock in `timeZone` shows `hh:mm` on the calendar day `date` (YYYY-MM-DD). */
export function wallTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset around daylight-saving changes.
  let offset = offsetMinutes(timeZone, wall);
  offset = offsetMinutes(timeZone, wall - offset * 60_000);
  return new Date(wall - offset * 60_000);
}

/** The calendar day after `date` (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export interface TemplateSession {
  type: SessionType;
  title: string;
  day: 1 | 2;
  from: string;
  to: string;
  b2b?: { slotMinutes: number; tables: number };
}

/**
 * The standard programme of a two-day "Clusters meet Regions" workshop, modelled on the Milan 2024
 * edition. Times are a starting point the organisers then edit.
 */
export const CLUSTERS_MEET_REGIONS_TEMPLATE: readonly TemplateSession[] = [
  { type: 'remarks', title: 'Opening remarks', day: 1, from: '09:00', to: '09:30' },
  { type: 'keynote', title: 'Keynote', day: 1, from: '09:30', to: '10:00' },
  { type: 'panel', title: 'Panel: the regional innovation ecosystem', day: 1, from: '10:00', to: '11:00' },
  { type: 'break', title: 'Coffee break', day: 1, from: '11:00', to: '11:30' },
  { type: 'panel', title: 'Panel: research meets industry', day: 1, from: '11:30', to: '12:30' },
  { type: 'break', title: 'Lunch', day: 1, from: '12:30', to: '13:30' },
  { type: 'pitching', title: 'Start-up pitching', day: 1, from: '13:30', to: '14:30' },
  { type: 'panel', title: 'Panel: interregional collaboration', day: 1, from: '14:30', to: '15:30' },
  { type: 'networking', title: 'Networking', day: 1, from: '15:30', to: '17:00' },
  {
    type: 'b2b',
    title: 'B2B meetings',
    day: 2,
    from: '09:00',
    to: '11:00',
    b2b: { slotMinutes: 20, tables: 20 },
  },
  { type: 'pitching', title: 'Project pitching', day: 2, from: '11:00', to: '12:00' },
  { type: 'remarks', title: 'Closing remarks', day: 2, from: '12:00', to: '12:30' },
  { type: 'break', title: 'Lunch', day: 2, from: '12:30', to: '13:30' },
  { type: 'site_visit', title: 'Site visits', day: 2, from: '14:00', to: '17:00' },
];

/** The template's sessions as instants, day 1 on `startsOn` and day 2 on the day after, in `timeZone`. */
export function templateSessions(startsOn: string, timeZone: string) {
  const days = { 1: startsOn, 2: nextDay(startsOn) } as const;
  return CLUSTERS_MEET_REGIONS_TEMPLATE.map((s) => ({
    ...s,
    startsAt: wallTimeToInstant(days[s.day], s.from, timeZone),
    endsAt: wallTimeToInstant(days[s.day], s.to, timeZone),
  }));
}
