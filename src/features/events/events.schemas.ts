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
    status: z.enum(['draft', 'published', 'cancelled']),
    sample: z.boolean(),
  })
  .meta({ id: 'EventSummary' });

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
});
const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || Date.parse(v.endsAt) >= Date.parse(v.startsAt);

export const createEventBody = eventFields
  .partial()
  .required({ title: true, startsAt: true, endsAt: true, timeZone: true })
  .extend({ organiserOrganisationIds: z.array(z.uuid()).max(20).optional() })
  .refine(endsAfterStart, { message: 'The event must end after it starts', path: ['endsAt'] });
export const updateEventBody = eventFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change')
  .refine(endsAfterStart, { message: 'The event must end after it starts', path: ['endsAt'] });

export const eventParams = z.object({ id: z.string().min(1).max(120) });
export const addEventMemberBody = z.object({
  email: z.email(),
  role: z.enum(['organiser', 'participant', 'juror']),
});

export type EventSummary = z.infer<typeof eventSummarySchema>;
export type EventDetail = z.infer<typeof eventSchema>;
