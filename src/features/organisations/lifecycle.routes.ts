import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { reasonBody, reviewQueueSchema } from './lifecycle.schemas.ts';
import type { LifecycleService } from './lifecycle.service.ts';
import { organisationParams, organisationSchema } from './organisations.schemas.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export function lifecycleRoutes(app: FastifyInstance, deps: { lifecycle: LifecycleService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Directory'];
  r.post('/api/v1/organisations/:id/submit', {
    schema: {
      operationId: 'submitOrganisation',
      tags,
      summary: 'Submit a draft (or rejected) profile for validation (organisation admins)',
      params: organisationParams,
      response: { 200: organisationSchema, ...errors },
    },
    handler: async (req) => deps.lifecycle.submit(req.actor, req.params.id),
  });
  r.post('/api/v1/organisations/:id/publish', {
    schema: {
      operationId: 'publishOrganisation',
      tags,
      summary: 'Publish a submitted profile (platform administrators)',
      params: organisationParams,
      response: { 200: organisationSchema, ...errors },
    },
    handler: async (req) => deps.lifecycle.publish(req.actor, req.params.id),
  });
  r.post('/api/v1/organisations/:id/reject', {
    schema: {
      operationId: 'rejectOrganisation',
      tags,
      summary: 'Send a submitted profile back with a reason (platform administrators)',
      params: organisationParams,
      body: reasonBody,
      response: { 200: organisationSchema, ...errors },
    },
    handler: async (req) => deps.lifecycle.reject(req.actor, req.params.id, req.body.reason),
  });
  r.get('/api/v1/review-queue', {
    schema: {
      operationId: 'getReviewQueue',
      tags,
      summary: 'Submitted profiles and pending claims, oldest first (platform administrators)',
      response: { 200: reviewQueueSchema, 401: errorBodySchema, 403: errorBodySchema },
    },
    handler: async (req) => deps.lifecycle.queue(req.actor),
  });
}
