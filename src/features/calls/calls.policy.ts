import type { Actor } from '../accounts/actor.ts';

export type CallAction = 'read' | 'manage' | 'review' | 'select';
export type ApplicationAction = 'read' | 'edit' | 'letter';

/**
 * Open and closed calls are public, drafts only for platform administrators, who alone create and edit
 * calls, score applications, see the ranking and select hosts.
 */
export function canCall(actor: Actor | null, action: CallAction, call?: { status: string }): boolean {
  if (action === 'read') return !!call && (call.status !== 'draft' || !!actor?.isAdmin);
  return !!actor?.isAdmin;
}

type ApplicationRef = { organisationId: string; applicantId: string | null };

/**
 * An application is the business of the user who made it, the current admins of the organisation it
 * speaks for, and platform administrators: they read it and download its letter of support. Editing and
 * withdrawing belong to the applicant side only (the service adds the deadline and status rules).
 */
export function canApplication(actor: Actor | null, action: ApplicationAction, app: ApplicationRef): boolean {
  if (!actor) return false;
  const applicantSide =
    app.applicantId === actor.userId || actor.organisationRoles.get(app.organisationId) === 'admin';
  if (action === 'edit') return applicantSide;
  return applicantSide || actor.isAdmin;
}
