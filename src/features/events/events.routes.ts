import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import {
  addEventMemberBody,
  createEventBody,
  eventListSchema,
  eventParams,
  eventSchema,
  listEventsQuery,
  updateEventBody,
} from './events.schemas.ts';
import type { EventsService } from './events.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function eventsRoutes(app: FastifyInstance, deps: { events: EventsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Events'];
  r.get('/api/v1/events', {
    schema: {
      operationId: 'listEvents',
      tags,
      summary: 'Upcoming and past events',
      querystring: listEventsQuery,
      response: { 200: eventListSchema, ...errors },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return deps.events.list(req.actor, f, page, pageSize);
    },
  });
  r.get('/api/v1/events/:id', {
    schema: {
      operationId: 'getEvent',
      tags,
      summary: 'An event, by id or slug',
      params: eventParams,
      response: { 200: eventSchema, ...errors },
    },
    handler: async (req) => deps.events.get(req.actor, req.params.id),
  });
  r.post('/api/v1/events', {
    schema: {
      operationId: 'createEvent',
      tags,
      summary: 'Create an event (platform administrators)',
      body: createEventBody,
      response: { 201: eventSchema, ...errors },
    },
    handler: async (req, reply) => reply.status(201).send(await deps.events.create(req.actor, req.body)),
  });
  r.patch('/api/v1/events/:id', {
    schema: {
      operationId: 'updateEvent',
      tags,
      summary: 'Edit an event (its organisers)',
      params: eventParams,
      body: updateEventBody,
      response: { 200: eventSchema, ...errors },
    },
    handler: async (req) => deps.events.update(req.actor, req.params.id, req.body),
  });
  r.post('/api/v1/events/:id/members', {
    schema: {
      operationId: 'addEventMember',
      tags,
      summary: 'Make a user an organiser or participant of the event',
      params: eventParams,
      body: addEventMemberBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deps.events.addMember(req.actor, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  });
}
