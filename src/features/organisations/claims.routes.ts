import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { claimBody, claimParams, claimSchema } from './claims.schemas.ts';
import type { ClaimsService } from './claims.service.ts';
import { reasonBody } from './lifecycle.schemas.ts';
import { organisationParams } from './organisations.schemas.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export function claimsRoutes(app: FastifyInstance, deps: { claims: ClaimsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Directory'];
  r.post('/api/v1/organisations/:id/claims', {
    schema: {
      operationId: 'claimOrganisation',
      tags,
      summary: 'Ask to run a published profile; a platform administrator decides',
      params: organisationParams,
      body: claimBody,
      response: { 201: claimSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await deps.claims.create(req.actor, req.params.id, req.body.message)),
  });
  r.post('/api/v1/claims/:id/approve', {
    schema: {
      operationId: 'approveClaim',
      tags,
      summary: 'Approve a claim: the claimant becomes an admin of the organisation (platform administrators)',
      params: claimParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deps.claims.approve(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  });
  r.post('/api/v1/claims/:id/reject', {
    schema: {
      operationId: 'rejectClaim',
      tags,
      summary: 'Reject a claim with a reason (platform administrators)',
      params: claimParams,
      body: reasonBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deps.claims.reject(req.actor, req.params.id, req.body.reason);
      return reply.status(204).send(null);
    },
  });
}
