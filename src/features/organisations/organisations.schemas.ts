import { z } from 'zod';
import {
  ESCA_LABELS,
  type EscaLabel,
  ORGANISATION_TYPES,
  type OrganisationType,
  SIZE_BANDS,
  type SizeBand,
} from '../../server/db/schema.ts';
import { ECOSYSTEMS } from '../../shared/ecosystems.ts';

export const organisationTypeSchema = z.enum(ORGANISATION_TYPES as [OrganisationType, ...OrganisationType[]]);
const slugOrId = z.string().min(1).max(120);

export const organisationStatusSchema = z.enum(['draft', 'submitted', 'published', 'rejected']);
export const sizeBandSchema = z.enum(SIZE_BANDS as [SizeBand, ...SizeBand[]]);
export const escaLabelSchema = z.enum(ESCA_LABELS as [EscaLabel, ...EscaLabel[]]);
export const ecosystemSchema = z.enum(ECOSYSTEMS);
export const naceEntrySchema = z
  .object({
    code: z.string(),
    section: z.string(),
    level: z.number().int(),
    nameEn: z.string(),
    nameIt: z.string(),
  })
  .meta({ id: 'NaceCode' });
export const claimStatusSchema = z.object({
  id: z.uuid(),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

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
    status: organisationStatusSchema,
    rejectionReason: z.string().nullable().describe('Why a platform administrator sent the profile back'),
    submittedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    sizeBand: sizeBandSchema.nullable(),
    offers: z.string().describe('What the organisation offers'),
    seeks: z.string().describe('What the organisation looks for'),
    keywords: z.array(z.string()).describe('Technology keywords'),
    ecosystems: z.array(ecosystemSchema).describe('EU industrial ecosystems'),
    s3Areas: z.array(z.string()).describe('Smart specialisation (S3) priority areas'),
    nace: z.array(naceEntrySchema).describe('NACE Rev. 2.1 activities, with their names'),
    programmes: z.array(z.string()).describe('Cluster programmes the organisation belongs to'),
    escaLabel: escaLabelSchema.nullable().describe('ESCA cluster management excellence label'),
    escaYear: z.number().int().nullable(),
    managerName: z.string().nullable().describe('Cluster manager'),
    managerEmail: z.string().nullable(),
    logoUrl: z.string().nullable().describe('The logo (at most 256×256), versioned for caching'),
    viewerRole: z
      .enum(['admin', 'member'])
      .nullable()
      .describe('The caller’s role in the organisation, if any'),
    myClaim: claimStatusSchema.nullable().describe('The caller’s latest claim of this organisation'),
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

const optionalUrl = z.union([
  z.url({ protocol: /^https?$/, message: 'Enter a web address starting with http:// or https://' }),
  z.literal(''),
]);
const optionalEmail = z.union([z.email({ message: 'Enter a valid e-mail address' }), z.literal('')]);
const tag = z.string().trim().min(1, 'Empty entries are not allowed').max(80, 'At most 80 characters each');
const naceCode = z.string().regex(/^([A-Z]|\d{2}(\.\d{1,2})?)$/, 'A NACE code such as C, 10, 10.1 or 10.11');

/** Every editable field of a profile; the same rules apply on creation and on edits. */
const profileFields = z.object({
  name: z.string().trim().min(1, 'Enter the name').max(300),
  acronym: z.string().trim().max(40),
  type: organisationTypeSchema,
  description: z.string().max(20_000),
  website: optionalUrl,
  email: optionalEmail,
  city: z.string().trim().max(120),
  foundedYear: z.number().int().min(1000).max(2100).nullable(),
  regionCode: z
    .string()
    .regex(/^[A-Z]{2}[0-9A-Z]{2}$/, 'A NUTS 2 code, e.g. ITC4')
    .nullable(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. IT')
    .nullable()
    .describe('Set from the region when a region is given'),
  sizeBand: sizeBandSchema.nullable(),
  offers: z.string().max(5000),
  seeks: z.string().max(5000),
  keywords: z.array(tag).max(30, 'At most 30 keywords'),
  ecosystems: z.array(ecosystemSchema).max(ECOSYSTEMS.length),
  s3Areas: z.array(tag).max(20, 'At most 20 areas'),
  naceCodes: z.array(naceCode).max(20, 'At most 20 NACE codes'),
  programmes: z.array(tag).max(10, 'At most 10 programmes'),
  escaLabel: escaLabelSchema.nullable().describe('Cluster organisations only'),
  escaYear: z.number().int().min(2009).max(2100).nullable(),
  managerName: z.string().trim().max(200),
  managerEmail: optionalEmail,
});

export const updateOrganisationBody = profileFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');

export const createOrganisationBody = profileFields
  .partial()
  .required({ name: true, type: true })
  .meta({ id: 'NewOrganisation' });

export const organisationParams = z.object({ id: slugOrId });
export type OrganisationSummary = z.infer<typeof organisationSummarySchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type ProfileInput = z.infer<typeof updateOrganisationBody>;
export type NaceEntry = z.infer<typeof naceEntrySchema>;
