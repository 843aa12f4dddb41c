import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import type { NaceService } from './nace.service.ts';
import { naceEntrySchema } from './organisations.schemas.ts';

/** Look-ups in the NACE Rev. 2.1 classification, for pickers and API clients. */
export function naceRoutes(app: FastifyInstance, deps: { nace: NaceService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/nace', {
    schema: {
      operationId: 'searchNace',
      tags: ['Directory'],
      summary: 'Find NACE Rev. 2.1 codes by code prefix or by words of their English or Italian name',
      querystring: z.object({
        q: z
          .string()
          .max(100)
          .default('')
          .describe('A code prefix (62, 10.1, C) or words; empty lists the sections'),
        limit: z.coerce.number().int().min(1).max(50).default(20),
      }),
      response: { 200: z.object({ items: z.array(naceEntrySchema) }), 400: errorBodySchema },
    },
    handler: async (req) => deps.nace.search(req.query.q, req.query.limit),
  });
}
