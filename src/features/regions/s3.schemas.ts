import { z } from 'zod';
import { ECOSYSTEMS } from '../../shared/ecosystems.ts';
import { naceEntrySchema } from '../organisations/organisations.schemas.ts';
import { regionParams } from './regions.schemas.ts';

/** Plain text: the paper and the page render it as text, so markup would show as angle brackets. */
export const NO_MARKUP = /<\/?[a-z!][^>]*>/i;
const plainText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .refine(
      (s) => !NO_MARKUP.test(s),
      'Plain text only: no HTML tags. Separate paragraphs with a blank line.',
    );

const naceCode = z.string().regex(/^([A-Z]|\d{2}(\.\d{1,2})?)$/, 'A NACE code such as C, 28, 28.4 or 28.41');
const sourceUrl = z
  .union([
    z.url({ protocol: /^https?$/, message: 'A web address starting with http:// or https://' }).max(2000),
    z.literal(''),
  ])
  .nullable();
const unique = <T>(xs: T[]) => new Set(xs).size === xs.length;

export const editorSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    grantedAt: z.string(),
    grantedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .meta({ id: 'RegionEditor' });
export const editorListSchema = z.object({ items: z.array(editorSchema) });
export const grantEditorBody = z.object({
  email: z.email({ message: 'Enter the e-mail address of an existing account' }).max(320),
});
export const editorParams = regionParams.extend({ userId: z.uuid() });

export const s3PrioritySchema = z
  .object({
    id: z.uuid(),
    regionCode: z.string(),
    title: z.string(),
    description: z.string().describe('Plain text; paragraphs separated by a blank line'),
    ecosystems: z.array(z.enum(ECOSYSTEMS)).describe('Codes of the 14 EU industrial ecosystems'),
    nace: z.array(naceEntrySchema).describe('NACE Rev. 2.1 activities, with their names'),
    sourceUrl: z.string().nullable().describe('Where the strategy states this priority'),
    position: z.number().int(),
    sample: z.boolean().describe('Demo data, not taken from the region’s strategy'),
    updatedAt: z.string(),
    updatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .meta({ id: 'S3Priority' });

export const s3PriorityListSchema = z
  .object({
    items: z.array(s3PrioritySchema),
    canEdit: z.boolean().describe('Whether the caller may add, change and remove priorities'),
    canManageEditors: z.boolean().describe('Whether the caller may name the region’s editors'),
  })
  .meta({ id: 'S3PriorityList' });

const priorityFields = z.object({
  title: z.string().trim().min(1, 'Enter a title').max(200, 'At most 200 characters'),
  description: plainText(5000),
  ecosystems: z
    .array(z.enum(ECOSYSTEMS, { message: `One of: ${ECOSYSTEMS.join(', ')}` }))
    .max(ECOSYSTEMS.length)
    .refine(unique, 'Each ecosystem once'),
  naceCodes: z.array(naceCode).max(30, 'At most 30 NACE codes').refine(unique, 'Each NACE code once'),
  sourceUrl,
  position: z.number().int().min(0).max(1000),
});

export const createS3PriorityBody = priorityFields
  .partial()
  .required({ title: true })
  .meta({ id: 'NewS3Priority' });
export const updateS3PriorityBody = priorityFields
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change')
  .meta({ id: 'S3PriorityChange' });
export const priorityParams = regionParams.extend({ id: z.uuid() });

export type S3Priority = z.infer<typeof s3PrioritySchema>;
export type S3PriorityInput = z.infer<typeof updateS3PriorityBody>;
export type RegionEditor = z.infer<typeof editorSchema>;
