import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import {
  createSessionBody,
  draftAgendaSchema,
  peopleSearchQuery,
  peopleSearchSchema,
  publishedAgendaSchema,
  putSessionPeopleBody,
  sessionParams,
  sessionSavedSchema,
  signupListSchema,
  signupSchema,
  updateSessionBody,
  versionListSchema,
  versionParams,
} from './agenda.schemas.ts';
import type { AgendaService } from './agenda.service.ts';
import { eventParams } from './events.schemas.ts';
import type { SignupsService } from './signups.service.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};

export function agendaRoutes(
  app: FastifyInstance,
  deps: { agenda: AgendaService; signups: SignupsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Agenda'];
  r.get('/api/v1/events/:id/agenda', {
    schema: {
      operationId: 'getAgenda',
      tags,
      summary: 'The published agenda (the last version) with what changed in it; empty before the first',
      params: eventParams,
      response: { 200: publishedAgendaSchema, ...errors },
    },
    handler: async (req) => deps.agenda.agenda(req.actor, req.params.id),
  });
  r.get('/api/v1/events/:id/agenda/versions', {
    schema: {
      operationId: 'listAgendaVersions',
      tags,
      summary: 'The published versions of the agenda, newest first',
      params: eventParams,
      response: { 200: versionListSchema, ...errors },
    },
    handler: async (req) => deps.agenda.versions(req.actor, req.params.id),
  });
  r.get('/api/v1/events/:id/agenda/versions/:version', {
    schema: {
      operationId: 'getAgendaVersion',
      tags,
      summary: 'One published version of the agenda with its changes',
      params: versionParams,
      response: { 200: publishedAgendaSchema, ...errors },
    },
    handler: async (req) => deps.agenda.version(req.actor, req.params.id, req.params.version),
  });
  r.get('/api/v1/events/:id/agenda/draft', {
    schema: {
      operationId: 'getAgendaDraft',
      tags,
      summary: 'The draft agenda with clash warnings and the changes publishing would make (organisers)',
      params: eventParams,
      response: { 200: draftAgendaSchema, ...errors },
    },
    handler: async (req) => deps.agenda.draft(req.actor, req.params.id),
  });
  r.get('/api/v1/events/:id/agenda/people', {
    schema: {
      operationId: 'searchAgendaPeople',
      tags,
      summary: 'Directory people by name, to place in sessions (organisers)',
      params: eventParams,
      querystring: peopleSearchQuery,
      response: { 200: peopleSearchSchema, ...errors },
    },
    handler: async (req) => deps.agenda.searchPeople(req.actor, req.params.id, req.query.q),
  });
  r.post('/api/v1/events/:id/agenda/publish', {
    schema: {
      operationId: 'publishAgenda',
      tags,
      summary: 'Publish the draft as the next version (organisers); 409 when nothing changed',
      params: eventParams,
      response: { 201: publishedAgendaSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await deps.agenda.publish(req.actor, req.params.id)),
  });
  r.post('/api/v1/events/:id/sessions', {
    schema: {
      operationId: 'createSession',
      tags,
      summary: 'Add a session to the draft agenda (organisers); answers the clashes it causes',
      params: eventParams,
      body: createSessionBody,
      response: { 201: sessionSavedSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await deps.agenda.createSession(req.actor, req.params.id, req.body)),
  });
  r.patch('/api/v1/events/:id/sessions/:sessionId', {
    schema: {
      operationId: 'updateSession',
      tags,
      summary: 'Edit a session of the draft agenda (organisers); answers the clashes it is part of',
      params: sessionParams,
      body: updateSessionBody,
      response: { 200: sessionSavedSchema, ...errors },
    },
    handler: async (req) =>
      deps.agenda.updateSession(req.actor, req.params.id, req.params.sessionId, req.body),
  });
  r.delete('/api/v1/events/:id/sessions/:sessionId', {
    schema: {
      operationId: 'deleteSession',
      tags,
      summary: 'Remove a session from the draft agenda (organisers)',
      params: sessionParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deps.agenda.deleteSession(req.actor, req.params.id, req.params.sessionId);
      return reply.status(204).send(null);
    },
  });
  r.put('/api/v1/events/:id/sessions/:sessionId/people', {
    schema: {
      operationId: 'setSessionPeople',
      tags,
      summary: 'Replace the people of a session, in order, each with a role (organisers)',
      params: sessionParams,
      body: putSessionPeopleBody,
      response: { 200: sessionSavedSchema, ...errors },
    },
    handler: async (req) =>
      deps.agenda.setPeople(req.actor, req.params.id, req.params.sessionId, req.body.people),
  });
  r.post('/api/v1/events/:id/sessions/:sessionId/signup', {
    schema: {
      operationId: 'signUpForSession',
      tags,
      summary:
        'Take a seat in a published session with a capacity (participants with a confirmed registration)',
      params: sessionParams,
      response: { 200: signupSchema, 201: signupSchema, ...errors },
    },
    handler: async (req, reply) => {
      const r = await deps.signups.signUp(req.actor, req.params.id, req.params.sessionId);
      return reply.status(r.created ? 201 : 200).send(r.body);
    },
  });
  r.delete('/api/v1/events/:id/sessions/:sessionId/signup', {
    schema: {
      operationId: 'withdrawFromSession',
      tags,
      summary: 'Give the caller’s seat back (nothing happens when they held none)',
      params: sessionParams,
      response: { 200: signupSchema, ...errors },
    },
    handler: async (req) => deps.signups.withdraw(req.actor, req.params.id, req.params.sessionId),
  });
  r.get('/api/v1/events/:id/sessions/:sessionId/signups', {
    schema: {
      operationId: 'listSessionSignups',
      tags,
      summary: 'Who signed up for a session (organisers)',
      params: sessionParams,
      response: { 200: signupListSchema, ...errors },
    },
    handler: async (req) => deps.signups.participants(req.actor, req.params.id, req.params.sessionId),
  });
}
