import { z } from 'zod';
import { regionParams } from './regions.schemas.ts';
import { NO_MARKUP } from './s3.schemas.ts';

/** The narrative sections of an Input Paper, in the order the paper prints them. */
export const PAPER_SECTIONS = ['introduction', 'megatrends', 'challenges', 'outlook'] as const;
export type PaperSectionKey = (typeof PAPER_SECTIONS)[number];
export const SECTION_MAX_CHARS = 30_000;

const language = z.enum(['en', 'it'], { message: 'en or it' });

export const paperSectionSchema = z
  .object({
    key: z.enum(PAPER_SECTIONS),
    language,
    version: z.number().int(),
    body: z.string().describe('Plain text; paragraphs separated by a blank line. Empty: not written'),
    sample: z.boolean().describe('Demo text of the seed, not the region’s own analysis'),
    restoredFrom: z.number().int().nullable().describe('The version this save restored, if any'),
    author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PaperSection' });

export const paperSectionListSchema = z
  .object({
    items: z.array(paperSectionSchema).describe('The latest version of each section and language written'),
    canEdit: z.boolean(),
  })
  .meta({ id: 'PaperSectionList' });

export const paperSectionVersionsSchema = z
  .object({ items: z.array(paperSectionSchema).describe('Newest first') })
  .meta({ id: 'PaperSectionVersions' });

export const sectionParams = regionParams.extend({
  key: z.enum(PAPER_SECTIONS, { message: `One of: ${PAPER_SECTIONS.join(', ')}` }),
});
export const versionParams = sectionParams.extend({ version: z.coerce.number().int().min(1) });
export const sectionLangQuery = z.object({ lang: language.default('en') });

export const saveSectionBody = z
  .object({
    language,
    body: z
      .string()
      .max(SECTION_MAX_CHARS, `At most ${SECTION_MAX_CHARS} characters`)
      .transform((s) =>
        s
          .replace(/\r\n?/g, '\n')
          .replace(/[ \t]+$/gm, '')
          .trim(),
      )
      .refine(
        (s) => !NO_MARKUP.test(s),
        'Plain text only: no HTML tags. Separate paragraphs with a blank line.',
      ),
  })
  .meta({ id: 'PaperSectionSave' });
export const restoreSectionBody = z.object({ language });

export const paperQuery = z.object({
  lang: language.optional().describe('Default: the language cookie, then the account’s, then English'),
  format: z.enum(['html', 'pdf']).optional().describe('Default: PDF when Accept prefers application/pdf'),
});

export type PaperSection = z.infer<typeof paperSectionSchema>;
