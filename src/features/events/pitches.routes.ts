import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPrivateFile } from '../../server/http/download.ts';
import { errorBodySchema } from '../../server/http/errors.ts';
import { readPdfUpload, registerPdfMultipart } from '../calls/pdf-upload.ts';
import { eventParams } from './events.schemas.ts';
import {
  createPitchBody,
  juryListSchema,
  pitchCallSchema,
  pitchDecisionBody,
  pitchListSchema,
  pitchParams,
  pitchPlacementBody,
  pitchSchema,
  putPitchCallBody,
  scorePitchBody,
  updatePitchBody,
} from './pitches.schemas.ts';
import type { PitchesService } from './pitches.service.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export function pitchesRoutes(app: FastifyInstance, deps: { pitches: PitchesService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Pitches'];
  r.get('/api/v1/events/:id/pitch-call', {
    schema: {
      operationId: 'getPitchCall',
      tags,
      summary: 'The event’s pitch call for start-ups and projects',
      params: eventParams,
      response: { 200: pitchCallSchema, ...errors },
    },
    handler: async (req) => deps.pitches.call(req.actor, req.params.id),
  });
  r.put('/api/v1/events/:id/pitch-call', {
    schema: {
      operationId: 'putPitchCall',
      tags,
      summary: 'Open or edit the pitch call: description, criteria, open and close dates (organisers)',
      params: eventParams,
      body: putPitchCallBody,
      response: { 200: pitchCallSchema, ...errors },
    },
    handler: async (req) => deps.pitches.putCall(req.actor, req.params.id, req.body),
  });
  r.get('/api/v1/events/:id/pitches', {
    schema: {
      operationId: 'listAcceptedPitches',
      tags,
      summary: 'Accepted pitches, in agenda order',
      params: eventParams,
      response: { 200: pitchListSchema, ...errors },
    },
    handler: async (req) => deps.pitches.accepted(req.actor, req.params.id),
  });
  r.get('/api/v1/events/:id/pitches/mine', {
    schema: {
      operationId: 'listMyPitches',
      tags,
      summary: 'The caller’s own submissions, in every status',
      params: eventParams,
      response: { 200: pitchListSchema, ...errors },
    },
    handler: async (req) => deps.pitches.mine(req.actor, req.params.id),
  });
  r.get('/api/v1/events/:id/pitches/jury', {
    schema: {
      operationId: 'listPitchesForJury',
      tags,
      summary:
        'Submissions with the caller’s scores (jurors and organisers); organisers also get the ranking and the pitching sessions',
      params: eventParams,
      response: { 200: juryListSchema, ...errors },
    },
    handler: async (req) => deps.pitches.jury(req.actor, req.params.id),
  });
  r.post('/api/v1/events/:id/pitches', {
    schema: {
      operationId: 'submitPitch',
      tags,
      summary: 'Submit a start-up or project pitch while the call is open',
      params: eventParams,
      body: createPitchBody,
      response: { 201: pitchSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await deps.pitches.submit(req.actor, req.params.id, req.body)),
  });
  r.get('/api/v1/pitches/:id', {
    schema: {
      operationId: 'getPitch',
      tags,
      summary: 'A pitch (accepted ones publicly; others for the submitter and the jury)',
      params: pitchParams,
      response: { 200: pitchSchema, ...errors },
    },
    handler: async (req) => deps.pitches.pitch(req.actor, req.params.id),
  });
  r.patch('/api/v1/pitches/:id', {
    schema: {
      operationId: 'updatePitch',
      tags,
      summary: 'Edit one’s own pitch until the call closes',
      params: pitchParams,
      body: updatePitchBody,
      response: { 200: pitchSchema, ...errors },
    },
    handler: async (req) => deps.pitches.update(req.actor, req.params.id, req.body),
  });
  r.post('/api/v1/pitches/:id/withdraw', {
    schema: {
      operationId: 'withdrawPitch',
      tags,
      summary: 'Withdraw one’s own pitch until the call closes',
      params: pitchParams,
      response: { 200: pitchSchema, ...errors },
    },
    handler: async (req) => deps.pitches.withdraw(req.actor, req.params.id),
  });
  r.put('/api/v1/pitches/:id/score', {
    schema: {
      operationId: 'scorePitch',
      tags,
      summary: 'Score a pitch against every criterion, 0..10 (jurors and organisers; not one’s own)',
      params: pitchParams,
      body: scorePitchBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deps.pitches.score(req.actor, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  });
  r.post('/api/v1/pitches/:id/decision', {
    schema: {
      operationId: 'decidePitch',
      tags,
      summary: 'Accept or reject a pitch, or undo the decision (organisers)',
      params: pitchParams,
      body: pitchDecisionBody,
      response: { 200: pitchSchema, ...errors },
    },
    handler: async (req) => deps.pitches.decide(req.actor, req.params.id, req.body.status),
  });
  r.put('/api/v1/pitches/:id/placement', {
    schema: {
      operationId: 'placePitch',
      tags,
      summary: 'Place an accepted pitch in a pitching session of the agenda, at a position (organisers)',
      params: pitchParams,
      body: pitchPlacementBody,
      response: { 200: pitchSchema, ...errors },
    },
    handler: async (req) => deps.pitches.place(req.actor, req.params.id, req.body),
  });
  r.get('/api/v1/pitches/:id/deck', {
    schema: {
      operationId: 'getPitchDeck',
      tags,
      summary: 'The pitch deck (PDF; the submitter, the jury and the organisers)',
      params: pitchParams,
      response: { 200: z.string().meta({ format: 'binary' }).describe('application/pdf'), ...errors },
    },
    handler: async (req, reply) => {
      const file = await deps.pitches.deck(req.actor, req.params.id);
      return sendPrivateFile(reply, {
        bytes: file.bytes,
        fileName: file.file_name ?? 'pitch-deck.pdf',
        type: 'application/pdf',
      });
    },
  });

  app.register(async (scope) => {
    await registerPdfMultipart(scope);
    scope.withTypeProvider<ZodTypeProvider>().put('/api/v1/pitches/:id/deck', {
      schema: {
        operationId: 'putPitchDeck',
        tags,
        summary: 'Upload the pitch deck (PDF up to 10 MB, multipart field "file") until the call closes',
        consumes: ['multipart/form-data'],
        params: pitchParams,
        response: { 200: pitchSchema, ...errors, 413: errorBodySchema },
      },
      handler: async (req) => {
        const { actor } = await deps.pitches.deckEditable(req.actor, req.params.id);
        return deps.pitches.putDeck(actor, req.params.id, await readPdfUpload(req));
      },
    });
  });
}
