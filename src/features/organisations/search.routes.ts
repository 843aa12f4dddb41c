import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import {
  directoryFilterQuery,
  exportOrganisationsQuery,
  listOrganisationsQuery,
  organisationListSchema,
  organisationMapSchema,
} from './search.schemas.ts';
import type { SearchService } from './search.service.ts';

const errors = { 400: errorBodySchema };

/** Directory search: the list with facets, the map's counts per region, and the export of any result. */
export function searchRoutes(app: FastifyInstance, deps: { search: SearchService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Directory'];
  r.get('/api/v1/organisations', {
    schema: {
      operationId: 'listOrganisations',
      tags,
      summary: 'Search the directory, with facet counts',
      description:
        'Filters that repeat (type=cluster&type=university) match any of their values; different filters must all match. Facet counts apply every filter except the facet’s own.',
      querystring: listOrganisationsQuery,
      response: { 200: organisationListSchema, ...errors },
    },
    handler: async (req) => deps.search.list(req.query),
  });
  r.get('/api/v1/organisations/map', {
    schema: {
      operationId: 'mapOrganisations',
      tags,
      summary: 'Matching organisations per NUTS 2 region and per country (same filters as the list)',
      querystring: directoryFilterQuery,
      response: { 200: organisationMapSchema, ...errors },
    },
    handler: async (req) => deps.search.map(req.query),
  });
  r.get('/api/v1/organisations/export', {
    schema: {
      operationId: 'exportOrganisations',
      tags,
      summary: 'Download the filtered directory as CSV or JSON (the exchange format)',
      description:
        'Columns of docs/formats/organisations.md. CSV is UTF-8 with a byte order mark; lists are separated by ";". Managers’ e-mail addresses are exported to platform administrators only.',
      querystring: exportOrganisationsQuery,
      response: {
        200: z.string().describe('CSV text, or a JSON array of objects, as an attachment'),
        ...errors,
      },
    },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const { format, ...query } = req.query;
      const chunks = await deps.search.exportFile(req.actor, query, format);
      const day = new Date().toISOString().slice(0, 10);
      const stream = Readable.from(chunks);
      stream.on('error', (err) => req.log.error({ err }, 'export failed while streaming'));
      return reply
        .header(
          'content-type',
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="nexum-organisations-${day}.${format}"`)
        .header('cache-control', 'no-store')
        .send(stream as unknown as string);
    },
  });
}
