import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../../server/http/download.ts';
import { errorBodySchema } from '../../server/http/errors.ts';
import { isLocale, LOCALE_COOKIE, type Locale } from '../../shared/i18n/index.ts';
import {
  paperQuery,
  paperSectionListSchema,
  paperSectionSchema,
  paperSectionVersionsSchema,
  restoreSectionBody,
  saveSectionBody,
  sectionLangQuery,
  sectionParams,
  versionParams,
} from './paper.schemas.ts';
import type { PaperService } from './paper.service.ts';
import { regionParams } from './regions.schemas.ts';
import type { SectionsService } from './sections.service.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** ?lang, then the language cookie the web client sets, then the account's language. */
function paperLocale(req: FastifyRequest, lang: Locale | undefined): Locale {
  if (lang) return lang;
  const cookie = req.cookies?.[LOCALE_COOKIE];
  return isLocale(cookie) ? cookie : (req.actor?.locale ?? 'en');
}

/** PDF when the Accept header rates application/pdf above text/html (a browser's default asks for HTML). */
export function prefersPdf(accept: string | undefined): boolean {
  if (!accept) return false;
  const q = (type: string) => {
    let best = -1;
    for (const part of accept.split(',')) {
      const [media = '', ...params] = part.trim().toLowerCase().split(';');
      if (media !== type && media !== '*/*' && media !== `${type.split('/')[0]}/*`) continue;
      const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const value = qp ? Number(qp.slice(2)) : 1;
      // An exact match wins over a wildcard of the same weight.
      best = Math.max(best, media === type ? value + 0.001 : value);
    }
    return best;
  };
  return q('application/pdf') > q('text/html');
}

export function paperRoutes(app: FastifyInstance, deps: { paper: PaperService; sections: SectionsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Regions'];
  const s = deps.sections;

  r.get('/api/v1/regions/:code/paper', {
    schema: {
      operationId: 'getRegionInputPaper',
      tags,
      summary: 'The region’s Input Paper, as a printable HTML page or a PDF, in English or Italian',
      description:
        'Generated on request from the database: key figures and indicators beside the country and the EU27 (each with its source and year; missing figures shown as missing), trend charts with their figures as tables, the regional ecosystem from the directory (sample organisations counted apart), the S3 priorities, the narrative sections the region’s editors wrote (a placeholder where none is written) and the sources with their licences. HTML by default; PDF (tagged, A4) with ?format=pdf or Accept: application/pdf.',
      params: regionParams,
      querystring: paperQuery,
      produces: ['text/html', 'application/pdf'],
      response: {
        200: {
          description: 'The paper',
          content: {
            'text/html': { schema: z.string().describe('A complete HTML document (UTF-8)') },
            'application/pdf': {
              schema: z.string().meta({ format: 'binary' }).describe('A tagged PDF (A4)'),
            },
          },
        },
        400: errorBodySchema,
        404: errorBodySchema,
      },
    },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const locale = paperLocale(req, req.query.lang);
      const pdf = req.query.format ? req.query.format === 'pdf' : prefersPdf(req.headers.accept);
      reply.header('Vary', 'Accept, Cookie').header('Cache-Control', 'no-cache');
      if (pdf) {
        const file = await deps.paper.pdf(req.params.code, locale);
        return reply
          .type('application/pdf')
          .header('Content-Disposition', contentDisposition(file.fileName, 'inline'))
          .send(file.body as unknown as string);
      }
      const file = await deps.paper.html(req.params.code, locale);
      return reply.type('text/html; charset=utf-8').header('Content-Language', locale).send(file.body);
    },
  });

  r.get('/api/v1/regions/:code/paper/sections', {
    schema: {
      operationId: 'listRegionPaperSections',
      tags,
      summary: 'The latest text of each Input Paper section, in each language written',
      description:
        'Public. Sections: introduction, megatrends, challenges, outlook; plain text written by the region’s editors. canEdit says whether the caller may write them.',
      params: regionParams,
      response: { 200: paperSectionListSchema, 400: errorBodySchema, 404: errorBodySchema },
    },
    handler: (req) => s.list(req.actor, req.params.code),
  });
  r.get('/api/v1/regions/:code/paper/sections/:key/versions', {
    schema: {
      operationId: 'listRegionPaperSectionVersions',
      tags,
      summary: 'Every saved version of one section in one language, newest first',
      params: sectionParams,
      querystring: sectionLangQuery,
      response: { 200: paperSectionVersionsSchema, 400: errorBodySchema, 404: errorBodySchema },
    },
    handler: (req) => s.versions(req.actor, req.params.code, req.params.key, req.query.lang),
  });
  r.post('/api/v1/regions/:code/paper/sections/:key/versions', {
    schema: {
      operationId: 'saveRegionPaperSection',
      tags,
      summary: 'Save a section’s text as its new latest version (the region’s editors, administrators)',
      description:
        'Plain text, paragraphs separated by a blank line; HTML tags are refused. An empty text withdraws the section (the paper shows its placeholder); earlier versions stay.',
      params: sectionParams,
      body: saveSectionBody,
      response: { 201: paperSectionSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await s.save(req.actor, req.params.code, req.params.key, req.body.language, req.body.body)),
  });
  r.post('/api/v1/regions/:code/paper/sections/:key/versions/:version/restore', {
    schema: {
      operationId: 'restoreRegionPaperSection',
      tags,
      summary:
        'Save an earlier version’s text as the new latest version (the region’s editors, administrators)',
      params: versionParams,
      body: restoreSectionBody,
      response: { 201: paperSectionSchema, ...errors },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(
          await s.restore(req.actor, req.params.code, req.params.key, req.body.language, req.params.version),
        ),
  });
}
