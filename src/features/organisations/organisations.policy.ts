import type { Actor } from '../accounts/actor.ts';

export type OrganisationAction = 'read' | 'update' | 'manage_members';

/** Published profiles are public; only the organisation's admins and platform administrators change them. */
export function canOrganisation(
  actor: Actor | null,
  action: OrganisationAction,
  org: { id: string; status: string },
): boolean {
  if (action === 'read') {
    if (org.status === 'published') return true;
    return !!actor && (actor.isAdmin || actor.organisationRoles.has(org.id));
  }
  if (!actor) return false;
  return actor.isAdmin || actor.organisationRoles.get(org.id) === 'admin';
}
