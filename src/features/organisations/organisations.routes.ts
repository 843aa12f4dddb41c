import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { changesRoutes } from './changes.routes.ts';
import { claimsRoutes } from './claims.routes.ts';
import { lifecycleRoutes } from './lifecycle.routes.ts';
import { logoRoutes } from './logo.routes.ts';
import { membershipRoutes } from './membership.routes.ts';
import { naceRoutes } from './nace.routes.ts';
import {
  createOrganisationBody,
  organisationParams,
  organisationSchema,
  updateOrganisationBody,
} from './organisations.schemas.ts';
import type { OrganisationsService } from './organisations.service.ts';
import type { ProfileServices } from './profile.services.ts';
import { userInvitationsRoutes } from './user-invitations.routes.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function organisationsRoutes(
  app: FastifyInstance,
  deps: { organisations: OrganisationsService; profiles: ProfileServices },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Directory'];
  r.get('/api/v1/organisations/:id', {
    schema: {
      operationId: 'getOrganisation',
      tags,
      summary: 'An organisation profile, by id or slug',
      params: organisationParams,
      response: { 200: organisationSchema, ...errors },
    },
    handler: async (req) => deps.organisations.get(req.actor, req.params.id),
  });
  r.post('/api/v1/organisations', {
    schema: {
      operationId: 'createOrganisation',
      tags,
      summary: 'Add an organisation: a draft run by its creator until a platform administrator publishes it',
      body: createOrganisationBody,
      response: { 201: organisationSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await deps.organisations.create(req.actor, req.body)),
  });
  r.patch('/api/v1/organisations/:id', {
    schema: {
      operationId: 'updateOrganisation',
      tags,
      summary: 'Edit a profile (organisation admins and platform administrators); every change is logged',
      params: organisationParams,
      body: updateOrganisationBody,
      response: { 200: organisationSchema, ...errors },
    },
    handler: async (req) => deps.organisations.update(req.actor, req.params.id, req.body),
  });

  lifecycleRoutes(app, deps.profiles);
  claimsRoutes(app, deps.profiles);
  membershipRoutes(app, deps.profiles);
  userInvitationsRoutes(app, deps.profiles);
  changesRoutes(app, deps.profiles);
  logoRoutes(app, deps.profiles);
  naceRoutes(app, deps.profiles);
}
