import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.ts';

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
export const EVENT_DEMO_PARTS: readonly { name: string; run: EventDemoPart }[] = [];
