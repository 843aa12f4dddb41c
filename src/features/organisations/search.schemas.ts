import { z } from 'zod';
import {
  ESCA_LABELS,
  type EscaLabel,
  ORGANISATION_TYPES,
  SIZE_BANDS,
  type SizeBand,
} from '../../server/db/schema.ts';
import { ECOSYSTEMS, type Ecosystem } from '../../shared/ecosystems.ts';
import { organisationSummarySchema, organisationTypeSchema } from './organisations.schemas.ts';

/** The facets of the directory, in the order the page shows them. */
export const FACET_KEYS = ['type', 'country', 'region', 'ecosystem', 'nace', 's3', 'size', 'label'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export const SORTS = ['relevance', 'name', 'newest', 'participations'] as const;
export type Sort = (typeof SORTS)[number];

const MAX_VALUES = 30;

/**
 * A filter that may repeat in the query string (`type=cluster&type=university`): one value or several,
 * always an array after parsing. A bad value fails on the parameter's own name (querystring.type), with
 * `message` and the value.
 */
function multi<T extends z.ZodType<string, string>>(
  item: T,
  message: string,
  description: string,
  docs: { enum?: readonly string[]; pattern?: string } = {},
) {
  // What OpenAPI shows of one value; the values themselves are checked by `item` below.
  const one = z.string().meta({
    ...(docs.enum ? { enum: [...docs.enum] } : {}),
    ...(docs.pattern ? { pattern: docs.pattern } : {}),
  });
  return z
    .union([one, z.array(one).max(MAX_VALUES, `At most ${MAX_VALUES} values`)])
    .describe(description)
    .optional()
    .transform((v, ctx): z.output<T>[] => {
      const out: z.output<T>[] = [];
      for (const value of v === undefined ? [] : Array.isArray(v) ? v : [v]) {
        const parsed = item.safeParse(value);
        if (!parsed.success) {
          ctx.addIssue({ code: 'custom', message: `${message} (got "${value.slice(0, 40)}")` });
          return z.NEVER;
        }
        out.push(parsed.data);
      }
      return out;
    });
}

const countryCode = z.string().regex(/^[A-Z]{2}$/);
const nutsCode = z.string().regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/);
/** A NACE section letter (C) or a code of a division, group or class (20, 20.1, 20.14). */
export const naceFilterCode = z.string().regex(/^([A-V]|\d{2}(\.\d{1,2})?)$/);

export const directoryFilterQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .refine((v) => !v.includes('\u0000'), 'The search text contains a NUL character')
    .optional()
    .describe(
      'Words of the name, acronym, keywords, description, offers or needs; every word must match, as a prefix. Accents and case do not matter; a misspelt name is found by similarity when nothing else matches.',
    ),
  type: multi(organisationTypeSchema, 'Unknown organisation type', 'Organisation types (repeatable)', {
    enum: ORGANISATION_TYPES,
  }),
  country: multi(
    countryCode,
    'A two-letter country code, e.g. IT',
    'Country codes, NUTS style: EL, UK (repeatable)',
    {
      pattern: '^[A-Z]{2}$',
    },
  ),
  region: multi(
    nutsCode,
    'A NUTS code, e.g. ITC4',
    'NUTS codes (repeatable); each matches the region and the regions below it',
    { pattern: '^[A-Z]{2}[0-9A-Z]{0,3}$' },
  ),
  ecosystem: multi(
    z.enum(ECOSYSTEMS as unknown as [Ecosystem, ...Ecosystem[]]),
    `Unknown ecosystem: use one of ${ECOSYSTEMS.join(', ')}`,
    'EU industrial ecosystems (repeatable)',
    { enum: ECOSYSTEMS },
  ),
  nace: multi(
    naceFilterCode,
    'A NACE section letter (C) or code (20, 20.1, 20.14)',
    'NACE Rev. 2.1 sections, or codes that cover the codes below them (repeatable)',
    { pattern: '^([A-V]|\\d{2}(\\.\\d{1,2})?)$' },
  ),
  s3: multi(
    z
      .string()
      .trim()
      .min(1)
      .max(120)
      .refine((v) => !v.includes('\u0000')),
    'An S3 priority area of at most 120 characters',
    'Smart specialisation (S3) priority areas, exactly as tagged (repeatable)',
  ),
  size: multi(
    z.enum(SIZE_BANDS as [SizeBand, ...SizeBand[]]),
    'A size band: micro, small, medium or large',
    'Size bands (repeatable)',
    { enum: SIZE_BANDS },
  ),
  label: multi(
    z.enum(ESCA_LABELS as [EscaLabel, ...EscaLabel[]]),
    'An ESCA label: gold, silver or bronze',
    'ESCA cluster labels (repeatable)',
    { enum: ESCA_LABELS },
  ),
  cluster: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/, 'The id or slug of a cluster organisation')
    .optional()
    .describe('Only the members of this cluster (id or slug)'),
  sample: z.enum(['true', 'false']).optional().describe('Only generated (true) or only real (false) records'),
});

export const listOrganisationsQuery = directoryFilterQuery.extend({
  sort: z
    .enum(SORTS, { error: `Sort by ${SORTS.join(', ')}` })
    .optional()
    .describe('relevance (the default with q), name (the default without), newest, participations'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const exportOrganisationsQuery = directoryFilterQuery.extend({
  format: z.enum(['csv', 'json'], { error: 'format is csv or json' }).default('csv'),
});

const facetValueSchema = z.object({
  value: z.string(),
  count: z.number().int(),
  label: z
    .object({ en: z.string(), it: z.string() })
    .optional()
    .describe('Display name of the value (regions, NACE sections)'),
});

export const facetsSchema = z
  .object(
    Object.fromEntries(FACET_KEYS.map((k) => [k, z.array(facetValueSchema)])) as Record<
      FacetKey,
      z.ZodArray<typeof facetValueSchema>
    >,
  )
  .describe(
    'Counts per value. Each facet applies every active filter except its own, so its values can be switched; selected values are always listed.',
  )
  .meta({ id: 'DirectoryFacets' });

export const organisationListSchema = z
  .object({
    items: z.array(organisationSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    sort: z.enum(SORTS),
    textMatch: z
      .enum(['none', 'fulltext', 'similar'])
      .describe('How q matched: full-text words, or similar names when no word matched'),
    facets: facetsSchema,
  })
  .meta({ id: 'OrganisationList' });

export const organisationMapSchema = z
  .object({
    total: z.number().int(),
    unlocated: z.number().int().describe('Matching organisations with no NUTS 2 region'),
    textMatch: z.enum(['none', 'fulltext', 'similar']),
    regions: z.array(
      z.object({
        code: z.string().describe('NUTS 2 code'),
        name: z.string(),
        countryCode: z.string(),
        count: z.number().int(),
      }),
    ),
    countries: z.array(z.object({ code: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'OrganisationMap' });

export type FacetValue = z.infer<typeof facetValueSchema>;
export type Facets = z.infer<typeof facetsSchema>;
export type OrganisationListResult = z.infer<typeof organisationListSchema>;
export type OrganisationMap = z.infer<typeof organisationMapSchema>;
export type DirectoryFilterQuery = z.infer<typeof directoryFilterQuery>;
