import { z } from 'zod';

export const outboxStatusSchema = z.enum(['queued', 'sent', 'failed', 'recorded']);

export const outboxQuery = z.object({
  status: outboxStatusSchema.optional(),
  kind: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'A mail kind, e.g. registration_confirmed')
    .optional(),
  q: z.string().trim().max(200).optional().describe('Part of the recipient’s address or the subject'),
  eventId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const outboxMailSchema = z
  .object({
    id: z.uuid(),
    to: z.string(),
    kind: z.string(),
    subject: z.string(),
    body: z.string(),
    status: outboxStatusSchema.describe('recorded: no SMTP server configured, kept here only'),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    event: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }).nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMail' });

export const outboxListSchema = z
  .object({
    items: z.array(outboxMailSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    kinds: z.array(z.string()).describe('Every kind in the outbox, for filters'),
    smtp: z.boolean().describe('Whether an SMTP server is configured'),
  })
  .meta({ id: 'OutboxList' });

export type OutboxQuery = z.infer<typeof outboxQuery>;
export type OutboxMail = z.infer<typeof outboxMailSchema>;
export type OutboxList = z.infer<typeof outboxListSchema>;
