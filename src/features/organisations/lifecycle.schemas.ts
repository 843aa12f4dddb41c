import { z } from 'zod';
import { organisationSummarySchema } from './organisations.schemas.ts';

export const reasonBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, 'Give a reason (at least 3 characters)')
    .max(2000, 'At most 2000 characters'),
});

export const reviewQueueSchema = z
  .object({
    organisations: z.array(
      organisationSummarySchema.extend({
        submittedAt: z.string().nullable(),
        createdBy: z.object({ name: z.string(), email: z.string() }).nullable(),
      }),
    ),
    claims: z.array(
      z.object({
        id: z.uuid(),
        organisation: organisationSummarySchema,
        user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
        message: z.string(),
        createdAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'ReviewQueue' });

export type ReviewQueue = z.infer<typeof reviewQueueSchema>;
