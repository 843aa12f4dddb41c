import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { organisationParams, organisationSchema, updateOrganisationBody } from './organisations.schemas.ts';
import type { OrganisationsService } from './organisations.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function organisationsRoutes(
  app: FastifyInstance,
  deps: { organisations: OrganisationsService },
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
  r.patch('/api/v1/organisations/:id', {
    schema: {
      operationId: 'updateOrganisation',
      tags,
      summary: 'Edit a profile (organisation admins and platform administrators)',
      params: organisationParams,
      body: updateOrganisationBody,
      response: { 200: organisationSchema, ...errors },
    },
    handler: async (req) => deps.organisations.update(req.actor, req.params.id, req.body),
  });
}
