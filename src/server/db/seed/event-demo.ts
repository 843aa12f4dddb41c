import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import { milan2024Agenda, milan2024AgendaPublish } from './milan2024-agenda.ts';
import { milan2024B2b } from './milan2024-b2b.ts';
import { milan2024Paper } from './milan2024-paper.ts';
import { milan2024Pitches } from './milan2024-pitches.ts';
import { milan2024Registrations } from './milan2024-registrations.ts';
import { milan2024Summary } from './milan2024-summary.ts';

/** What the base seed created, for the demo parts that feature modules add to the Milan event. */
export interface EventDemoContext {
  eventId: string;
  /** organisation slug → id (real and sample organisations) */
  orgIds: ReadonlyMap<string, string>;
  /** person slug → id (real and sample people) */
  personIds: ReadonlyMap<string, string>;
}

export type EventDemoPart = (trx: Transaction<DB> | Kysely<DB>, ctx: EventDemoContext) => Promise<void>;

/**
 * The parts of the Milan demo that belong to feature modules, run in this order inside the seed's
 * transaction: agenda first (sessions), then pitches, registrations, the summary, and B2B meetings
 * (which need registrations and the B2B session). Each module adds its one line here.
 */
export const EVENT_DEMO_PARTS: readonly { name: string; run: EventDemoPart }[] = [
  { name: 'agenda', run: milan2024Agenda },
  { name: 'pitches', run: milan2024Pitches },
  { name: 'registrations', run: milan2024Registrations },
  { name: 'summary', run: milan2024Summary },
  // After every part that changes the agenda (pitches placed in sessions): publishes it as version 1.
  { name: 'agenda-publish', run: milan2024AgendaPublish },
  // B2B meetings last: they need the registrations and the agenda's B2B sessions.
  { name: 'b2b', run: milan2024B2b },
  // The host region's Input Paper introduction (demo text, no figures).
  { name: 'paper', run: milan2024Paper },
];
