import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import {
  acceptInvitationBody,
  addMemberBody,
  createdInvitationSchema,
  invitationBody,
  invitationListSchema,
  invitationParams,
  invitationPreviewSchema,
  invitationTokenParams,
  memberParams,
  organisationUserListSchema,
  userParams,
} from './membership.schemas.ts';
import type { MembershipService } from './membership.service.ts';
import { organisationParams, organisationSchema } from './organisations.schemas.ts';
import { setRoleBody } from './user-invitations.schemas.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

/** A cluster's members and invitations; an organisation's users. */
export function membershipRoutes(app: FastifyInstance, deps: { membership: MembershipService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Directory'];
  const m = deps.membership;
  r.post('/api/v1/organisations/:id/members', {
    schema: {
      operationId: 'addClusterMember',
      tags,
      summary: 'Add an organisation of the directory to the cluster’s members (cluster admins)',
      params: organisationParams,
      body: addMemberBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await m.addMember(req.actor, req.params.id, req.body.memberId);
      return reply.status(204).send(null);
    },
  });
  r.delete('/api/v1/organisations/:id/members/:memberId', {
    schema: {
      operationId: 'removeClusterMember',
      tags,
      summary: 'Remove a member from the cluster (cluster admins)',
      params: memberParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await m.removeMember(req.actor, req.params.id, req.params.memberId);
      return reply.status(204).send(null);
    },
  });
  r.get('/api/v1/organisations/:id/invitations', {
    schema: {
      operationId: 'listClusterInvitations',
      tags,
      summary: 'The cluster’s invitations, newest first (cluster admins)',
      params: organisationParams,
      response: { 200: invitationListSchema, ...errors },
    },
    handler: async (req) => m.invitations(req.actor, req.params.id),
  });
  r.post('/api/v1/organisations/:id/invitations', {
    schema: {
      operationId: 'inviteClusterMember',
      tags,
      summary:
        'Invite an organisation not yet on Nexum; answers with the link to send (shown once, valid 30 days)',
      params: organisationParams,
      body: invitationBody,
      response: { 201: createdInvitationSchema, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await m.invite(req.actor, req.params.id, req.body)),
  });
  r.delete('/api/v1/organisations/:id/invitations/:invitationId', {
    schema: {
      operationId: 'withdrawClusterInvitation',
      tags,
      summary: 'Withdraw a pending invitation (cluster admins)',
      params: invitationParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await m.withdrawInvitation(req.actor, req.params.id, req.params.invitationId);
      return reply.status(204).send(null);
    },
  });
  r.get('/api/v1/invitations/:token', {
    schema: {
      operationId: 'getInvitation',
      tags,
      summary: 'What an invitation link offers (the token is the permission)',
      params: invitationTokenParams,
      response: { 200: invitationPreviewSchema, 400: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (req) => m.previewInvitation(req.params.token),
  });
  r.post('/api/v1/invitations/:token/accept', {
    schema: {
      operationId: 'acceptInvitation',
      tags,
      summary: 'Accept an invitation: creates the organisation as your draft, a member of the cluster',
      params: invitationTokenParams,
      body: acceptInvitationBody,
      response: { 201: organisationSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await m.acceptInvitation(req.actor, req.params.token, req.body)),
  });
  r.get('/api/v1/organisations/:id/users', {
    schema: {
      operationId: 'listOrganisationUsers',
      tags,
      summary: 'Who runs the organisation on Nexum (organisation admins)',
      params: organisationParams,
      response: { 200: organisationUserListSchema, ...errors },
    },
    handler: async (req) => m.users(req.actor, req.params.id),
  });
  r.patch('/api/v1/organisations/:id/users/:userId', {
    schema: {
      operationId: 'setOrganisationUserRole',
      tags,
      summary:
        'Change the role of someone who runs the organisation; the last admin stays admin (organisation admins). New people join by invitation',
      params: userParams,
      body: setRoleBody,
      response: { 200: organisationUserListSchema, ...errors },
    },
    handler: async (req) => m.setUserRole(req.actor, req.params.id, req.params.userId, req.body.role),
  });
  r.delete('/api/v1/organisations/:id/users/:userId', {
    schema: {
      operationId: 'removeOrganisationUser',
      tags,
      summary: 'Remove a user from the organisation; the last admin cannot be removed (organisation admins)',
      params: userParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await m.removeUser(req.actor, req.params.id, req.params.userId);
      return reply.status(204).send(null);
    },
  });
}
