import type { RegistrationStatus } from '../../../server/db/schema.ts';
import type { Actor } from '../../accounts/actor.ts';
import { canEvent } from '../events.policy.ts';

/** The exports of an event are visible to whoever may read the event (drafts: its organisers only). */
export function canExportEvent(actor: Actor | null, event: { id: string; status: string }): boolean {
  return canEvent(actor, 'read', event);
}

/**
 * A personal calendar feed is authenticated by its secret token alone (calendar apps send no cookies).
 * It answers while the registration is alive (pending, waitlisted, confirmed) and the event is public;
 * a cancelled or rejected registration, or a draft event, answers as if the token did not exist.
 */
export function canReadFeed(
  registration: { status: RegistrationStatus },
  event: { status: 'draft' | 'published' | 'cancelled' },
): boolean {
  return (
    event.status !== 'draft' && registration.status !== 'cancelled' && registration.status !== 'rejected'
  );
}
