import type { Actor } from '../accounts/actor.ts';

export type EventAction = 'read' | 'create' | 'update' | 'manage_members';

/**
 * Published and cancelled events are public; drafts only for their organisers. Platform administrators
 * create events (the call for host regions will let selected applicants do so); an event's organisers edit it.
 */
export function canEvent(
  actor: Actor | null,
  action: EventAction,
  event?: { id: string; status: string },
): boolean {
  if (action === 'read') {
    if (event && event.status !== 'draft') return true;
    return !!actor && (actor.isAdmin || (!!event && actor.eventRoles.get(event.id) === 'organiser'));
  }
  if (!actor) return false;
  if (actor.isAdmin) return true;
  if (action === 'create') return false;
  return !!event && actor.eventRoles.get(event.id) === 'organiser';
}
