import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { outboxListSchema, outboxQuery } from './outbox.schemas.ts';
import type { OutboxService } from './outbox.service.ts';

export function outboxRoutes(app: FastifyInstance, deps: { outbox: OutboxService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/admin/outbox', {
    schema: {
      operationId: 'listOutbox',
      tags: ['Administration'],
      summary: 'Every e-mail the platform wrote, newest first (platform administrators)',
      querystring: outboxQuery,
      response: { 200: outboxListSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
    },
    handler: async (req) => deps.outbox.list(req.actor, req.query),
  });
}
