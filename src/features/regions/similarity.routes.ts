import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import type { CompareService } from './compare.service.ts';
import { regionParams } from './regions.schemas.ts';
import { compareQuery, comparisonSchema, similarQuery, similarRegionsSchema } from './similarity.schemas.ts';
import type { SimilarityService } from './similarity.service.ts';

const wantsCsv = (format: string | undefined, accept: string | undefined) =>
  format === 'csv' || (format === undefined && /\btext\/csv\b/.test(accept ?? ''));

export function similarityRoutes(
  app: FastifyInstance,
  deps: { similarity: SimilarityService; compare: CompareService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Regions'];
  r.get('/api/v1/regions/:code/similar', {
    schema: {
      operationId: 'getSimilarRegions',
      tags,
      summary: 'Regions like this one: the nearest regions of the same NUTS level, with reasons',
      description:
        'Each numeric indicator is standardised (z-score) over the regions of the level, each region’s latest year; ecosystems compare the shares of directory organisations (sample data left out) of regions with enough of them. A dimension’s distance is the root mean square of z differences over the figures both regions have (at least half of the dimension’s); the chosen dimensions count equally and an unknown one is left out, not counted as a match. Reasons name the closest figures with both values and years. Method and limits: docs/regions.md.',
      params: regionParams,
      querystring: similarQuery,
      response: {
        200: similarRegionsSchema.describe('The region, what was compared, and its peers nearest first'),
        400: errorBodySchema.describe('A dimension that does not exist, a repeated one, or a bad limit'),
        404: errorBodySchema.describe('No such region'),
      },
    },
    handler: (req) => deps.similarity.similar(req.params.code, req.query),
  });
  r.get('/api/v1/regions/compare', {
    schema: {
      operationId: 'compareRegions',
      tags,
      summary: 'Two to six regions side by side: every indicator, with years and sources',
      description:
        'Per indicator, each region’s latest figure and its whole series. ?format=csv (or Accept: text/csv) downloads the same as CSV: one row per region, indicator and year, with unit and source (the columns of the indicator import plus region and label).',
      querystring: compareQuery,
      response: {
        200: {
          description: 'The comparison (JSON), or the CSV download',
          content: {
            'application/json': { schema: comparisonSchema },
            'text/csv': { schema: z.string() },
          },
        },
        400: errorBodySchema.describe(
          'Fewer than 2 or more than 6 codes, a repeated one, or not a NUTS code',
        ),
        404: errorBodySchema.describe('A code that is not a NUTS 2021 region (details.missing lists them)'),
      },
    },
    handler: async (req, reply) => {
      const { codes, format } = req.query;
      if (!wantsCsv(format, req.headers.accept)) return deps.compare.compare(codes);
      const { fileName, csv } = await deps.compare.csv(codes);
      return reply
        .header('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`)
        .type('text/csv; charset=utf-8')
        .send(csv);
    },
  });
}
