import type { Actor } from '../accounts/actor.ts';
import { canEvent } from './events.policy.ts';

export type AgendaAction = 'read' | 'edit' | 'sign_up';

/**
 * Anyone who may see the event sees its published agenda; only those who may edit the event (its
 * organisers, platform administrators) see and edit the draft and publish it. Signing up needs an
 * account; the confirmed registration is checked by the service, inside the seat-taking transaction.
 */
export function canAgenda(
  actor: Actor | null,
  action: AgendaAction,
  event: { id: string; status: string },
): boolean {
  if (action === 'read') return canEvent(actor, 'read', event);
  if (action === 'edit') return canEvent(actor, 'update', event);
  return !!actor && canEvent(actor, 'read', event);
}
