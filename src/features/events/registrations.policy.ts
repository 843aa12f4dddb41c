import type { Actor } from '../accounts/actor.ts';

export type RegistrationAction = 'read' | 'update' | 'cancel';
export type EventRegistrationsAction = 'manage';

/** The event's organisers and platform administrators see every registration and decide on them. */
export function canManageRegistrations(actor: Actor | null, eventId: string): boolean {
  return !!actor && (actor.isAdmin || actor.eventRoles.get(eventId) === 'organiser');
}

/**
 * A participant reads, edits and cancels their own registration; organisers read and cancel any of their
 * event's (they do not edit a participant's answers or consents).
 */
export function canRegistration(
  actor: Actor | null,
  action: RegistrationAction,
  reg: { userId: string; eventId: string },
): boolean {
  if (!actor) return false;
  if (actor.userId === reg.userId) return true;
  if (action === 'update') return false;
  return canManageRegistrations(actor, reg.eventId);
}
