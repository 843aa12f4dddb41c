import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/password.ts';
import { TERMS_VERSION } from '../../shared/terms.ts';

export const localeSchema = z.enum(['en', 'it']);
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid e-mail address' }));
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`)
  .describe(
    'At least 10 characters, not only spaces, not the e-mail address (or its part before @), not a common password',
  );

export const signUpBody = z.object({
  email,
  name: z.string().trim().min(1, 'Enter your name').max(120),
  password,
  locale: localeSchema.optional(),
  acceptTerms: z
    .literal(true, { error: 'Accept the terms of use and the privacy notice' })
    .describe(
      `Must be true: the user accepts the terms of use and privacy notice (/terms); the time and the wording version (${TERMS_VERSION}) are recorded`,
    ),
});
export const signInBody = z.object({ email, password: z.string().min(1, 'Enter your password').max(200) });
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
export const updateMeBody = z
  .object({ name: z.string().trim().min(1).max(120), locale: localeSchema })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export const createTokenBody = z.object({ name: z.string().trim().min(1, 'Name the token').max(80) });

export const membershipSchema = z.object({
  organisationId: z.uuid(),
  organisationSlug: z.string(),
  organisationName: z.string(),
  role: z.enum(['admin', 'member']),
});
export const eventRoleSchema = z.object({
  eventId: z.uuid(),
  eventSlug: z.string(),
  eventTitle: z.string(),
  role: z.enum(['organiser', 'participant', 'juror']),
});

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    locale: localeSchema,
    createdAt: z.string(),
    termsAcceptedAt: z
      .string()
      .nullable()
      .describe('When the terms and privacy notice were accepted (null: before they were recorded)'),
    termsVersion: z.string().nullable().describe('The version of the wording accepted'),
    organisations: z.array(membershipSchema),
    events: z.array(eventRoleSchema),
  })
  .meta({ id: 'Me' });

export const tokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export const createdTokenSchema = tokenSchema.extend({ token: z.string() });

export type Me = z.infer<typeof meSchema>;
export type ApiToken = z.infer<typeof tokenSchema>;
