import { z } from 'zod';
import { ORGANISATION_TYPES, type OrganisationType } from '../../server/db/schema.ts';

export const organisationTypeSchema = z.enum(ORGANISATION_TYPES as [OrganisationType, ...OrganisationType[]]);
const slugOrId = z.string().min(1).max(120);

export const organisationSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    acronym: z.string().nullable(),
    type: organisationTypeSchema,
    city: z.string().nullable(),
    countryCode: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    sample: z.boolean().describe('Generated sample data, not a real organisation'),
  })
  .meta({ id: 'OrganisationSummary' });

export const personSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    fullName: z.string(),
    honorific: z.string().nullable(),
    jobTitle: z.string().nullable(),
    sample: z.boolean(),
  })
  .meta({ id: 'PersonSummary' });

export const organisationSchema = organisationSummarySchema
  .extend({
    description: z.string(),
    website: z.string().nullable(),
    email: z.string().nullable(),
    foundedYear: z.number().int().nullable(),
    status: z.enum(['draft', 'submitted', 'published', 'rejected']),
    clusters: z.array(organisationSummarySchema).describe('Clusters this organisation is a member of'),
    members: z.object({
      total: z.number().int(),
      byType: z.array(z.object({ type: organisationTypeSchema, count: z.number().int() })),
      items: z
        .array(organisationSummarySchema)
        .describe('The first 24 members by name; the directory lists all with ?cluster='),
    }),
    people: z.array(personSummarySchema),
    events: z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        title: z.string(),
        startsAt: z.string(),
        timeZone: z.string(),
      }),
    ),
    updatedAt: z.string(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Organisation' });

export const listOrganisationsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: organisationTypeSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. IT')
    .optional(),
  region: z
    .string()
    .regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/, 'A NUTS code, e.g. ITC4')
    .optional(),
  cluster: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/, 'The id or slug of a cluster organisation')
    .optional()
    .describe('Only the members of this cluster (id or slug)'),
  sample: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const organisationListSchema = z.object({
  items: z.array(organisationSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const optionalUrl = z.union([
  z.url({ protocol: /^https?$/, message: 'Enter a web address starting with http:// or https://' }),
  z.literal(''),
]);
export const updateOrganisationBody = z
  .object({
    name: z.string().trim().min(1).max(300),
    acronym: z.string().trim().max(40),
    description: z.string().max(20_000),
    website: optionalUrl,
    email: z.union([z.email(), z.literal('')]),
    city: z.string().trim().max(120),
    foundedYear: z.number().int().min(1000).max(2100).nullable(),
    regionCode: z
      .string()
      .regex(/^[A-Z]{2}[0-9A-Z]{2}$/, 'A NUTS 2 code, e.g. ITC4')
      .nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');

export const organisationParams = z.object({ id: slugOrId });
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;
export type Organisation = z.infer<typeof organisationSchema>;
