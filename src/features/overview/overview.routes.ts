import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { overviewSchema } from './overview.schemas.ts';
import type { OverviewService } from './overview.service.ts';

export function overviewRoutes(app: FastifyInstance, deps: { overview: OverviewService }): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/overview', {
    schema: {
      operationId: 'getOverview',
      tags: ['Overview'],
      summary: 'Counts and the next and past events, for the home page',
      response: { 200: overviewSchema },
    },
    handler: async (req) => deps.overview.get(req.actor),
  });
}
