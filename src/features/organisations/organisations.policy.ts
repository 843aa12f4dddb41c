import type { Actor } from '../accounts/actor.ts';

export type OrganisationAction =
  | 'read'
  | 'update'
  | 'manage_members'
  | 'manage_users'
  | 'invite_users'
  | 'view_changes'
  | 'submit'
  | 'review'
  | 'claim';

type OrganisationRef = { id: string; status: string };

/** The organisation's own admins and the platform administrators. */
function isEditor(actor: Actor | null, org: OrganisationRef): actor is Actor {
  return !!actor && (actor.isAdmin || actor.organisationRoles.get(org.id) === 'admin');
}

/**
 * Published profiles are public; drafts, submitted and rejected ones only for the organisation's people
 * and platform administrators. Its admins edit it, invite and manage its users and cluster members, read
 * its history and submit it for validation; only platform administrators publish or reject it. Anyone
 * signed in who does not already run a published organisation may claim it.
 */
export function canOrganisation(
  actor: Actor | null,
  action: OrganisationAction,
  org: OrganisationRef,
): boolean {
  switch (action) {
    case 'read':
      if (org.status === 'published') return true;
      return !!actor && (actor.isAdmin || actor.organisationRoles.has(org.id));
    case 'submit':
      return isEditor(actor, org) && (org.status === 'draft' || org.status === 'rejected');
    case 'review':
      return !!actor?.isAdmin && org.status === 'submitted';
    case 'claim':
      return (
        !!actor &&
        !actor.isAdmin &&
        org.status === 'published' &&
        actor.organisationRoles.get(org.id) !== 'admin'
      );
    case 'update':
    case 'manage_members':
    case 'manage_users':
    // Admins of a draft may invite too: they build the profile with their colleagues before submitting
    // it, and an invitation grants nothing until the invited person accepts.
    case 'invite_users':
    case 'view_changes':
      return isEditor(actor, org);
  }
}

/** Anyone signed in may add an organisation; it starts as a draft they administer. */
export function canCreateOrganisation(actor: Actor | null): actor is Actor {
  return !!actor;
}

/** The review queue, and deciding claims: platform administrators. */
export function canReviewDirectory(actor: Actor | null): actor is Actor {
  return !!actor?.isAdmin;
}
