import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import type { BannerService } from './banner.service.ts';
import { eventBannerSchema, eventParams } from './events.schemas.ts';
import { BANNER_MAX_BYTES } from './images.ts';
import { readImageUpload, sendStoredImage } from './upload.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  413: errorBodySchema,
};
const imageResponse = {
  200: z.string().meta({ format: 'binary' }).describe('The image bytes'),
  304: z.null().describe('Not modified'),
  404: errorBodySchema,
};
const versionQuery = z.object({
  v: z
    .string()
    .max(60)
    .optional()
    .describe('Version from the banner URL; the current version is cached for a year'),
});

export function bannerRoutes(app: FastifyInstance, deps: { banners: BannerService }): void {
  // In its own scope, so its multipart parser and limits concern these routes only.
  app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      await scope.register(fastifyMultipart, { limits: { fileSize: BANNER_MAX_BYTES, files: 1 } });
    }
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['Events'];
    r.put('/api/v1/events/:id/banner', {
      schema: {
        operationId: 'putEventBanner',
        tags,
        summary:
          'Upload the banner (PNG, JPEG or WebP up to 10 MB, at least 600×300, multipart field "file"); stored 1600 px wide and as a 1200×630 share card',
        consumes: ['multipart/form-data'],
        params: eventParams,
        response: { 200: eventBannerSchema, ...errors },
      },
      handler: async (req) => {
        const { actor, eventId } = await deps.banners.editable(req.actor, req.params.id);
        const { file } = await readImageUpload(req, BANNER_MAX_BYTES);
        return deps.banners.put(actor, eventId, file);
      },
    });
    r.delete('/api/v1/events/:id/banner', {
      schema: {
        operationId: 'deleteEventBanner',
        tags,
        summary: 'Remove the banner (the event’s organisers)',
        params: eventParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        const { eventId } = await deps.banners.editable(req.actor, req.params.id);
        await deps.banners.remove(eventId);
        return reply.status(204).send(null);
      },
    });
    for (const variant of ['page', 'card'] as const) {
      r.get(variant === 'page' ? '/api/v1/events/:id/banner' : '/api/v1/events/:id/banner/card', {
        schema: {
          operationId: variant === 'page' ? 'getEventBanner' : 'getEventBannerCard',
          tags,
          summary:
            variant === 'page'
              ? 'The banner image (WebP, at most 1600 px wide); ETag / If-None-Match'
              : 'The banner as a 1200×630 JPEG share card',
          params: eventParams,
          querystring: versionQuery,
          response: imageResponse,
        },
        handler: async (req, reply) => {
          const image = await deps.banners.image(req.actor, req.params.id, variant);
          return sendStoredImage(req, reply, image, image.public ? 'immutable' : 'private');
        },
      });
    }
  });
}
