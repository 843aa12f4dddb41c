import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { eventParams } from './events.schemas.ts';
import {
  createLinkBody,
  createQuoteBody,
  eventSummaryPageSchema,
  itemParams,
  linkSchema,
  orderBody,
  putSummaryBody,
  quoteSchema,
  updateQuoteBody,
} from './summary.schemas.ts';
import type { SummaryService } from './summary.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function summaryRoutes(app: FastifyInstance, deps: { summaries: SummaryService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Event summaries'];
  const s = deps.summaries;
  r.get('/api/v1/events/:id/summary', {
    schema: {
      operationId: 'getEventSummary',
      tags,
      summary:
        'The summary after the event: article, quotes, gallery, links, participant statistics (empty until published, except for organisers)',
      params: eventParams,
      response: { 200: eventSummaryPageSchema, ...errors },
    },
    handler: async (req) => s.get(req.actor, req.params.id),
  });
  r.put('/api/v1/events/:id/summary', {
    schema: {
      operationId: 'putEventSummary',
      tags,
      summary: 'Write the article (HTML, sanitised) and publish or unpublish the summary (organisers)',
      params: eventParams,
      body: putSummaryBody,
      response: { 200: eventSummaryPageSchema, ...errors },
    },
    handler: async (req) => s.put(req.actor, req.params.id, req.body),
  });
  r.post('/api/v1/events/:id/summary/quotes', {
    schema: {
      operationId: 'createEventQuote',
      tags,
      summary: 'Add a quote attributed to a directory person, at the end of the list (organisers)',
      params: eventParams,
      body: createQuoteBody,
      response: { 201: quoteSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.addQuote(req.actor, req.params.id, req.body)),
  });
  r.patch('/api/v1/events/:id/summary/quotes/:itemId', {
    schema: {
      operationId: 'updateEventQuote',
      tags,
      summary: 'Edit a quote (organisers)',
      params: itemParams,
      body: updateQuoteBody,
      response: { 200: quoteSchema, ...errors },
    },
    handler: async (req) => s.updateQuote(req.actor, req.params.id, req.params.itemId, req.body),
  });
  r.delete('/api/v1/events/:id/summary/quotes/:itemId', {
    schema: {
      operationId: 'deleteEventQuote',
      tags,
      summary: 'Remove a quote (organisers)',
      params: itemParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await s.deleteQuote(req.actor, req.params.id, req.params.itemId);
      return reply.status(204).send(null);
    },
  });
  for (const what of ['quotes', 'photos'] as const) {
    r.put(`/api/v1/events/:id/summary/${what}/order`, {
      schema: {
        operationId: what === 'quotes' ? 'orderEventQuotes' : 'orderEventPhotos',
        tags,
        summary: `Put the ${what} in a new order (organisers; every ${what === 'quotes' ? 'quote' : 'photo'} once)`,
        params: eventParams,
        body: orderBody,
        response: { 200: eventSummaryPageSchema, ...errors },
      },
      handler: async (req) => s.reorder(req.actor, req.params.id, what, req.body.ids),
    });
  }
  r.post('/api/v1/events/:id/summary/links', {
    schema: {
      operationId: 'createEventLink',
      tags,
      summary: 'Add a recording or document link (https; organisers)',
      params: eventParams,
      body: createLinkBody,
      response: { 201: linkSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.addLink(req.actor, req.params.id, req.body)),
  });
  r.delete('/api/v1/events/:id/summary/links/:itemId', {
    schema: {
      operationId: 'deleteEventLink',
      tags,
      summary: 'Remove a link (organisers)',
      params: itemParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await s.deleteLink(req.actor, req.params.id, req.params.itemId);
      return reply.status(204).send(null);
    },
  });
}
