import { z } from 'zod';
import { organisationStatusSchema } from './organisations.schemas.ts';

const slugOrId = z.string().min(1).max(120);
const role = z.enum(['admin', 'member']);

export const inviteUserBody = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ message: 'Enter a valid e-mail address' })),
  role,
});

/** The same answer whether or not the address has an account or already runs the organisation. */
export const invitationSentSchema = z
  .object({
    email: z.string().describe('The invited address, lower-case'),
    role,
    message: z.string(),
  })
  .meta({ id: 'OrganisationUserInvitationSent' });

export const userInvitationStatusSchema = z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']);

export const userInvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role,
    status: userInvitationStatusSchema,
    invitedBy: z.string().nullable().describe('The name of the admin who sent it'),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'OrganisationUserInvitation' });
export const userInvitationListSchema = z.object({ items: z.array(userInvitationSchema) });
export const userInvitationParams = z.object({ id: slugOrId, invitationId: z.uuid() });

const invitingOrganisation = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  status: organisationStatusSchema,
});

export const myInvitationSchema = z
  .object({
    id: z.uuid(),
    organisation: invitingOrganisation,
    role,
    invitedBy: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'MyOrganisationInvitation' });
export const myInvitationListSchema = z.object({ items: z.array(myInvitationSchema) });
export const myInvitationParams = z.object({ invitationId: z.uuid() });

export const acceptedInvitationSchema = z
  .object({ organisation: invitingOrganisation, role })
  .meta({ id: 'AcceptedOrganisationInvitation' });

export const invitationLinkParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'An invitation token'),
});
export const invitationLinkSchema = z
  .object({
    id: z.uuid(),
    organisationName: z.string(),
    role,
    email: z.string().describe('The address invited: only an account with this e-mail may accept'),
    status: userInvitationStatusSchema,
    expiresAt: z.string(),
  })
  .meta({ id: 'OrganisationInvitationLink' });

export const setRoleBody = z.object({ role });

export type UserInvitation = z.infer<typeof userInvitationSchema>;
export type MyInvitation = z.infer<typeof myInvitationSchema>;
export type InvitationLink = z.infer<typeof invitationLinkSchema>;
