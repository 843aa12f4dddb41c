import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../server/http/errors.ts';
import { isLocale, LOCALE_COOKIE, type Locale } from '../../../shared/i18n/index.ts';
import { eventParams } from '../events.schemas.ts';
import {
  calendarFeedParams,
  exportLangQuery,
  frabScheduleSchema,
  personCalendarParams,
} from './exports.schemas.ts';
import type { ExportFile, ExportsService } from './exports.service.ts';

const errors = { 400: errorBodySchema, 404: errorBodySchema };
const ICS = 'text/calendar; charset=utf-8';

/** ?lang, then the locale cookie the web client sets, then the account's language. */
function requestLocale(req: FastifyRequest, lang: Locale | undefined): Locale {
  if (lang) return lang;
  const cookie = req.cookies?.[LOCALE_COOKIE];
  if (isLocale(cookie)) return cookie;
  return req.actor?.locale ?? 'en';
}

/** Sends a file with an ETag, so calendar apps polling a feed get 304 while nothing changed. */
function sendFile(
  req: FastifyRequest,
  reply: FastifyReply,
  file: ExportFile,
  type: string,
  disposition: 'inline' | 'attachment',
  cacheControl: string,
) {
  const etag = `"${file.version}-${createHash('sha256').update(file.body).digest('base64url').slice(0, 22)}"`;
  reply
    .header('ETag', etag)
    .header('Cache-Control', cacheControl)
    .header('Content-Disposition', `${disposition}; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`);
  if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
  // Fastify sends strings and Buffers with a non-JSON type as they are, past the response serializer.
  return reply.type(type).send(file.body as string);
}

export function exportsRoutes(
  app: FastifyInstance,
  deps: { exports: ExportsService; publicUrl: string },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Events'];
  const { publicUrl } = deps;
  const ics = z.string().describe('An RFC 5545 iCalendar file (text/calendar; charset=utf-8)');
  // Drafts are visible to their organisers only, so answers depend on who asks: never shared caches.
  const cache = 'private, no-cache';

  r.get('/api/v1/events/:id/calendar.ics', {
    schema: {
      operationId: 'eventCalendar',
      tags,
      summary: 'The published agenda as an iCalendar file (the event alone before an agenda is published)',
      description: 'See docs/calendar.md. UIDs are stable and SEQUENCE is the agenda version.',
      params: eventParams,
      querystring: exportLangQuery,
      response: { 200: ics, 304: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      const locale = requestLocale(req, req.query.lang);
      const file = await deps.exports.eventCalendar(req.actor, req.params.id, { publicUrl, locale });
      return sendFile(req, reply, file, ICS, 'attachment', cache);
    },
  });

  r.get('/api/v1/events/:id/people/:personId/calendar.ics', {
    schema: {
      operationId: 'personCalendar',
      tags,
      summary: 'The sessions of the published agenda where a person has a role, as an iCalendar file',
      params: personCalendarParams,
      querystring: exportLangQuery,
      response: { 200: ics, 304: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      const locale = requestLocale(req, req.query.lang);
      const file = await deps.exports.personCalendar(req.actor, req.params.id, req.params.personId, {
        publicUrl,
        locale,
      });
      return sendFile(req, reply, file, ICS, 'attachment', cache);
    },
  });

  r.get('/api/v1/calendar/:token.ics', {
    schema: {
      operationId: 'personalCalendarFeed',
      tags,
      summary: 'A participant’s personal calendar feed; the secret token in the URL is the credential',
      description:
        'The event, the sessions the participant has a role in or signed up for, and items of other features (B2B meetings). Unknown tokens, cancelled or rejected registrations and draft events answer 404.',
      params: calendarFeedParams,
      response: { 200: ics, 304: z.null(), 404: errorBodySchema },
      security: [],
    },
    // Tokens are long random secrets, so guessing is hopeless anyway; the limit keeps scans cheap.
    config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const file = await deps.exports.personalFeed(req.params.token, { publicUrl });
      reply.header('X-Robots-Tag', 'noindex').header('Referrer-Policy', 'no-referrer');
      return sendFile(req, reply, file, ICS, 'attachment', 'private, no-cache');
    },
  });

  r.get('/api/v1/events/:id/schedule.json', {
    schema: {
      operationId: 'eventScheduleFrab',
      tags,
      summary: 'The published agenda in the frab schedule JSON format, as pretalx publishes it',
      params: eventParams,
      querystring: exportLangQuery,
      response: { 200: frabScheduleSchema, ...errors },
    },
    handler: async (req, reply) => {
      const locale = requestLocale(req, req.query.lang);
      reply.header('Cache-Control', cache);
      return deps.exports.schedule(req.actor, req.params.id, { publicUrl, locale });
    },
  });

  r.get('/api/v1/events/:id/agenda.pdf', {
    schema: {
      operationId: 'eventAgendaPdf',
      tags,
      summary: 'The published agenda as a printable PDF (A4), in English or Italian',
      params: eventParams,
      querystring: exportLangQuery,
      response: {
        200: z.string().meta({ format: 'binary' }).describe('application/pdf'),
        304: z.null(),
        ...errors,
      },
    },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const locale = requestLocale(req, req.query.lang);
      const file = await deps.exports.agendaPdf(req.actor, req.params.id, { publicUrl, locale });
      return sendFile(req, reply, file, 'application/pdf', 'inline', cache);
    },
  });
}
