import { z } from 'zod';
import {
  organisationStatusSchema,
  organisationSummarySchema,
  organisationTypeSchema,
} from './organisations.schemas.ts';

const slugOrId = z.string().min(1).max(120);
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid e-mail address' }));

export const addMemberBody = z.object({
  memberId: z.uuid({ message: 'The id of an organisation in the directory' }),
});
export const memberParams = z.object({ id: slugOrId, memberId: z.uuid() });

export const invitationBody = z.object({
  email,
  organisationName: z.string().trim().min(1, 'Enter the organisation’s name').max(300),
});
export const invitationParams = z.object({ id: slugOrId, invitationId: z.uuid() });
export const invitationTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'An invitation token'),
});

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    organisationName: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    status: z.enum(['pending', 'accepted', 'expired']),
    createdBy: z.string().nullable(),
    member: z
      .object({ id: z.uuid(), slug: z.string(), name: z.string(), status: organisationStatusSchema })
      .nullable()
      .describe('The organisation created by accepting the invitation'),
  })
  .meta({ id: 'ClusterInvitation' });
export const createdInvitationSchema = invitationSchema
  .extend({
    token: z.string().describe('Shown only now: the link cannot be recovered later'),
    path: z.string().describe('The page to send the invitee to, relative to the server’s address'),
  })
  .meta({ id: 'CreatedClusterInvitation' });
export const invitationListSchema = z.object({ items: z.array(invitationSchema) });

export const invitationPreviewSchema = z
  .object({
    cluster: organisationSummarySchema,
    organisationName: z.string(),
    email: z.string(),
    status: z.enum(['pending', 'accepted', 'expired']),
    memberSlug: z.string().nullable(),
  })
  .meta({ id: 'InvitationPreview' });
export const acceptInvitationBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the name')
    .max(300)
    .optional()
    .describe('Defaults to the invited name'),
  type: organisationTypeSchema,
});

export const organisationUserSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'member']),
    since: z.string(),
  })
  .meta({ id: 'OrganisationUser' });
export const organisationUserListSchema = z.object({ items: z.array(organisationUserSchema) });
export const userParams = z.object({ id: slugOrId, userId: z.uuid() });

export type Invitation = z.infer<typeof invitationSchema>;
export type OrganisationUser = z.infer<typeof organisationUserSchema>;
