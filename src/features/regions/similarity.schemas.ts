import { z } from 'zod';
import { COMPARE_MAX, COMPARE_MIN, SIMILARITY_DIMENSIONS } from '../../shared/region-similarity.ts';
import { figureSchema, indicatorSchema, indicatorSourceSchema } from './indicators.schemas.ts';
import { regionRefSchema } from './regions.schemas.ts';

const dimensionSchema = z.enum(SIMILARITY_DIMENSIONS);
const NUTS = /^[A-Z]{2}[0-9A-Z]{0,3}$/;

/** "a,b,c" → ['a','b','c'], each checked; a list of one kind of thing in one query parameter. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T, min: number, max: number, what: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(item)
        .min(min, `At least ${min} ${what}`)
        .max(max, `At most ${max} ${what}`)
        .refine((xs) => new Set(xs).size === xs.length, `Each of the ${what} once`),
    );

export const similarQuery = z.object({
  dimensions: commaList(dimensionSchema, 1, SIMILARITY_DIMENSIONS.length, 'dimensions')
    .default([...SIMILARITY_DIMENSIONS])
    .describe('Comma-separated: economy, innovation, structure, ecosystems (default: all four)'),
  limit: z.coerce.number().int().min(1).max(500).default(10),
  includeSelf: z
    .stringbool()
    .default(false)
    .describe('Also list the region itself (always first, at distance 0): a check of the method'),
});

const observationSchema = z.object({ value: z.number(), year: z.number().int() });

export const similarityReasonSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('indicator'),
      dimension: dimensionSchema,
      indicator: z.string(),
      label: z.string(),
      unit: z.string(),
      decimals: z.number().int(),
      region: observationSchema.describe('The region’s latest figure'),
      peer: observationSchema.describe('The peer’s latest figure'),
      gap: z.number().describe('Difference in standard deviations across the level’s regions'),
      text: z.string().describe('The reason in English'),
    }),
    z.object({
      kind: z.literal('category'),
      dimension: dimensionSchema,
      indicator: z.string(),
      label: z.string(),
      value: z.string().describe('The value both regions share, e.g. a scoreboard group'),
      year: z.number().int(),
      text: z.string(),
    }),
    z.object({
      kind: z.literal('ecosystems'),
      dimension: z.literal('ecosystems'),
      ecosystems: z.array(
        z.object({
          ecosystem: z.string(),
          region: z.number().describe('Share of the region’s organisations in this ecosystem (0–1)'),
          peer: z.number(),
        }),
      ),
      text: z.string(),
    }),
  ])
  .meta({ id: 'SimilarityReason' });

const dimensionDistanceSchema = z.object({
  dimension: dimensionSchema,
  distance: z.number().nullable().describe('Null when the two regions share too few figures (unknown)'),
  shared: z.number().int().describe('Features both regions have'),
  of: z.number().int().describe('Features the dimension uses at this level'),
});

export const similarRegionsSchema = z
  .object({
    region: regionRefSchema,
    dimensions: z.array(dimensionSchema),
    features: z
      .array(
        z.object({
          id: z.string(),
          dimension: dimensionSchema,
          regions: z.number().int().describe('Regions of the level with a figure'),
        }),
      )
      .describe('What is compared: standardised indicators, and ecosystem shares as ecosystem:<code>'),
    skipped: z
      .array(
        z.object({
          id: z.string(),
          dimension: dimensionSchema,
          regions: z.number().int(),
          reason: z.enum(['sparse', 'constant']),
        }),
      )
      .describe('Features left out at this level: held by too few regions, or equal everywhere'),
    ecosystems: z.object({
      minOrganisations: z.number().int(),
      regions: z
        .number()
        .int()
        .describe('Regions of the level with enough organisations for their ecosystems to be compared'),
    }),
    peers: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        distance: z.number().describe('Root mean square of the known dimensions’ distances; 0 = identical'),
        dimensions: z.array(dimensionDistanceSchema),
        coverage: z.object({ shared: z.number().int(), of: z.number().int() }),
        reasons: z.array(similarityReasonSchema),
      }),
    ),
  })
  .meta({ id: 'SimilarRegions' });

export const compareQuery = z.object({
  codes: commaList(
    z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(NUTS, 'A NUTS code, e.g. ITC4')),
    COMPARE_MIN,
    COMPARE_MAX,
    'regions',
  ).describe(`Comma-separated NUTS codes, ${COMPARE_MIN} to ${COMPARE_MAX}, e.g. ITC4,ES52`),
  format: z.enum(['json', 'csv']).optional().describe('csv: a download (also chosen by Accept: text/csv)'),
});

export const comparisonSchema = z
  .object({
    regions: z.array(regionRefSchema.extend({ countryCode: z.string() })),
    indicators: z.array(
      z.object({
        indicator: indicatorSchema.omit({ regions: true, firstYear: true, lastYear: true }),
        regions: z.array(
          z.object({
            code: z.string(),
            latest: figureSchema.nullable(),
            series: z.array(figureSchema).describe('Every figure, oldest first (for small multiples)'),
          }),
        ),
      }),
    ),
    sources: z.array(indicatorSourceSchema),
  })
  .meta({ id: 'RegionComparison' });

export type SimilarRegions = z.infer<typeof similarRegionsSchema>;
export type SimilarityReason = z.infer<typeof similarityReasonSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
