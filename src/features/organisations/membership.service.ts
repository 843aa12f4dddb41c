import type { OrganisationType } from '../../server/db/schema.ts';
import { badRequest, conflict, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { hashToken, newToken } from '../accounts/tokens.ts';
import type { MembershipRepo } from './membership.repo.ts';
import type { Invitation, OrganisationUser } from './membership.schemas.ts';
import { canOrganisation } from './organisations.policy.ts';
import type { Organisation } from './organisations.schemas.ts';
import { fieldError, type OrganisationsService, toOrganisationSummary } from './organisations.service.ts';

/** An invitation link works for 30 days. */
export const INVITATION_DAYS = 30;
const DAY = 86_400_000;

type InvitationRow = Awaited<ReturnType<MembershipRepo['invitations']>>[number];

function invitationStatus(createdAt: Date, acceptedAt: Date | string | null, now: number) {
  if (acceptedAt) return 'accepted' as const;
  return now - createdAt.getTime() > INVITATION_DAYS * DAY ? ('expired' as const) : ('pending' as const);
}

function toInvitation(r: InvitationRow, now = Date.now()): Invitation {
  return {
    id: r.id,
    email: r.email,
    organisationName: r.organisation_name,
    createdAt: r.created_at.toISOString(),
    expiresAt: new Date(r.created_at.getTime() + INVITATION_DAYS * DAY).toISOString(),
    status: invitationStatus(r.created_at, r.accepted_at, now),
    createdBy: r.created_by_name,
    member:
      r.member_id && r.member_slug && r.member_name && r.member_status
        ? { id: r.member_id, slug: r.member_slug, name: r.member_name, status: r.member_status }
        : null,
  };
}

export function membershipService(repo: MembershipRepo, organisations: OrganisationsService) {
  /** The cluster, if the actor may manage its members. */
  async function managedCluster(actor: Actor | null, idOrSlug: string) {
    if (!actor) throw unauthenticated();
    const cluster = await organisations.readable(actor, idOrSlug);
    if (!canOrganisation(actor, 'manage_members', cluster))
      throw forbidden('Only the cluster’s admins manage its members');
    if (cluster.type !== 'cluster') throw badRequest('Only cluster organisations have members');
    return { actor, cluster };
  }

  async function managedOrganisation(actor: Actor | null, idOrSlug: string) {
    if (!actor) throw unauthenticated();
    const o = await organisations.readable(actor, idOrSlug);
    if (!canOrganisation(actor, 'manage_users', o))
      throw forbidden('Only the organisation’s admins manage its users');
    return { actor, o };
  }

  async function listUsers(organisationId: string): Promise<{ items: OrganisationUser[] }> {
    const rows = await repo.users(organisationId);
    return {
      items: rows.map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        since: u.created_at.toISOString(),
      })),
    };
  }

  return {
    async addMember(actor: Actor | null, idOrSlug: string, memberId: string) {
      const { cluster, actor: a } = await managedCluster(actor, idOrSlug);
      if (memberId === cluster.id) throw fieldError('memberId', 'A cluster cannot be its own member');
      const member = await organisations.readable(a, memberId).catch(() => null);
      if (!member) throw fieldError('memberId', 'No organisation with this id');
      await repo.add(cluster, member, a.userId);
    },

    async removeMember(actor: Actor | null, idOrSlug: string, memberId: string) {
      const { cluster, actor: a } = await managedCluster(actor, idOrSlug);
      if (!(await repo.remove(cluster, memberId, a.userId))) throw notFound('Member');
    },

    async invite(actor: Actor | null, idOrSlug: string, input: { email: string; organisationName: string }) {
      const { cluster, actor: a } = await managedCluster(actor, idOrSlug);
      const { token, hash } = newToken();
      const row = await repo.createInvitation({
        clusterId: cluster.id,
        email: input.email,
        organisationName: input.organisationName,
        tokenHash: hash,
        createdBy: a.userId,
      });
      const invitation = toInvitation({
        ...row,
        member_slug: null,
        member_name: null,
        member_status: null,
        created_by_name: a.name,
      });
      return { ...invitation, token, path: `/invitations/${token}` };
    },

    async invitations(actor: Actor | null, idOrSlug: string): Promise<{ items: Invitation[] }> {
      const { cluster } = await managedCluster(actor, idOrSlug);
      const now = Date.now();
      return { items: (await repo.invitations(cluster.id)).map((r) => toInvitation(r, now)) };
    },

    async withdrawInvitation(actor: Actor | null, idOrSlug: string, invitationId: string) {
      const { cluster } = await managedCluster(actor, idOrSlug);
      if (!(await repo.deleteInvitation(cluster.id, invitationId))) throw notFound('Pending invitation');
    },

    /** What the invitation link shows before it is accepted; the token itself is the permission. */
    async previewInvitation(token: string) {
      const r = await repo.invitationByTokenHash(hashToken(token));
      if (!r) throw notFound('Invitation');
      return {
        cluster: toOrganisationSummary(r),
        organisationName: r.organisation_name,
        email: r.email,
        status: invitationStatus(r.invited_at, r.accepted_at, Date.now()),
        memberSlug: r.member_slug,
      };
    },

    /** Creates the invited organisation as a draft run by the user, linked to the cluster. */
    async acceptInvitation(
      actor: Actor | null,
      token: string,
      input: { name?: string | undefined; type: OrganisationType },
    ): Promise<Organisation> {
      if (!actor) throw unauthenticated();
      const r = await repo.invitationByTokenHash(hashToken(token));
      if (!r) throw notFound('Invitation');
      const status = invitationStatus(r.invited_at, r.accepted_at, Date.now());
      if (status === 'accepted') throw conflict('This invitation has already been accepted');
      if (status === 'expired') throw conflict('This invitation has expired: ask the cluster for a new one');
      const name = (input.name ?? r.organisation_name).trim();
      const row = await organisations.insertWithSlug(
        { name, type: input.type, status: 'draft', sample: false, created_by: actor.userId },
        actor.userId,
        { name: { before: null, after: name }, type: { before: null, after: input.type } },
        { id: r.invitation_id, clusterId: r.id },
      );
      if (!row) throw conflict('This invitation has already been accepted');
      const roles = new Map([...actor.organisationRoles, [row.id, 'admin' as const]]);
      return organisations.get({ ...actor, organisationRoles: roles }, row.id);
    },

    async users(actor: Actor | null, idOrSlug: string) {
      const { o } = await managedOrganisation(actor, idOrSlug);
      return listUsers(o.id);
    },

    /** Changes the role of someone who already runs the organisation; new people come by invitation. */
    async setUserRole(actor: Actor | null, idOrSlug: string, userId: string, role: 'admin' | 'member') {
      const { o, actor: a } = await managedOrganisation(actor, idOrSlug);
      const target = await repo.userById(userId);
      if (!target) throw notFound('User');
      const result = await repo.setUser(o.id, target, role, a.userId);
      if (result === 'not_found') throw notFound('User');
      if (result === 'last_admin') throw conflict('The organisation must keep at least one admin');
      return listUsers(o.id);
    },

    async removeUser(actor: Actor | null, idOrSlug: string, userId: string) {
      const { o, actor: a } = await managedOrganisation(actor, idOrSlug);
      const target = await repo.userById(userId);
      if (!target) throw notFound('User');
      const result = await repo.setUser(o.id, target, null, a.userId);
      if (result === 'not_found') throw notFound('User');
      if (result === 'last_admin') throw conflict('The organisation must keep at least one admin');
    },
  };
}
export type MembershipService = ReturnType<typeof membershipService>;
