import { z } from 'zod';
import { organisationSummarySchema, personSummarySchema } from '../organisations/organisations.schemas.ts';
import { regionRefSchema } from '../regions/regions.schemas.ts';

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'An IANA time zone, e.g. Europe/Rome');

export const eventSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    startsAt: z.string().describe('ISO 8601 instant'),
    endsAt: z.string(),
    timeZone: z.string().describe('IANA time zone; show all times in it'),
    city: z.string().nullable(),
    hostRegion: regionRefSchema.nullable(),
    status: z
      .enum(['draft', 'published', 'cancelled', 'past'])
      .describe(
        "'past' is derived, never stored: a published event whose end is over reads as past. Drafts stay 'draft' and cancelled events 'cancelled'.",
      ),
    sample: z.boolean(),
  })
  .meta({ id: 'EventSummary' });

export const eventBannerSchema = z
  .object({
    url: z.string().describe('The banner for the page (at most 1600 px wide, WebP); versioned, cache it'),
    cardUrl: z.string().describe('The 1200×630 JPEG used by share cards (Open Graph, X)'),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: 'EventBanner' });

export const eventPersonRoleSchema = z.enum([
  'speaker',
  'moderator',
  'panellist',
  'pitcher',
  'organiser',
  'contact',
]);

export const eventSchema = eventSummarySchema
  .extend({
    description: z.string(),
    venueName: z.string().nullable(),
    venueAddress: z.string().nullable(),
    capacity: z.number().int().nullable(),
    reportedParticipants: z.number().int().nullable(),
    website: z.string().nullable(),
    themes: z.array(z.string()),
    banner: eventBannerSchema.nullable(),
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    requiresApproval: z.boolean(),
    inputPaperUrl: z.string().nullable().describe('The Input Paper on the host region (https)'),
    showInputPaper: z
      .boolean()
      .describe('Whether the event page links to the host region’s generated Input Paper'),
    b2bMode: z.enum(['first_come', 'scheduler']),
    agendaVersion: z.number().int().describe('The published agenda version (0: none yet)'),
    organisers: z.array(organisationSummarySchema),
    people: z.array(
      personSummarySchema.extend({
        role: eventPersonRoleSchema,
        organisation: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
      }),
    ),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Event' });

export const listEventsQuery = z.object({
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  region: z
    .string()
    .regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/, 'A NUTS code')
    .optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const eventListSchema = z.object({
  items: z.array(eventSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const dateTime = z.iso
  .datetime({ offset: true, message: 'An ISO 8601 date-time with offset' })
  .refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 1900 && year <= 2200;
  }, 'A date between the years 1900 and 2200');

const eventFields = z.object({
  title: z.string().trim().min(1).max(300),
  summary: z.string().max(1000),
  description: z.string().max(50_000),
  startsAt: dateTime,
  endsAt: dateTime,
  timeZone,
  venueName: z.string().trim().max(200).nullable(),
  venueAddress: z.string().trim().max(400).nullable(),
  city: z.string().trim().max(120).nullable(),
  hostRegionCode: z
    .string()
    .regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/, 'A NUTS code, e.g. ITC4')
    .nullable(),
  status: z.enum(['draft', 'published', 'cancelled']),
  capacity: z.number().int().min(1).max(1_000_000).nullable(),
  website: z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).nullable(),
  themes: z
    .array(z.string().trim().min(1, 'A theme cannot be empty').max(60, 'At most 60 characters'))
    .max(10, 'At most 10 themes')
    .refine((v) => new Set(v.map((x) => x.toLowerCase())).size === v.length, 'Each theme once'),
  registrationOpensAt: dateTime.nullable(),
  registrationClosesAt: dateTime.nullable(),
  requiresApproval: z.boolean(),
  inputPaperUrl: z
    .union([z.url({ protocol: /^https$/, message: 'An https:// address' }).max(2000), z.literal('')])
    .nullable(),
  showInputPaper: z.boolean(),
  b2bMode: z.enum(['first_come', 'scheduler']),
});
const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || Date.parse(v.endsAt) >= Date.parse(v.startsAt);
const closesAfterOpens = (v: { registrationOpensAt?: string | null; registrationClosesAt?: string | null }) =>
  !v.registrationOpensAt ||
  !v.registrationClosesAt ||
  Date.parse(v.registrationClosesAt) > Date.parse(v.registrationOpensAt);
const closesAfterOpensError = {
  message: 'Registration must close after it opens',
  path: ['registrationClosesAt'],
};

export const createEventBody = eventFields
  .partial()
  .required({ title: true, startsAt: true, endsAt: true, timeZone: true })
  .extend({ organiserOrganisationIds: z.array(z.uuid()).max(20).optional() })
  .refine(endsAfterStart, { message: 'The event must end after it starts', path: ['endsAt'] })
  .refine(closesAfterOpens, closesAfterOpensError);
export const updateEventBody = eventFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change')
  .refine(endsAfterStart, { message: 'The event must end after it starts', path: ['endsAt'] })
  .refine(closesAfterOpens, closesAfterOpensError);

export const eventParams = z.object({ id: z.string().min(1).max(120) });
export const addEventMemberBody = z.object({
  email: z.email(),
  role: z.enum(['organiser', 'participant', 'juror']),
});

export type EventSummary = z.infer<typeof eventSummarySchema>;
export type EventDetail = z.infer<typeof eventSchema>;
export type EventBanner = z.infer<typeof eventBannerSchema>;
