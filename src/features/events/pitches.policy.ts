import type { Actor } from '../accounts/actor.ts';

export type PitchAction = 'manage' | 'judge' | 'edit' | 'read' | 'deck';

type PitchRef = { eventId: string; submittedBy: string | null; status: string };

/**
 * The event's organisers (and platform administrators) run the pitch call: criteria, decisions,
 * placement in the agenda, the ranking. Jurors and organisers score. A submitter edits their own pitch
 * (the service adds the close date). Accepted pitches are public with their event; other submissions
 * and every deck stay between the submitter and the jury.
 */
export function canPitch(
  actor: Actor | null,
  action: PitchAction,
  eventId: string,
  pitch?: PitchRef,
): boolean {
  const role = actor?.eventRoles.get(eventId);
  const manages = !!actor && (actor.isAdmin || role === 'organiser');
  const judges = manages || role === 'juror';
  const submitter = !!actor && !!pitch && pitch.submittedBy === actor.userId;
  switch (action) {
    case 'manage':
      return manages;
    case 'judge':
      return judges;
    case 'edit':
      return submitter;
    case 'deck':
      return submitter || judges;
    case 'read':
      return pitch?.status === 'accepted' || submitter || (judges && pitch?.status !== 'withdrawn');
  }
}
