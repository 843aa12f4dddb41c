import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPrivateFile } from '../../server/http/download.ts';
import { errorBodySchema } from '../../server/http/errors.ts';
import {
  applicationListSchema,
  applicationParams,
  applicationSchema,
  callParams,
  createApplicationBody,
  createCallBody,
  hostCallListSchema,
  hostCallSchema,
  listCallsQuery,
  rankingSchema,
  reviewBody,
  selectionSchema,
  updateApplicationBody,
  updateCallBody,
} from './calls.schemas.ts';
import type { CallsService } from './calls.service.ts';
import { readPdfUpload, registerPdfMultipart } from './pdf-upload.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export function callsRoutes(app: FastifyInstance, deps: { calls: CallsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Calls'];
  r.get('/api/v1/calls', {
    schema: {
      operationId: 'listHostCalls',
      tags,
      summary: 'Calls for host regions (open ones by default)',
      querystring: listCallsQuery,
      response: { 200: hostCallListSchema, ...errors },
    },
    handler: async (req) => deps.calls.list(req.actor, req.query.status),
  });
  r.post('/api/v1/calls', {
    schema: {
      operationId: 'createHostCall',
      tags,
      summary: 'Open a call for host regions (platform administrators)',
      body: createCallBody,
      response: { 201: hostCallSchema, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await deps.calls.create(req.actor, req.body)),
  });
  r.get('/api/v1/calls/:id', {
    schema: {
      operationId: 'getHostCall',
      tags,
      summary: 'A call, with the organisations the caller may apply for',
      params: callParams,
      response: { 200: hostCallSchema, ...errors },
    },
    handler: async (req) => deps.calls.get(req.actor, req.params.id),
  });
  r.patch('/api/v1/calls/:id', {
    schema: {
      operationId: 'updateHostCall',
      tags,
      summary: 'Edit a call (platform administrators); criteria keys are fixed once reviews exist',
      params: callParams,
      body: updateCallBody,
      response: { 200: hostCallSchema, ...errors },
    },
    handler: async (req) => deps.calls.update(req.actor, req.params.id, req.body),
  });
  r.get('/api/v1/calls/:id/applications', {
    schema: {
      operationId: 'rankHostApplications',
      tags,
      summary: 'All applications with their reviews, ranked by weighted score (platform administrators)',
      params: callParams,
      response: { 200: rankingSchema, ...errors },
    },
    handler: async (req) => deps.calls.ranking(req.actor, req.params.id),
  });
  r.get('/api/v1/calls/:id/applications/mine', {
    schema: {
      operationId: 'listMyHostApplications',
      tags,
      summary: 'The caller’s applications to the call (made by them or by organisations they administer)',
      params: callParams,
      response: { 200: applicationListSchema, ...errors },
    },
    handler: async (req) => deps.calls.mine(req.actor, req.params.id),
  });
  r.post('/api/v1/calls/:id/applications', {
    schema: {
      operationId: 'applyToHostCall',
      tags,
      summary:
        'Apply on behalf of an organisation you administer (public authority, cluster, innovation hub or association) before the deadline',
      params: callParams,
      body: createApplicationBody,
      response: { 201: applicationSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await deps.calls.apply(req.actor, req.params.id, req.body)),
  });
  r.get('/api/v1/call-applications/:id', {
    schema: {
      operationId: 'getHostApplication',
      tags,
      summary: 'An application (its applicant side and platform administrators)',
      params: applicationParams,
      response: { 200: applicationSchema, ...errors },
    },
    handler: async (req) => deps.calls.application(req.actor, req.params.id),
  });
  r.patch('/api/v1/call-applications/:id', {
    schema: {
      operationId: 'updateHostApplication',
      tags,
      summary: 'Edit an application until the call’s deadline (its applicant side)',
      params: applicationParams,
      body: updateApplicationBody,
      response: { 200: applicationSchema, ...errors },
    },
    handler: async (req) => deps.calls.updateApplication(req.actor, req.params.id, req.body),
  });
  r.post('/api/v1/call-applications/:id/withdraw', {
    schema: {
      operationId: 'withdrawHostApplication',
      tags,
      summary: 'Withdraw an application until the call’s deadline (its applicant side)',
      params: applicationParams,
      response: { 200: applicationSchema, ...errors },
    },
    handler: async (req) => deps.calls.withdraw(req.actor, req.params.id),
  });
  r.put('/api/v1/call-applications/:id/review', {
    schema: {
      operationId: 'reviewHostApplication',
      tags,
      summary:
        'Score an application against every criterion, 0..10, with a comment (platform administrators)',
      params: applicationParams,
      body: reviewBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deps.calls.review(req.actor, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  });
  r.post('/api/v1/call-applications/:id/select', {
    schema: {
      operationId: 'selectHostApplication',
      tags,
      summary:
        'Select an application: creates a draft "Clusters meet Regions" event in the host region, with the applicant as organiser',
      params: applicationParams,
      response: { 201: selectionSchema, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await deps.calls.select(req.actor, req.params.id)),
  });
  r.get('/api/v1/call-applications/:id/letter', {
    schema: {
      operationId: 'getHostApplicationLetter',
      tags,
      summary: 'The letter of support (PDF; the applicant side and platform administrators)',
      params: applicationParams,
      response: {
        200: z.string().meta({ format: 'binary' }).describe('application/pdf'),
        ...errors,
      },
    },
    handler: async (req, reply) => {
      const file = await deps.calls.letter(req.actor, req.params.id);
      return sendPrivateFile(reply, {
        bytes: file.bytes,
        fileName: file.file_name ?? 'letter-of-support.pdf',
        type: 'application/pdf',
      });
    },
  });

  // In its own scope, so the multipart parser and its limits concern this route only.
  app.register(async (scope) => {
    await registerPdfMultipart(scope);
    scope.withTypeProvider<ZodTypeProvider>().put('/api/v1/call-applications/:id/letter', {
      schema: {
        operationId: 'putHostApplicationLetter',
        tags,
        summary: 'Upload the letter of support (PDF up to 10 MB, multipart field "file") until the deadline',
        consumes: ['multipart/form-data'],
        params: applicationParams,
        response: { 200: applicationSchema, ...errors, 413: errorBodySchema },
      },
      handler: async (req) => {
        const { actor } = await deps.calls.letterEditable(req.actor, req.params.id);
        return deps.calls.putLetter(actor, req.params.id, await readPdfUpload(req));
      },
    });
  });
}
