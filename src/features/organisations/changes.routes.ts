import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { changeListQuery, changeListSchema } from './changes.schemas.ts';
import type { ChangesService } from './changes.service.ts';
import { organisationParams } from './organisations.schemas.ts';

export function changesRoutes(app: FastifyInstance, deps: { changes: ChangesService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/organisations/:id/changes', {
    schema: {
      operationId: 'listOrganisationChanges',
      tags: ['Directory'],
      summary: 'Who changed what and when, newest first (organisation admins and platform administrators)',
      params: organisationParams,
      querystring: changeListQuery,
      response: {
        200: changeListSchema,
        400: errorBodySchema,
        401: errorBodySchema,
        403: errorBodySchema,
        404: errorBodySchema,
      },
    },
    handler: async (req) => deps.changes.list(req.actor, req.params.id, req.query.page, req.query.pageSize),
  });
}
