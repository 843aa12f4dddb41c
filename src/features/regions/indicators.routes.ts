import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema, forbidden, unauthenticated } from '../../server/http/errors.ts';
import {
  indicatorImportReportSchema,
  indicatorListSchema,
  indicatorParams,
  indicatorValuesQuery,
  indicatorValuesSchema,
  regionIndicatorsSchema,
} from './indicators.schemas.ts';
import type { IndicatorsService } from './indicators.service.ts';
import { regionParams } from './regions.schemas.ts';

const MB = 1024 * 1024;
const IMPORT_LIMIT = 50 * MB;

async function onlyAdministrators(req: FastifyRequest) {
  if (!req.actor) throw unauthenticated();
  if (!req.actor.isAdmin) throw forbidden('Only platform administrators can import indicators');
}

export async function indicatorsRoutes(app: FastifyInstance, deps: { indicators: IndicatorsService }) {
  await app.register(async (scope) => {
    // The import takes the file itself as the body, as `curl --data-binary @file.csv` sends it.
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: IMPORT_LIMIT },
      (_req, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['Regions'];
    r.get('/api/v1/indicators', {
      schema: {
        operationId: 'listIndicators',
        tags,
        summary: 'The regional indicators and the sources of their figures',
        description: 'Each indicator with its unit, dimension, how many areas and which years it covers.',
        response: { 200: indicatorListSchema },
      },
      handler: () => deps.indicators.catalogue(),
    });
    r.get('/api/v1/indicators/:id/values', {
      schema: {
        operationId: 'getIndicatorValues',
        tags,
        summary: 'One indicator across regions (for a map or a ranking)',
        description:
          'The figures of one NUTS level, optionally of one country, for a year or (by default) each region’s latest year, with the rank among regions of the same year (1 = highest).',
        params: indicatorParams,
        querystring: indicatorValuesQuery,
        response: { 200: indicatorValuesSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
      handler: (req) => deps.indicators.across(req.params.id, req.query),
    });
    r.get('/api/v1/regions/:code/indicators', {
      schema: {
        operationId: 'getRegionIndicators',
        tags,
        summary: 'A region’s indicators with its country’s, the EU’s and its rank',
        description: 'Every figure names its year and source; missing figures are absent, never estimated.',
        params: regionParams,
        response: { 200: regionIndicatorsSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
      handler: (req) => deps.indicators.forRegion(req.params.code),
    });
    r.post('/api/v1/indicators/import', {
      onRequest: onlyAdministrators,
      bodyLimit: IMPORT_LIMIT,
      schema: {
        operationId: 'importIndicators',
        tags,
        summary: 'Import indicator figures from a long CSV (platform administrators)',
        description:
          'Body: the CSV (text/csv), columns nuts_code, indicator, year, value, unit, source (docs/formats/region-indicators.md). Idempotent; good rows are written, refused rows are reported with their line. ?dryRun=true checks and counts without writing.',
        consumes: ['text/csv'],
        querystring: z.object({ dryRun: z.stringbool().default(false) }),
        body: z.string().min(1, 'Send the CSV file as the request body (Content-Type: text/csv)'),
        response: {
          200: indicatorImportReportSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          413: errorBodySchema,
          415: errorBodySchema,
        },
      },
      handler: (req) => deps.indicators.import(req.body, req.query.dryRun),
    });
  });
}
