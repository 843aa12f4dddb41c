import { AppError, forbidden, notFound } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canManageRegistrations } from './registrations.policy.ts';
import type { RegistrationsRepo } from './registrations.repo.ts';
import type { Registration } from './registrations.schemas.ts';
import type { RegistrationsService } from './registrations.service.ts';

/**
 * Check-in at the door: organisers scan (or type) the badge code, or pick the participant from a search.
 * Checking in twice is harmless and answers who checked the participant in and when.
 */
export function checkinService(repo: RegistrationsRepo, registrations: RegistrationsService) {
  async function mark(
    actor: Actor,
    id: string,
  ): Promise<{ registration: Registration; alreadyCheckedIn: boolean }> {
    // Only an unchecked, confirmed registration changes; the update's own condition makes it idempotent.
    const changed = await repo.checkIn(id, actor.userId);
    const r = await repo.get(id);
    if (!r) throw notFound('Registration');
    if (!changed && r.status !== 'confirmed')
      throw new AppError('conflict', 409, 'Only a confirmed participant is checked in', {
        status: r.status,
        registration: registrations.toRegistration(r, actor),
      });
    return { registration: registrations.toRegistration(r, actor), alreadyCheckedIn: !changed };
  }

  async function organiserOf(actor: Actor | null, id: string) {
    const r = await registrations.readable(actor, id);
    if (!canManageRegistrations(actor, r.event_id))
      throw forbidden('Only the event’s organisers check people in');
    return r;
  }

  return {
    async byCode(actor: Actor | null, idOrSlug: string, code: string) {
      const e = await registrations.managedEvent(actor, idOrSlug);
      const normalised = code.trim().toUpperCase().replace(/[\s-]/g, '');
      const r = (await repo.byBadge(e.id, code.trim())) ?? (await repo.byBadge(e.id, normalised));
      if (!r) throw notFound('Badge');
      return mark(actor as Actor, r.id);
    },
    async byId(actor: Actor | null, id: string) {
      const r = await organiserOf(actor, id);
      return mark(actor as Actor, r.id);
    },
    async undo(actor: Actor | null, id: string): Promise<Registration> {
      const r = await organiserOf(actor, id);
      await repo.undoCheckIn(r.id);
      return registrations.get(actor, r.id);
    },
  };
}
export type CheckinService = ReturnType<typeof checkinService>;
