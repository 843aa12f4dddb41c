import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { organisationParams } from './organisations.schemas.ts';
import {
  acceptedInvitationSchema,
  invitationLinkParams,
  invitationLinkSchema,
  invitationSentSchema,
  inviteUserBody,
  myInvitationListSchema,
  myInvitationParams,
  userInvitationListSchema,
  userInvitationParams,
} from './user-invitations.schemas.ts';
import type { UserInvitationsService } from './user-invitations.service.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** Invitations to run an organisation: sent by its admins, accepted with the e-mailed link's token by the invited account. */
export function userInvitationsRoutes(
  app: FastifyInstance,
  deps: { userInvitations: UserInvitationsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Directory'];
  const s = deps.userInvitations;
  r.post('/api/v1/organisations/:id/user-invitations', {
    schema: {
      operationId: 'inviteOrganisationUser',
      tags,
      summary:
        'Invite someone by e-mail to run the organisation as admin or member (organisation admins, drafts too). Always 202 with the same body, whether or not the address has an account or already runs it; nothing is granted until they accept. At most 50 pending invitations (409)',
      params: organisationParams,
      body: inviteUserBody,
      response: { 202: invitationSentSchema, ...errors },
    },
    handler: async (req, reply) => reply.status(202).send(await s.invite(req.actor, req.params.id, req.body)),
  });
  r.get('/api/v1/organisations/:id/user-invitations', {
    schema: {
      operationId: 'listOrganisationUserInvitations',
      tags,
      summary: 'The organisation’s pending invitations, newest first (organisation admins)',
      params: organisationParams,
      response: { 200: userInvitationListSchema, ...errors },
    },
    handler: async (req) => s.pending(req.actor, req.params.id),
  });
  r.delete('/api/v1/organisations/:id/user-invitations/:invitationId', {
    schema: {
      operationId: 'revokeOrganisationUserInvitation',
      tags,
      summary: 'Revoke a pending invitation: its link stops working (organisation admins)',
      params: userInvitationParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await s.revoke(req.actor, req.params.id, req.params.invitationId);
      return reply.status(204).send(null);
    },
  });
  r.get('/api/v1/me/organisation-invitations', {
    schema: {
      operationId: 'listMyOrganisationInvitations',
      tags,
      summary:
        'Pending invitations to run organisations addressed to your account’s e-mail, for information: accepting needs the e-mailed link (acceptOrganisationInvitation)',
      response: { 200: myInvitationListSchema, 401: errorBodySchema },
    },
    handler: async (req) => s.mine(req.actor),
  });
  r.post('/api/v1/me/organisation-invitations/:invitationId/decline', {
    schema: {
      operationId: 'declineOrganisationInvitation',
      tags,
      summary:
        'Decline a pending invitation addressed to your account’s e-mail (from the Account page or the link); nothing is granted. Accepting needs the link: see acceptOrganisationInvitation',
      params: myInvitationParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await s.decline(req.actor, req.params.invitationId);
      return reply.status(204).send(null);
    },
  });
  r.get('/api/v1/organisation-invitations/:token', {
    schema: {
      operationId: 'getOrganisationInvitationLink',
      tags,
      summary:
        'What an e-mailed invitation link is for (the organisation, role and invited address); reading it grants nothing',
      params: invitationLinkParams,
      response: { 200: invitationLinkSchema, 400: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (req) => s.link(req.params.token),
  });
  r.post('/api/v1/organisation-invitations/:token/accept', {
    schema: {
      operationId: 'acceptOrganisationInvitation',
      tags,
      summary:
        'Accept an invitation with the token of the e-mailed link, signed in with an account of the invited e-mail: you join the organisation with its role. The token proves the mailbox, since sign-up does not verify addresses; the invitation id is not enough. 404 for an unknown token, 403 when signed in with another e-mail, 409 when already accepted, declined, revoked or expired (details.status)',
      params: invitationLinkParams,
      response: { 200: acceptedInvitationSchema, ...errors },
    },
    handler: async (req) => s.accept(req.actor, req.params.token),
  });
}
