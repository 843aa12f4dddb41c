import { z } from 'zod';

const https = z.url({ protocol: /^https$/, message: 'An https:// address' }).max(2000);

export const quotePersonSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  fullName: z.string(),
  honorific: z.string().nullable(),
  jobTitle: z.string().nullable(),
  organisationName: z.string().nullable(),
});

export const quoteSchema = z
  .object({
    id: z.uuid(),
    person: quotePersonSchema,
    text: z.string(),
    context: z.string().nullable(),
    paraphrase: z.boolean().describe('The words are the organisers’ rendering, not a verbatim quotation'),
    position: z.number().int(),
  })
  .meta({ id: 'EventQuote' });

export const photoSchema = z
  .object({
    id: z.uuid(),
    url: z.string().describe('The photo, at most 2048 px on its longer side (JPEG)'),
    thumbUrl: z.string().describe('A 400×300 thumbnail (JPEG)'),
    width: z.number().int(),
    height: z.number().int(),
    caption: z.string(),
    position: z.number().int(),
    hidden: z
      .boolean()
      .describe(
        'Organisers only: it shows a participant without photo consent, so the public does not see it',
      ),
    people: z
      .array(z.object({ registrationId: z.uuid(), name: z.string(), consentPhotos: z.boolean() }))
      .describe('Organisers only: the registered participants shown (empty for others)'),
  })
  .meta({ id: 'EventPhoto' });

export const linkSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['recording', 'document']),
    title: z.string(),
    url: z.string(),
  })
  .meta({ id: 'EventLink' });

const countSchema = z.object({ key: z.string(), count: z.number().int() });
export const statisticsSchema = z
  .object({
    basis: z
      .enum(['confirmed', 'checked_in'])
      .describe('checked_in once the event is over and check-ins were recorded; confirmed before'),
    total: z.number().int(),
    minGroup: z.number().int().describe('Groups smaller than this are not shown separately'),
    byCategory: z.array(countSchema),
    byCountry: z.array(countSchema).describe('ISO 3166 codes'),
    hiddenCategory: z.number().int().describe('People in categories below minGroup'),
    hiddenCountry: z.number().int().describe('People in countries below minGroup or without a country'),
    sample: z.boolean().describe('Some of the counted registrations are generated sample data (the demo)'),
  })
  .meta({ id: 'EventStatistics' });

export const eventSummaryPageSchema = z
  .object({
    eventId: z.uuid(),
    published: z.boolean(),
    publishedAt: z.string().nullable(),
    bodyHtml: z.string().describe('Sanitised HTML (headings, paragraphs, lists, links, bold, italic)'),
    quotes: z.array(quoteSchema),
    photos: z.array(photoSchema),
    links: z.array(linkSchema),
    inputPaperUrl: z.string().nullable(),
    statistics: statisticsSchema
      .nullable()
      .describe('Null until the summary is published (organisers see it)'),
    canEdit: z.boolean(),
  })
  .meta({ id: 'EventSummaryPage' });

export const putSummaryBody = z.object({
  bodyHtml: z.string().max(200_000).describe('HTML; sanitised on the server with an allow-list'),
  published: z.boolean(),
});

export const createQuoteBody = z.object({
  personId: z.uuid(),
  text: z.string().trim().min(1).max(2000),
  context: z.string().trim().max(300).nullable().optional(),
  paraphrase: z.boolean().default(false),
});
export const updateQuoteBody = createQuoteBody
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');

export const orderBody = z.object({
  ids: z.array(z.uuid()).max(1000).describe('Every item of the list, in the new order'),
});

export const updatePhotoBody = z
  .object({
    caption: z.string().trim().max(500),
    registrationIds: z.array(z.uuid()).max(200).describe('The registered participants the photo shows'),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');

export const createLinkBody = z.object({
  kind: z.enum(['recording', 'document']),
  title: z.string().trim().min(1).max(300),
  url: https,
});

export const itemParams = z.object({ id: z.string().min(1).max(120), itemId: z.uuid() });
export const photoImageQuery = z.object({
  size: z.enum(['full', 'thumb']).default('full'),
  v: z.string().max(60).optional(),
});
export const participantSearchQuery = z.object({ q: z.string().trim().max(100).default('') });
export const participantHitSchema = z.object({
  registrationId: z.uuid(),
  name: z.string(),
  organisationName: z.string().nullable(),
  consentPhotos: z.boolean(),
});

export type EventSummaryPage = z.infer<typeof eventSummaryPageSchema>;
export type EventQuote = z.infer<typeof quoteSchema>;
export type EventPhoto = z.infer<typeof photoSchema>;
export type EventLink = z.infer<typeof linkSchema>;
export type EventStatistics = z.infer<typeof statisticsSchema>;
export type ParticipantHit = z.infer<typeof participantHitSchema>;
