import { z } from 'zod';
import { eventSummarySchema } from '../events/events.schemas.ts';

export const overviewSchema = z
  .object({
    counts: z.object({
      organisations: z.number().int(),
      clusters: z.number().int(),
      regions: z.number().int().describe('NUTS 2 regions'),
      regionsWithOrganisations: z.number().int(),
      events: z.number().int(),
      people: z.number().int(),
    }),
    nextEvents: z.array(eventSummarySchema),
    pastEvents: z.array(eventSummarySchema),
  })
  .meta({ id: 'Overview' });
export type Overview = z.infer<typeof overviewSchema>;
