import { z } from 'zod';

export const changeEntrySchema = z
  .object({
    id: z.string(),
    action: z
      .string()
      .describe(
        'create, update, submit, publish, reject, claim_approved, user_added, user_removed, member_added, member_removed, invitation_accepted, logo_updated, logo_removed, import…',
      ),
    user: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('Who made the change'),
    createdAt: z.string(),
    changes: z
      .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }))
      .describe('Field → value before and after'),
  })
  .meta({ id: 'OrganisationChange' });

export const changeListSchema = z.object({
  items: z.array(changeEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const changeListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type ChangeEntry = z.infer<typeof changeEntrySchema>;
