/**
 * Meeting slots: the B2B sessions of an event's agenda cut into pieces of `b2b_slot_minutes`. Slots are
 * derived, never stored, so an edit of the agenda changes them at once; a slot is named by its session
 * and its start instant (`<sessionId>@<ISO start>`).
 */
export interface B2bSessionRow {
  id: string;
  title: string;
  room: string | null;
  startsAt: Date;
  endsAt: Date;
  slotMinutes: number;
  tables: number;
}

export interface Slot {
  key: string;
  sessionId: string;
  sessionTitle: string;
  room: string | null;
  startsAt: string;
  endsAt: string;
  tables: number;
}

export interface Interval {
  start: number;
  end: number;
}

export const slotKey = (sessionId: string, startsAt: string | Date) =>
  `${sessionId}@${new Date(startsAt).toISOString()}`;

/** The slots of the sessions, in start order; a last piece shorter than a slot is left out. */
export function slotsOf(sessions: B2bSessionRow[]): Slot[] {
  const out: Slot[] = [];
  for (const s of sessions) {
    const step = s.slotMinutes * 60_000;
    for (let t = s.startsAt.getTime(); t + step <= s.endsAt.getTime(); t += step) {
      const startsAt = new Date(t).toISOString();
      out.push({
        key: slotKey(s.id, startsAt),
        sessionId: s.id,
        sessionTitle: s.title,
        room: s.room,
        startsAt,
        endsAt: new Date(t + step).toISOString(),
        tables: s.tables,
      });
    }
  }
  return out.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.key.localeCompare(b.key));
}

export const overlaps = (slot: Slot, busy: Interval) =>
  Date.parse(slot.startsAt) < busy.end && busy.start < Date.parse(slot.endsAt);

/**
 * "2024-03-26T14:00:00+01:00": the instant written in the event's zone. The scheduler takes the first
 * ten characters of a slot's start as its day, so days must be the event's local days.
 */
export function localIso(iso: string, timeZone: string): string {
  const d = new Date(iso);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const offset = String(parts.timeZoneName).replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
