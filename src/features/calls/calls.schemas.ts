import { z } from 'zod';

/** A criterion reviewers score 0..10; the ranking weighs each by `weight`. */
export const criterionSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _, starting with a letter'),
    label: z.string().trim().min(1).max(200),
    weight: z.number().min(0.1).max(100),
  })
  .meta({ id: 'CallCriterion' });

export const criteriaSchema = z
  .array(criterionSchema)
  .min(1)
  .max(20)
  .refine((c) => new Set(c.map((x) => x.key)).size === c.length, 'Criterion keys must be unique');

const dateTime = z.iso
  .datetime({ offset: true, message: 'An ISO 8601 date-time with offset' })
  .refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 2000 && year <= 2200;
  }, 'A date between the years 2000 and 2200');

export const callStatusSchema = z.enum(['draft', 'open', 'closed']);

export const hostCallSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string().describe('Plain text; blank lines separate paragraphs'),
    criteria: z.array(criterionSchema),
    deadline: z.string().describe('ISO 8601 instant; no applications after it'),
    status: callStatusSchema,
    acceptingApplications: z.boolean().describe('Open and before the deadline'),
    sample: z.boolean(),
    /** For the signed-in caller: the directory organisations they may apply for. */
    eligibleOrganisations: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string() })),
    canManage: z.boolean().describe('Platform administrators edit the call and review applications'),
  })
  .meta({ id: 'HostCall' });

export const hostCallListSchema = z.object({
  items: z.array(hostCallSchema.omit({ eligibleOrganisations: true })),
});

export const listCallsQuery = z.object({
  status: z
    .enum(['open', 'closed', 'draft', 'all'])
    .default('open')
    .describe('Drafts (and "all" with drafts) only for administrators'),
});

const callFields = z.object({
  title: z.string().trim().min(1).max(300),
  body: z.string().max(50_000),
  criteria: criteriaSchema,
  deadline: dateTime,
  status: callStatusSchema,
});
export const createCallBody = callFields.extend({
  body: callFields.shape.body.default(''),
  status: callStatusSchema.default('draft'),
});
// No defaults here: a partial schema would still fill them in and overwrite what the caller left out.
export const updateCallBody = callFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');

export const callParams = z.object({ id: z.uuid() });
export const applicationParams = z.object({ id: z.uuid() });

const day = z.iso.date({ message: 'A date, YYYY-MM-DD' }).refine((v) => {
  const y = Number(v.slice(0, 4));
  return y >= 2000 && y <= 2200;
}, 'A date between the years 2000 and 2200');

const applicationFields = z.object({
  regionCode: z.string().regex(/^[A-Z]{2}[0-9A-Z]{2}$/, 'A NUTS 2 code, e.g. ITC4'),
  startsOn: day,
  endsOn: day,
  theme: z.string().trim().min(1).max(300),
  venue: z.string().trim().max(400),
  motivation: z.string().max(20_000),
});
const endsAfterStart = (v: { startsOn?: string | undefined; endsOn?: string | undefined }) =>
  !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;

export const createApplicationBody = applicationFields
  .extend({
    organisationId: z.uuid(),
    venue: applicationFields.shape.venue.default(''),
    motivation: applicationFields.shape.motivation.default(''),
  })
  .refine(endsAfterStart, { message: 'The end date is before the start date', path: ['endsOn'] });
export const updateApplicationBody = applicationFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change')
  .refine(endsAfterStart, { message: 'The end date is before the start date', path: ['endsOn'] });

const scoreMap = z.record(z.string(), z.number().int().min(0).max(10));

export const reviewSchema = z.object({
  reviewer: z.object({ id: z.uuid(), name: z.string() }),
  scores: scoreMap,
  comment: z.string(),
  weightedScore: z.number().describe('Weighted average of the scores, 0..10'),
  updatedAt: z.string(),
});

export const applicationSchema = z
  .object({
    id: z.uuid(),
    callId: z.uuid(),
    callTitle: z.string(),
    organisation: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), type: z.string() }),
    applicant: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    region: z.object({ code: z.string(), name: z.string(), countryCode: z.string() }),
    startsOn: z.string(),
    endsOn: z.string(),
    theme: z.string(),
    venue: z.string(),
    motivation: z.string(),
    letter: z
      .object({ url: z.string(), fileName: z.string().nullable(), byteSize: z.number().int() })
      .nullable(),
    status: z.enum(['submitted', 'withdrawn', 'selected']),
    event: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }).nullable(),
    sample: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** What the caller may still do with it. */
    canEdit: z.boolean(),
  })
  .meta({ id: 'HostApplication' });

export const applicationListSchema = z.object({ items: z.array(applicationSchema) });

export const rankedApplicationSchema = applicationSchema
  .extend({
    rank: z.number().int().nullable().describe('1 for the best; null while unreviewed or withdrawn'),
    score: z.number().nullable().describe('Mean over reviews of each review’s weighted average, 0..10'),
    reviewCount: z.number().int(),
    criterionAverages: z.record(z.string(), z.number()),
    reviews: z.array(reviewSchema),
  })
  .meta({ id: 'RankedHostApplication' });

export const rankingSchema = z.object({ items: z.array(rankedApplicationSchema) });

export const reviewBody = z.object({
  scores: scoreMap.describe('A score 0..10 for every criterion key of the call'),
  comment: z.string().max(5000).default(''),
});

export const selectionSchema = z.object({
  application: applicationSchema,
  event: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
});

export type Criterion = z.infer<typeof criterionSchema>;
export type HostCall = z.infer<typeof hostCallSchema>;
export type HostApplication = z.infer<typeof applicationSchema>;
export type RankedApplication = z.infer<typeof rankedApplicationSchema>;
