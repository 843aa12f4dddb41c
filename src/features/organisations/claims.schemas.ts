import { z } from 'zod';
import { claimStatusSchema } from './organisations.schemas.ts';

export const claimBody = z.object({
  message: z
    .string()
    .trim()
    .max(2000, 'At most 2000 characters')
    .default('')
    .describe('Who you are and why you should run this profile'),
});
export const claimParams = z.object({ id: z.uuid() });
export const claimSchema = claimStatusSchema.meta({ id: 'OrganisationClaim' });
