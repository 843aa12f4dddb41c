import type { Kysely } from 'kysely';
import type { DB, RegistrationStatus } from '../../../server/db/schema.ts';

/**
 * Items other features add to a participant's personal calendar feed (GET /api/v1/calendar/{token}.ics).
 *
 * How a feature contributes (e.g. B2B meetings):
 *
 * ```ts
 * import { registerCalendarSource } from '../events/exports/calendar-sources.ts';
 * registerCalendarSource('b2b', async (db, registration) => {
 *   const rows = await db.selectFrom('meetings')…where('…', '=', registration.id).execute();
 *   return rows.map((m) => ({ id: m.id, title: `B2B meeting with ${m.partner}`, startsAt: …, endsAt: … }));
 * });
 * ```
 *
 * Call it at the top level of a module that `src/server/app.ts` imports (your service or routes file),
 * so the source is registered before the first request. Registering a name again replaces the source.
 *
 * The feed calls every source only for a registration that may see its feed (not cancelled or rejected,
 * event not a draft). A source returns what that participant should see and nothing else; it must not
 * leak other participants' data. Each item's UID becomes `<source name>-<item id>@<host>`, so `id` must
 * be stable for the same meeting across fetches (a calendar app then updates it instead of adding a
 * copy). An error thrown by a source fails the whole feed (HTTP 500): calendar apps then keep their last
 * good copy rather than silently losing items.
 */
export interface CalendarItem {
  /** Stable within the source (e.g. the meeting's id). */
  id: string;
  title: string;
  /** ISO 8601 instants. */
  startsAt: string;
  endsAt: string;
  description?: string | undefined;
  location?: string | undefined;
  /** An absolute URL, or a path such as `/events/milan/meetings` (the server's address is put before it). */
  url?: string | undefined;
  categories?: string[] | undefined;
  /** 'cancelled' keeps the item in the feed marked as cancelled, so apps strike it through. */
  status?: 'confirmed' | 'tentative' | 'cancelled' | undefined;
  /** Raise it whenever the item changes (defaults to the event's agenda version). */
  sequence?: number | undefined;
}

/** What a source gets to know about the feed's owner. */
export interface CalendarRegistration {
  id: string;
  eventId: string;
  userId: string;
  personId: string | null;
  status: RegistrationStatus;
  locale: 'en' | 'it';
}

export type CalendarSource = (db: Kysely<DB>, registration: CalendarRegistration) => Promise<CalendarItem[]>;

const sources = new Map<string, CalendarSource>();

const NAME_RE = /^[a-z][a-z0-9-]{0,31}$/;

export function registerCalendarSource(name: string, source: CalendarSource): void {
  // The name goes into UIDs, so it is kept to characters that need no escaping.
  if (!NAME_RE.test(name)) throw new Error(`Calendar source name must match ${NAME_RE}: ${name}`);
  sources.set(name, source);
}

/** Removes a source (tests). */
export function unregisterCalendarSource(name: string): void {
  sources.delete(name);
}

export function calendarSources(): [string, CalendarSource][] {
  return [...sources];
}
