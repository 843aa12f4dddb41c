import type { SessionRole } from '../../../server/db/schema.ts';
import { type Locale, translate } from '../../../shared/i18n/index.ts';
import type { AgendaPersonSnapshot, AgendaSessionSnapshot, AgendaSnapshot } from '../agenda.types.ts';

/** The event fields every export needs (the snapshot has the sessions, not the event). */
export interface ExportEvent {
  id: string;
  slug: string;
  title: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string | null;
  venueAddress: string | null;
  city: string | null;
  status: 'draft' | 'published' | 'cancelled';
  updatedAt: string;
}

/** One export's input: the event, its published agenda (null when none is published yet), where and in which language. */
export interface ExportContext {
  event: ExportEvent;
  agenda: AgendaSnapshot | null;
  /** e.g. "https://nexum.example.org", no trailing slash */
  publicUrl: string;
  locale: Locale;
}

export const PRODID = '-//Nexum//Clusters meet Regions agenda//EN';

export function baseUrl(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

/** The host part of UIDs: stable for one installation, unique across installations. */
export function uidHost(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'nexum';
  } catch {
    return 'nexum';
  }
}

export function eventUrl(ctx: ExportContext): string {
  return `${baseUrl(ctx.publicUrl)}/events/${ctx.event.slug}`;
}

export function sessionUrl(ctx: ExportContext, session: { id: string }): string {
  return `${eventUrl(ctx)}/agenda#session-${session.id}`;
}

/** Sessions of the published agenda in time order (ties: by title, so the output is deterministic). */
export function orderedSessions(agenda: AgendaSnapshot | null): AgendaSessionSnapshot[] {
  if (!agenda) return [];
  return [...agenda.sessions].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.title.localeCompare(b.title),
  );
}

export function typeLabel(locale: Locale, type: AgendaSessionSnapshot['type']): string {
  return translate(locale, `exports.type.${type}`);
}

export function roleLabel(locale: Locale, role: SessionRole, count = 1): string {
  return translate(locale, `role.${role}`, { count });
}

export function personName(p: Pick<AgendaPersonSnapshot, 'honorific' | 'fullName'>): string {
  return [p.honorific, p.fullName].filter(Boolean).join(' ');
}

/** "Prof. Tullio Tolio (Politecnico di Milano)" */
export function personWithOrg(p: AgendaPersonSnapshot): string {
  return p.organisationName ? `${personName(p)} (${p.organisationName})` : personName(p);
}

const ROLE_ORDER: SessionRole[] = ['moderator', 'speaker', 'panellist', 'pitcher'];

/** People grouped by role in a fixed order: "Moderator: …", "Panellists: …, …". */
export function peopleLines(locale: Locale, people: AgendaPersonSnapshot[]): string[] {
  const lines: string[] = [];
  for (const role of ROLE_ORDER) {
    const group = people.filter((p) => p.role === role);
    if (group.length)
      lines.push(`${roleLabel(locale, role, group.length)}: ${group.map(personWithOrg).join('; ')}`);
  }
  return lines;
}

/** "SnowIt (start-up, SnowIt srl)" */
export function pitchLine(locale: Locale, pitch: AgendaSessionSnapshot['pitches'][number]): string {
  const kind = translate(locale, `exports.pitch.${pitch.kind}`);
  return `${pitch.title} (${[kind, pitch.organisationName].filter(Boolean).join(', ')})`;
}

/**
 * Where a session happens. A site visit's room is the place visited, so the venue is not added to it;
 * other sessions are in a room of the venue.
 */
export function sessionLocation(event: ExportEvent, session: AgendaSessionSnapshot): string {
  if (session.type === 'site_visit' && session.room) return session.room;
  return [session.room, venueLine(event)].filter(Boolean).join(', ');
}

export function venueLine(event: ExportEvent): string {
  const address =
    event.venueAddress && event.city && !event.venueAddress.includes(event.city)
      ? `${event.venueAddress}, ${event.city}`
      : (event.venueAddress ?? event.city);
  return [event.venueName, address].filter(Boolean).join(', ');
}
