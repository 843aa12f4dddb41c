import { z } from 'zod';

export const indicatorSourceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    publisher: z.string(),
    licence: z.string(),
    url: z.string().nullable(),
    attribution: z.string().describe('What must be shown beside figures of this source'),
    note: z.string().nullable(),
  })
  .meta({ id: 'IndicatorSource' });

export const indicatorSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    unit: z.string().describe('Unit id, e.g. pc_gdp; the interface labels it'),
    kind: z.enum(['number', 'category']),
    dimension: z.enum(['economy', 'innovation', 'structure']).nullable(),
    decimals: z.number().int(),
    higherIsBetter: z.boolean().nullable(),
    regions: z.number().int().describe('Areas with at least one figure'),
    firstYear: z.number().int().nullable(),
    lastYear: z.number().int().nullable(),
  })
  .meta({ id: 'Indicator' });

export const figureSchema = z
  .object({
    year: z.number().int(),
    value: z.number().nullable(),
    valueText: z.string().nullable().describe('For category indicators such as ris_group'),
    source: z.string().describe('An IndicatorSource id'),
  })
  .meta({ id: 'IndicatorFigure' });

export const regionIndicatorSchema = z
  .object({
    indicator: indicatorSchema.omit({ regions: true, firstYear: true, lastYear: true }),
    figures: z.array(figureSchema).describe('The region’s figures, oldest first'),
    latest: figureSchema.nullable(),
    country: z
      .object({ code: z.string(), figures: z.array(figureSchema) })
      .nullable()
      .describe('The same indicator for the region’s country (NUTS 0)'),
    eu: z.array(figureSchema).describe('The EU27 (2020) aggregate where the source publishes one'),
    rank: z
      .object({
        position: z.number().int(),
        of: z.number().int(),
        year: z.number().int(),
        level: z.number().int(),
      })
      .nullable()
      .describe('Position among the regions of the same NUTS level in the latest year (1 = highest)'),
  })
  .meta({ id: 'RegionIndicator' });

export const regionIndicatorsSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    indicators: z.array(regionIndicatorSchema),
    sources: z.array(indicatorSourceSchema),
  })
  .meta({ id: 'RegionIndicators' });

export const indicatorListSchema = z.object({
  items: z.array(indicatorSchema),
  sources: z.array(indicatorSourceSchema),
});

export const indicatorValuesQuery = z.object({
  level: z.coerce.number().int().min(0).max(2).default(2),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. IT')
    .optional(),
  year: z.coerce.number().int().min(1950).max(2100).optional().describe('Default: each region’s latest year'),
});

export const indicatorValuesSchema = z
  .object({
    indicator: indicatorSchema.omit({ regions: true, firstYear: true, lastYear: true }),
    level: z.number().int(),
    year: z.number().int().nullable().describe('The year asked for; null when each region’s latest is shown'),
    items: z.array(
      figureSchema.extend({ code: z.string(), name: z.string(), rank: z.number().int().nullable() }),
    ),
    eu: figureSchema.nullable(),
    sources: z.array(indicatorSourceSchema),
  })
  .meta({ id: 'IndicatorValues' });

export const indicatorParams = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'An indicator id, e.g. gerd_pc_gdp'),
});

export const indicatorImportReportSchema = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    mapped: z.array(z.object({ from: z.string(), to: z.string(), rows: z.number().int() })),
    newIndicators: z.array(z.string()),
    newSources: z.array(z.string()),
    problems: z.array(
      z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() }),
    ),
    dryRun: z.boolean(),
  })
  .meta({ id: 'IndicatorImportReport' });

export type RegionIndicators = z.infer<typeof regionIndicatorsSchema>;
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;
export type IndicatorInfo = z.infer<typeof indicatorSchema>;
