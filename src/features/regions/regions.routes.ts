import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { listRegionsQuery, regionListSchema, regionParams, regionSchema } from './regions.schemas.ts';
import type { RegionsService } from './regions.service.ts';

export function regionsRoutes(app: FastifyInstance, deps: { regions: RegionsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Regions'];
  r.get('/api/v1/regions', {
    schema: {
      operationId: 'listRegions',
      tags,
      summary: 'NUTS 2021 regions (levels 0–2)',
      querystring: listRegionsQuery,
      response: { 200: regionListSchema, 400: errorBodySchema },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return deps.regions.list(f, page, pageSize);
    },
  });
  r.get('/api/v1/regions/:code', {
    schema: {
      operationId: 'getRegion',
      tags,
      summary: 'A region with its parents, children, organisations and events',
      params: regionParams,
      response: { 200: regionSchema, 400: errorBodySchema, 404: errorBodySchema },
    },
    handler: async (req) => deps.regions.get(req.params.code),
  });
}
