import type { Actor } from '../accounts/actor.ts';

export type B2bAction =
  | 'manage'
  | 'browse'
  | 'opt_in'
  | 'request'
  | 'respond'
  | 'withdraw'
  | 'answer_team'
  | 'leave'
  | 'record_outcome'
  | 'block_slots';

/** What the policy needs to know about the caller's place in the event's B2B meetings. */
export interface B2bResource {
  event: { id: string };
  /** The caller's registration: only a confirmed one takes part. */
  registration?: { id: string; status: string } | null;
  optedIn?: boolean;
  /**
   * For respond / withdraw / answer_team / leave / record_outcome: the request, who is in it (team
   * members who accepted) and, for answer_team and leave, the colleagues invited whatever their answer.
   */
  request?: { requesterId: string; addresseeId: string; memberIds: string[]; invitedIds?: string[] };
}

export function isOrganiser(actor: Actor | null, eventId: string): boolean {
  return !!actor && (actor.isAdmin || actor.eventRoles.get(eventId) === 'organiser');
}

/**
 * Organisers (and platform administrators) manage the schedule and see the dashboard. Participants
 * act only with a confirmed registration; requests go from and to opted-in participants; only the
 * addressee answers a request, only the requester withdraws it, only an invited colleague answers
 * their own team invitation, anyone in a request (or invited to it) leaves it, and only people in a
 * meeting record its outcome.
 */
export function canB2b(actor: Actor | null, action: B2bAction, r: B2bResource): boolean {
  if (!actor) return false;
  if (action === 'manage') return isOrganiser(actor, r.event.id);
  const reg = r.registration;
  const confirmed = !!reg && reg.status === 'confirmed';
  if (action === 'browse') return confirmed || isOrganiser(actor, r.event.id);
  if (!confirmed) return false;
  switch (action) {
    case 'opt_in':
    case 'block_slots':
      return true;
    case 'request':
      return !!r.optedIn;
    case 'respond':
      return !!r.request && r.request.addresseeId === reg.id;
    case 'withdraw':
      return !!r.request && r.request.requesterId === reg.id;
    case 'answer_team':
      return !!r.request && (r.request.invitedIds ?? []).includes(reg.id);
    case 'leave':
      return (
        !!r.request &&
        (r.request.requesterId === reg.id ||
          r.request.addresseeId === reg.id ||
          (r.request.invitedIds ?? r.request.memberIds).includes(reg.id))
      );
    case 'record_outcome':
      return (
        !!r.request &&
        (r.request.requesterId === reg.id ||
          r.request.addresseeId === reg.id ||
          r.request.memberIds.includes(reg.id))
      );
  }
  return false;
}
