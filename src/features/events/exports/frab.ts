import { slugify } from '../../../shared/slug.ts';
import type { AgendaSessionSnapshot } from '../agenda.types.ts';
import {
  baseUrl,
  type ExportContext,
  eventUrl,
  orderedSessions,
  personName,
  pitchLine,
  sessionUrl,
  typeLabel,
} from './model.ts';
import { hhmm, isoWithOffset, localParts, nextDate, zonedInstant } from './zoned.ts';

/**
 * The schedule in the frab JSON format as pretalx publishes it (schema: https://c3voc.de/schedule/schema.json),
 * read by conference apps (Giggity, EventFahrplan), info screens and recording pipelines. Pure.
 *
 * Mapping: a day runs from 04:00 to 03:59 the next morning in the event's zone (as in pretalx), so a late
 * networking evening stays on its day; rooms are keyed by name (a session without a room is in the venue);
 * `id` is a number (frab requires one) derived from the session's UUID, `guid` is the UUID itself; `type`
 * and `track` are the session type.
 */

export interface FrabPerson {
  id: number;
  guid: string;
  name: string;
  public_name: string;
  role?: string;
  biography: string | null;
}

export interface FrabEvent {
  id: number;
  guid: string;
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  language: string;
  abstract: string;
  description: string;
  logo: string | null;
  persons: FrabPerson[];
  links: { title: string; url: string; type: string }[];
  attachments: { title: string; url: string; type: string }[];
  recording_license: string;
  do_not_record: boolean;
}

export interface FrabDay {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, FrabEvent[]>;
}

export interface FrabSchedule {
  $schema: string;
  generator: { name: string; version: string };
  schedule: {
    url: string;
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      title: string;
      start: string;
      end: string;
      daysCount: number;
      timeslot_duration: string;
      time_zone_name: string;
      url: string;
      rooms: { name: string; guid: string }[];
      days: FrabDay[];
    };
  };
}

/** A positive 31-bit number from a UUID's first hex digits: stable, and unique enough within one event. */
export function numericId(uuid: string): number {
  return Number.parseInt(uuid.replace(/-/g, '').slice(0, 8), 16) & 0x7fffffff;
}

/** A UUID-shaped id for a room, stable for the same event and room name (frab wants a guid per room). */
function roomGuid(eventId: string, room: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of `${eventId}/${room}`) {
    const c = ch.codePointAt(0) ?? 0;
    h1 = Math.imul(h1 ^ c, 16777619) >>> 0;
    h2 = Math.imul(h2 ^ c, 2246822519) >>> 0;
  }
  const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The frab day a local time belongs to: before 04:00 counts to the previous day. */
function frabDate(iso: string, timeZone: string): string {
  const p = localParts(iso, timeZone);
  return p.hour < 4 ? nextDate(p.date, -1) : p.date;
}

interface Entry {
  id: string;
  title: string;
  type: string;
  startsAt: string;
  endsAt: string;
  room: string;
  url: string;
  abstract: string;
  description: string;
  persons: FrabPerson[];
}

function sessionEntry(ctx: ExportContext, s: AgendaSessionSnapshot, fallbackRoom: string): Entry {
  return {
    id: s.id,
    title: s.title,
    type: typeLabel(ctx.locale, s.type),
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    room: s.room?.trim() || fallbackRoom,
    url: sessionUrl(ctx, s),
    abstract: s.description,
    description: s.pitches.map((p) => pitchLine(ctx.locale, p)).join('\n'),
    persons: s.people.map((p) => ({
      id: numericId(p.personId),
      guid: p.personId,
      name: personName(p),
      public_name: personName(p),
      role: p.role,
      biography: null,
    })),
  };
}

export function buildFrabSchedule(ctx: ExportContext): FrabSchedule {
  const { event } = ctx;
  const tz = event.timeZone;
  const fallbackRoom = event.venueName?.trim() || event.city?.trim() || event.title;
  const entries: Entry[] = ctx.agenda
    ? orderedSessions(ctx.agenda).map((s) => sessionEntry(ctx, s, fallbackRoom))
    : [
        {
          id: event.id,
          title: event.title,
          type: 'Event',
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          room: fallbackRoom,
          url: eventUrl(ctx),
          abstract: event.summary,
          description: '',
          persons: [],
        },
      ];

  // Days: the event's dates, widened to any session outside them so nothing is dropped.
  let first = localParts(event.startsAt, tz).date;
  let last = localParts(event.endsAt, tz).date;
  if (last < first) last = first;
  for (const e of entries) {
    const d = frabDate(e.startsAt, tz);
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const days: FrabDay[] = [];
  for (let date = first, index = 1; date <= last; date = nextDate(date), index++) {
    const next = nextDate(date);
    days.push({
      index,
      date,
      day_start: isoWithOffset(zonedInstant(date, '04:00', tz), tz),
      day_end: isoWithOffset(new Date(zonedInstant(next, '04:00', tz).getTime() - 60_000), tz),
      rooms: {},
    });
  }
  const byDate = new Map(days.map((d) => [d.date, d]));
  const roomNames: string[] = [];
  for (const e of entries) {
    const day = byDate.get(frabDate(e.startsAt, tz));
    if (!day) continue;
    if (!roomNames.includes(e.room)) roomNames.push(e.room);
    const minutes = (Date.parse(e.endsAt) - Date.parse(e.startsAt)) / 60_000;
    const list = day.rooms[e.room] ?? [];
    day.rooms[e.room] = list;
    list.push({
      id: numericId(e.id),
      guid: e.id,
      date: isoWithOffset(e.startsAt, tz),
      start: localParts(e.startsAt, tz).time,
      duration: hhmm(minutes),
      room: e.room,
      slug: `${event.slug}-${numericId(e.id)}-${slugify(e.title, 60)}`,
      url: e.url,
      title: e.title,
      subtitle: '',
      track: e.type,
      type: e.type,
      // The language the session is held in; Nexum does not record it, and the workshops are in English.
      language: 'en',
      abstract: e.abstract,
      description: e.description,
      logo: null,
      persons: e.persons,
      links: [],
      attachments: [],
      recording_license: '',
      do_not_record: false,
    });
  }

  const url = `${baseUrl(ctx.publicUrl)}/api/v1/events/${event.id}/schedule.json`;
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'Nexum', version: '1' },
    schedule: {
      url,
      version: String(ctx.agenda?.version ?? 0),
      base_url: `${baseUrl(ctx.publicUrl)}/`,
      conference: {
        acronym: event.slug,
        title: event.title,
        start: first,
        end: last,
        daysCount: days.length,
        timeslot_duration: '00:05',
        time_zone_name: tz,
        url: eventUrl(ctx),
        rooms: roomNames.map((name) => ({ name, guid: roomGuid(event.id, name) })),
        days,
      },
    },
  };
}
