import type { SessionRole, SessionType } from '../../server/db/schema.ts';

/**
 * A published agenda as stored in agenda_versions.snapshot and served to participants. Everything the
 * public agenda, the iCal and frab exports and the PDF need is inside, so a published version never
 * changes when the draft does.
 */
export interface AgendaSnapshot {
  eventId: string;
  version: number;
  timeZone: string;
  publishedAt: string;
  sessions: AgendaSessionSnapshot[];
}

export interface AgendaSessionSnapshot {
  id: string;
  type: SessionType;
  title: string;
  description: string;
  /** ISO 8601 instants (UTC) */
  startsAt: string;
  endsAt: string;
  room: string | null;
  capacity: number | null;
  b2bSlotMinutes: number | null;
  b2bTables: number | null;
  timeIsEstimate: boolean;
  people: AgendaPersonSnapshot[];
  /** Accepted pitches placed in this session, in order. */
  pitches: { id: string; kind: 'startup' | 'project'; title: string; organisationName: string | null }[];
}

export interface AgendaPersonSnapshot {
  personId: string;
  slug: string;
  fullName: string;
  honorific: string | null;
  jobTitle: string | null;
  organisationName: string | null;
  /** Added by the agenda feature to link the organisation; absent in snapshots written before. */
  organisationSlug?: string | null;
  role: SessionRole;
}

/** One line of "what changed" between two published versions. */
export interface AgendaChange {
  kind: 'added' | 'removed' | 'moved' | 'renamed' | 'room' | 'people' | 'details';
  sessionId: string;
  title: string;
  /** Human-readable before/after, e.g. times in the event's zone. */
  before?: string;
  after?: string;
}
