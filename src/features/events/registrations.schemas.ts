import { z } from 'zod';
import { REGISTRATION_CATEGORIES, type RegistrationCategory } from '../../server/db/schema.ts';
import { organisationTypeSchema } from '../organisations/organisations.schemas.ts';

const slugOrId = z.string().min(1).max(120);
const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'A two-letter country code (ISO 3166)');

export const registrationCategorySchema = z
  .enum(REGISTRATION_CATEGORIES as [RegistrationCategory, ...RegistrationCategory[]])
  .describe(
    'cluster organisation, policymaker or public authority, company, start-up, research or university, other',
  );
export const registrationStatusSchema = z.enum([
  'pending',
  'confirmed',
  'waitlisted',
  'cancelled',
  'rejected',
]);

export const eventRefParams = z.object({ id: slugOrId });
export const registrationParams = z.object({ id: z.uuid() });

export const registerBody = z
  .object({
    category: registrationCategorySchema,
    organisationId: z.uuid().nullish().describe('An organisation of the directory'),
    newOrganisation: z
      .object({
        name: z.string().trim().min(2, 'Enter the organisation’s name').max(300),
        type: organisationTypeSchema,
      })
      .nullish()
      .describe('Not in the directory yet: created as a draft profile that you administer'),
    jobTitle: z.string().trim().max(200).nullish(),
    countryCode: country.nullish(),
    consentContact: z
      .boolean()
      .default(false)
      .describe('Share my contact details (e-mail) with meeting partners and in the organisers’ list'),
    consentPhotos: z.boolean().default(false).describe('I agree to appear in event photos'),
  })
  .refine((b) => !(b.organisationId && b.newOrganisation), {
    message: 'Choose an organisation of the directory or a new one, not both',
    path: ['newOrganisation'],
  })
  .meta({ id: 'NewRegistration' });

export const updateRegistrationBody = z
  .object({
    category: registrationCategorySchema,
    organisationId: z.uuid().nullable(),
    jobTitle: z.string().trim().max(200).nullable(),
    countryCode: country.nullable(),
    consentContact: z.boolean(),
    consentPhotos: z.boolean(),
  })
  .partial()
  .meta({ id: 'RegistrationPatch' });

export const registrationSchema = z
  .object({
    id: z.uuid(),
    event: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
    user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    person: z.object({ id: z.uuid(), slug: z.string() }).nullable(),
    status: registrationStatusSchema,
    category: registrationCategorySchema,
    organisation: z
      .object({
        id: z.uuid(),
        slug: z.string(),
        name: z.string(),
        status: z.enum(['draft', 'submitted', 'published', 'rejected']),
      })
      .nullable(),
    jobTitle: z.string().nullable(),
    countryCode: z.string().nullable(),
    consentContactAt: z.string().nullable().describe('When contact sharing was agreed; null: not agreed'),
    consentPhotosAt: z.string().nullable(),
    waitlistPosition: z.number().int().nullable().describe('1 = next to be promoted; null unless waitlisted'),
    badgeCode: z.string().describe('Encoded in the badge’s QR code; organisers check in with it'),
    calendarUrl: z
      .string()
      .nullable()
      .describe(
        'Personal iCalendar feed (RFC 5545): subscribe in a calendar app. Its token is a secret: only the participant gets it (null for organisers)',
      ),
    checkedInAt: z.string().nullable(),
    checkedInBy: z.string().nullable().describe('Name of the organiser who checked the participant in'),
    statusChangedAt: z.string(),
    createdAt: z.string(),
    sample: z.boolean(),
  })
  .meta({ id: 'Registration' });

export const registrationStateSchema = z
  .object({
    event: z.object({
      id: z.uuid(),
      slug: z.string(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      timeZone: z.string(),
      capacity: z.number().int().nullable(),
      requiresApproval: z.boolean(),
      registrationOpensAt: z.string().nullable(),
      registrationClosesAt: z.string().nullable(),
      confirmed: z.number().int(),
      waitlisted: z.number().int(),
      open: z.boolean().describe('Whether a registration would be accepted now'),
      closedReason: z
        .enum(['draft', 'cancelled', 'past', 'not_yet_open', 'closed'])
        .nullable()
        .describe('Why registration is not open'),
      canManage: z.boolean(),
    }),
    registration: registrationSchema.nullable().describe('Your registration, if any (also cancelled)'),
  })
  .meta({ id: 'RegistrationState' });

export const listRegistrationsQuery = z.object({
  status: registrationStatusSchema.optional(),
  category: registrationCategorySchema.optional(),
  checkedIn: z.enum(['yes', 'no']).optional(),
  q: z.string().trim().max(200).optional().describe('Name, e-mail or organisation'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const registrationListSchema = z
  .object({
    items: z.array(registrationSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counts: z.record(registrationStatusSchema, z.number().int()),
    checkedIn: z.number().int(),
    capacity: z.number().int().nullable(),
    requiresApproval: z.boolean(),
  })
  .meta({ id: 'RegistrationList' });

const instant = z.iso.datetime({ offset: true, message: 'An ISO 8601 date and time' });
export const registrationSettingsBody = z
  .object({
    capacity: z.number().int().min(1).max(1_000_000).nullable().describe('null: no limit'),
    requiresApproval: z.boolean(),
    registrationOpensAt: instant.nullable(),
    registrationClosesAt: instant.nullable(),
  })
  .partial()
  .meta({ id: 'RegistrationSettings' });

export const checkInBody = z.object({
  code: z.string().trim().min(4).max(64).describe('The badge code (typed or scanned from the QR code)'),
});
export const checkInResultSchema = z
  .object({
    registration: registrationSchema,
    alreadyCheckedIn: z.boolean().describe('True when the participant had already been checked in'),
  })
  .meta({ id: 'CheckInResult' });

export type Registration = z.infer<typeof registrationSchema>;
export type RegistrationState = z.infer<typeof registrationStateSchema>;
export type RegistrationList = z.infer<typeof registrationListSchema>;
export type RegisterInput = z.infer<typeof registerBody>;
export type UpdateRegistrationInput = z.infer<typeof updateRegistrationBody>;
export type RegistrationSettings = z.infer<typeof registrationSettingsBody>;
export type ListRegistrationsFilter = Omit<z.infer<typeof listRegistrationsQuery>, 'page' | 'pageSize'>;
export type CheckInResult = z.infer<typeof checkInResultSchema>;
