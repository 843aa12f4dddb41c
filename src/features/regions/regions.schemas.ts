import { z } from 'zod';
import { organisationSummarySchema } from '../organisations/organisations.schemas.ts';

export const regionRefSchema = z
  .object({ code: z.string(), name: z.string(), level: z.number().int() })
  .meta({ id: 'RegionRef' });

export const regionSummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameLatn: z.string(),
    level: z.number().int().min(0).max(3),
    countryCode: z.string(),
    parentCode: z.string().nullable(),
  })
  .meta({ id: 'RegionSummary' });

export const regionSchema = regionSummarySchema
  .extend({
    ancestors: z.array(regionRefSchema).describe('From the country down to the parent'),
    children: z.array(regionRefSchema),
    organisationCount: z.number().int().describe('Organisations in this region and the regions below it'),
    organisations: z
      .array(organisationSummarySchema)
      .describe('The first 24 by name; the directory lists all with ?region='),
    ecosystem: z
      .object({
        total: z.number().int().describe('Published organisations in the region and below'),
        sample: z.number().int().describe('Of which generated sample data (marked as such)'),
        byType: z.array(z.object({ key: z.string(), n: z.number().int() })),
        byEcosystem: z
          .array(z.object({ key: z.string(), n: z.number().int() }))
          .describe('The 14 EU industrial ecosystems'),
        byNaceSection: z.array(z.object({ key: z.string(), n: z.number().int() })),
        clusters: z.array(
          z.object({
            id: z.uuid(),
            slug: z.string(),
            name: z.string(),
            sample: z.boolean(),
            members: z.number().int(),
          }),
        ),
      })
      .describe('The regional ecosystem as the directory holds it'),
    events: z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        title: z.string(),
        startsAt: z.string(),
        timeZone: z.string(),
      }),
    ),
  })
  .meta({ id: 'Region' });

export const listRegionsQuery = z.object({
  level: z.coerce.number().int().min(0).max(2).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. IT')
    .optional(),
  parent: z
    .string()
    .regex(/^[A-Z]{2}[0-9A-Z]{0,2}$/, 'A NUTS code')
    .optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const regionListSchema = z.object({
  items: z.array(regionSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const regionParams = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z]{2}[0-9A-Za-z]{0,3}$/, 'A NUTS code, e.g. ITC4')
    .transform((s) => s.toUpperCase()),
});
export type Region = z.infer<typeof regionSchema>;
export type RegionSummary = z.infer<typeof regionSummarySchema>;
