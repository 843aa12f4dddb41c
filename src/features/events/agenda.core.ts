// Pure agenda logic shared by the service and its unit tests: wall-clock times in the event's zone,
// clash detection and the list of changes between two versions. No I/O.
import type { AgendaChange, AgendaSessionSnapshot } from './agenda.types.ts';

function parts(iso: string, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  for (const p of format.formatToParts(new Date(iso))) if (p.type !== 'literal') out[p.type] = p.value;
  return out;
}

/** The calendar day of an instant in a zone: "2024-03-26". */
export function localDay(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "2024-03-26 10:00–11:00" (or "… 23:00–2024-03-27 01:00" across midnight), in the event's zone. */
export function formatSpan(startIso: string, endIso: string, timeZone: string): string {
  const s = parts(startIso, timeZone);
  const e = parts(endIso, timeZone);
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  const end = sameDay ? `${e.hour}:${e.minute}` : `${e.year}-${e.month}-${e.day} ${e.hour}:${e.minute}`;
  return `${s.year}-${s.month}-${s.day} ${s.hour}:${s.minute}–${end}`;
}

export interface ClashInput {
  id: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  people: { personId: string; fullName: string }[];
}

export interface Clash {
  kind: 'person' | 'room';
  sessionIds: [string, string];
  personId?: string;
  name: string;
}

const overlap = (a: ClashInput, b: ClashInput) =>
  Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

/** Rooms are compared as people type them: case, accents and spacing do not make two rooms. */
const roomKey = (room: string) =>
  room.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Every pair of overlapping sessions that share a person or a room. Sessions touching end to start do
 * not clash. A person with two roles in one session is one person. Sorted by time for stable output.
 */
export function findClashes(sessions: readonly ClashInput[]): Clash[] {
  const sorted = [...sessions].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id.localeCompare(b.id),
  );
  const clashes: Clash[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      // Sorted by start: once b starts after a ends, no later session overlaps a.
      if (Date.parse(b.startsAt) >= Date.parse(a.endsAt)) break;
      if (!overlap(a, b)) continue;
      const ids: [string, string] = [a.id, b.id];
      if (a.room && b.room && roomKey(a.room) === roomKey(b.room)) {
        clashes.push({ kind: 'room', sessionIds: ids, name: a.room });
      }
      const inB = new Set(b.people.map((p) => p.personId));
      const seen = new Set<string>();
      for (const p of a.people) {
        if (!inB.has(p.personId) || seen.has(p.personId)) continue;
        seen.add(p.personId);
        clashes.push({ kind: 'person', sessionIds: ids, personId: p.personId, name: p.fullName });
      }
    }
  }
  return clashes;
}

const peopleLine = (s: AgendaSessionSnapshot) => s.people.map((p) => `${p.fullName} (${p.role})`).join(', ');

const pitchLine = (s: AgendaSessionSnapshot) => s.pitches.map((p) => p.title).join(', ');

/** Fields other than time, title, room and people that participants may care about. */
function detailChanges(a: AgendaSessionSnapshot, b: AgendaSessionSnapshot): string[] {
  const out: string[] = [];
  if (a.type !== b.type) out.push('type');
  if (a.description !== b.description) out.push('description');
  if (a.capacity !== b.capacity) out.push('capacity');
  if (a.b2bSlotMinutes !== b.b2bSlotMinutes || a.b2bTables !== b.b2bTables) out.push('b2b');
  if (pitchLine(a) !== pitchLine(b)) out.push('pitches');
  return out;
}

/**
 * What changed from one published version to the next, one line per kind of change and session, in
 * the order of the new agenda (removed sessions last). Times are written in the event's zone.
 */
export function diffAgendas(
  before: readonly AgendaSessionSnapshot[],
  after: readonly AgendaSessionSnapshot[],
  timeZone: string,
): AgendaChange[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const next = new Set(after.map((s) => s.id));
  const byTime = (a: AgendaSessionSnapshot, b: AgendaSessionSnapshot) =>
    Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.title.localeCompare(b.title);
  const changes: AgendaChange[] = [];
  for (const s of [...after].sort(byTime)) {
    const o = old.get(s.id);
    const span = formatSpan(s.startsAt, s.endsAt, timeZone);
    if (!o) {
      changes.push({ kind: 'added', sessionId: s.id, title: s.title, after: span });
      continue;
    }
    if (o.startsAt !== s.startsAt || o.endsAt !== s.endsAt) {
      const was = formatSpan(o.startsAt, o.endsAt, timeZone);
      changes.push({ kind: 'moved', sessionId: s.id, title: s.title, before: was, after: span });
    }
    if (o.title !== s.title) {
      changes.push({ kind: 'renamed', sessionId: s.id, title: s.title, before: o.title, after: s.title });
    }
    if ((o.room ?? '') !== (s.room ?? '')) {
      changes.push({
        kind: 'room',
        sessionId: s.id,
        title: s.title,
        before: o.room ?? '',
        after: s.room ?? '',
      });
    }
    if (peopleLine(o) !== peopleLine(s)) {
      changes.push({
        kind: 'people',
        sessionId: s.id,
        title: s.title,
        before: peopleLine(o),
        after: peopleLine(s),
      });
    }
    const details = detailChanges(o, s);
    if (details.length) {
      changes.push({ kind: 'details', sessionId: s.id, title: s.title, after: details.join(', ') });
    }
  }
  for (const o of [...before].sort(byTime)) {
    if (!next.has(o.id)) {
      const span = formatSpan(o.startsAt, o.endsAt, timeZone);
      changes.push({ kind: 'removed', sessionId: o.id, title: o.title, before: span });
    }
  }
  return changes;
}
