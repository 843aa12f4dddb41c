import type { Actor } from '../accounts/actor.ts';
import { canEvent } from './events.policy.ts';

export type SummaryAction = 'read' | 'edit';

interface SummaryResource {
  event: { id: string; status: string };
  /** Whether the organisers published the summary. */
  published: boolean;
}

/**
 * The summary of an event (article, quotes, gallery, links, statistics): its organisers (and platform
 * administrators) edit it and see it while it is unpublished; everyone who may see the event reads it
 * once published.
 */
export function canSummary(actor: Actor | null, action: SummaryAction, r: SummaryResource): boolean {
  const organiser = canEvent(actor, 'update', r.event);
  if (action === 'edit') return organiser;
  return organiser || (r.published && canEvent(actor, 'read', r.event));
}

/** A photo showing a participant without photo consent is for the organisers' eyes only. */
export function canSeePhoto(actor: Actor | null, r: SummaryResource & { hidden: boolean }): boolean {
  if (canSummary(actor, 'edit', r)) return true;
  return !r.hidden && canSummary(actor, 'read', r);
}
