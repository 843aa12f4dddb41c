import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { listOrganisationsQuery, organisationListSchema } from './organisations.schemas.ts';
import type { OrganisationsService } from './organisations.service.ts';

const errors = { 400: errorBodySchema };

/** Directory search: the list with filters (and, with the directory issue, facets, map and export). */
export function searchRoutes(app: FastifyInstance, deps: { organisations: OrganisationsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Directory'];
  r.get('/api/v1/organisations', {
    schema: {
      operationId: 'listOrganisations',
      tags,
      summary: 'Search the directory',
      querystring: listOrganisationsQuery,
      response: { 200: organisationListSchema, ...errors },
    },
    handler: async (req) => {
      const { page, pageSize, sample, ...f } = req.query;
      return deps.organisations.list(
        { ...f, sample: sample === undefined ? undefined : sample === 'true' },
        page,
        pageSize,
      );
    },
  });
}
