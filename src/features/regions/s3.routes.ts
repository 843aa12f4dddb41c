import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { regionParams } from './regions.schemas.ts';
import {
  createS3PriorityBody,
  editorListSchema,
  editorParams,
  editorSchema,
  grantEditorBody,
  priorityParams,
  s3PriorityListSchema,
  s3PrioritySchema,
  updateS3PriorityBody,
} from './s3.schemas.ts';
import type { S3Service } from './s3.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function s3Routes(app: FastifyInstance, deps: { s3: S3Service }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Regions'];
  const s = deps.s3;

  r.get('/api/v1/regions/:code/s3-priorities', {
    schema: {
      operationId: 'listRegionS3Priorities',
      tags,
      summary: 'A region’s Smart Specialisation (S3) priorities, in their order',
      description:
        'Public. Written by the region’s editors and platform administrators; canEdit says whether the caller may change them.',
      params: regionParams,
      response: { 200: s3PriorityListSchema, 400: errorBodySchema, 404: errorBodySchema },
    },
    handler: (req) => s.list(req.actor, req.params.code),
  });
  r.post('/api/v1/regions/:code/s3-priorities', {
    schema: {
      operationId: 'createRegionS3Priority',
      tags,
      summary: 'Add an S3 priority (the region’s editors, platform administrators)',
      description:
        'Appended after the last one unless a position is given. The description is plain text (no HTML); NACE codes must exist in NACE Rev. 2.1.',
      params: regionParams,
      body: createS3PriorityBody,
      response: { 201: s3PrioritySchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.create(req.actor, req.params.code, req.body)),
  });
  r.patch('/api/v1/regions/:code/s3-priorities/:id', {
    schema: {
      operationId: 'updateRegionS3Priority',
      tags,
      summary: 'Change an S3 priority (the region’s editors, platform administrators)',
      params: priorityParams,
      body: updateS3PriorityBody,
      response: { 200: s3PrioritySchema, ...errors },
    },
    handler: (req) => s.update(req.actor, req.params.code, req.params.id, req.body),
  });
  r.delete('/api/v1/regions/:code/s3-priorities/:id', {
    schema: {
      operationId: 'deleteRegionS3Priority',
      tags,
      summary: 'Remove an S3 priority (the region’s editors, platform administrators)',
      params: priorityParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await s.remove(req.actor, req.params.code, req.params.id);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/regions/:code/editors', {
    schema: {
      operationId: 'listRegionEditors',
      tags,
      summary: 'The region’s editors (platform administrators)',
      params: regionParams,
      response: { 200: editorListSchema, ...errors },
    },
    handler: (req) => s.editors(req.actor, req.params.code),
  });
  r.post('/api/v1/regions/:code/editors', {
    schema: {
      operationId: 'grantRegionEditor',
      tags,
      summary: 'Make an existing account an editor of the region (platform administrators)',
      description: 'Idempotent: granting again keeps the first grant. Unknown e-mail addresses answer 400.',
      params: regionParams,
      body: grantEditorBody,
      response: { 201: editorSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.grant(req.actor, req.params.code, req.body.email)),
  });
  r.delete('/api/v1/regions/:code/editors/:userId', {
    schema: {
      operationId: 'revokeRegionEditor',
      tags,
      summary: 'Remove an editor of the region (platform administrators)',
      params: editorParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await s.revoke(req.actor, req.params.code, req.params.userId);
      return reply.status(204).send(null);
    },
  });
}
