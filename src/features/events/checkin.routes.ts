import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPrivateFile } from '../../server/http/download.ts';
import { errorBodySchema } from '../../server/http/errors.ts';
import { isLocale, LOCALE_COOKIE, type Locale } from '../../shared/i18n/index.ts';
import type { BadgesService } from './badges.service.ts';
import type { CheckinService } from './checkin.service.ts';
import {
  checkInBody,
  checkInResultSchema,
  eventRefParams,
  registrationParams,
  registrationSchema,
} from './registrations.schemas.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
};
const pdf = z.string().meta({ format: 'binary' }).describe('application/pdf');
const langQuery = z.object({ lang: z.enum(['en', 'it']).optional() });

function locale(req: FastifyRequest, lang: Locale | undefined): Locale {
  const cookie = req.cookies?.[LOCALE_COOKIE];
  return lang ?? (isLocale(cookie) ? cookie : (req.actor?.locale ?? 'en'));
}

/** Badges (PDF with a QR code) and check-in at the door. */
export function checkinRoutes(
  app: FastifyInstance,
  deps: { checkin: CheckinService; badges: BadgesService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Registrations'];
  r.post('/api/v1/events/:id/check-in', {
    schema: {
      operationId: 'checkInByCode',
      tags,
      summary: 'Check a participant in by the badge code (scanned or typed); idempotent (organisers)',
      params: eventRefParams,
      body: checkInBody,
      response: { 200: checkInResultSchema, ...errors },
    },
    handler: async (req) => deps.checkin.byCode(req.actor, req.params.id, req.body.code),
  });
  r.post('/api/v1/registrations/:id/check-in', {
    schema: {
      operationId: 'checkInRegistration',
      tags,
      summary: 'Check a participant in, found by search; idempotent (organisers)',
      params: registrationParams,
      response: { 200: checkInResultSchema, ...errors },
    },
    handler: async (req) => deps.checkin.byId(req.actor, req.params.id),
  });
  r.delete('/api/v1/registrations/:id/check-in', {
    schema: {
      operationId: 'undoCheckIn',
      tags,
      summary: 'Undo a check-in (organisers)',
      params: registrationParams,
      response: { 200: registrationSchema, ...errors },
    },
    handler: async (req) => deps.checkin.undo(req.actor, req.params.id),
  });
  r.get('/api/v1/registrations/:id/badge.pdf', {
    schema: {
      operationId: 'registrationBadge',
      tags,
      summary: 'The participant’s badge (A6 PDF with a QR code of the badge code); confirmed registrations',
      params: registrationParams,
      querystring: langQuery,
      response: { 200: pdf, ...errors },
    },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const file = await deps.badges.one(req.actor, req.params.id, locale(req, req.query.lang));
      return sendPrivateFile(reply, { bytes: file.body, fileName: file.fileName, type: 'application/pdf' });
    },
  });
  r.get('/api/v1/events/:id/badges.pdf', {
    schema: {
      operationId: 'eventBadges',
      tags,
      summary: 'Badges of every confirmed participant, four per A4 page (organisers)',
      params: eventRefParams,
      querystring: langQuery,
      response: { 200: pdf, ...errors },
    },
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const file = await deps.badges.all(req.actor, req.params.id, locale(req, req.query.lang));
      return sendPrivateFile(reply, { bytes: file.body, fileName: file.fileName, type: 'application/pdf' });
    },
  });
}
