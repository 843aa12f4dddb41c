import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { eventParams } from './events.schemas.ts';
import type { GalleryService } from './gallery.service.ts';
import { PHOTO_MAX_BYTES } from './images.ts';
import {
  itemParams,
  participantHitSchema,
  participantSearchQuery,
  photoImageQuery,
  photoSchema,
  updatePhotoBody,
} from './summary.schemas.ts';
import { readImageUpload, sendStoredImage } from './upload.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  413: errorBodySchema,
};

export function galleryRoutes(app: FastifyInstance, deps: { gallery: GalleryService }): void {
  // In its own scope, so its multipart parser and limits concern these routes only.
  app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      await scope.register(fastifyMultipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1 } });
    }
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['Event summaries'];
    const g = deps.gallery;
    r.post('/api/v1/events/:id/photos', {
      schema: {
        operationId: 'uploadEventPhoto',
        tags,
        summary:
          'Upload a gallery photo (PNG, JPEG or WebP up to 20 MB, multipart field "file"; fields caption, consentConfirmed=true, registrationIds); stored at most 2048 px with a 400×300 thumbnail',
        consumes: ['multipart/form-data'],
        params: eventParams,
        response: { 201: photoSchema, ...errors },
      },
      handler: async (req, reply) => {
        const { actor, event } = await g.editable(req.actor, req.params.id);
        const { file, fields } = await readImageUpload(req, PHOTO_MAX_BYTES);
        return reply.status(201).send(await g.upload(actor, event.id, file, fields));
      },
    });
    r.patch('/api/v1/events/:id/photos/:itemId', {
      schema: {
        operationId: 'updateEventPhoto',
        tags,
        summary: 'Change a photo’s caption or the participants it shows (organisers)',
        params: itemParams,
        body: updatePhotoBody,
        response: { 200: photoSchema, ...errors },
      },
      handler: async (req) => g.update(req.actor, req.params.id, req.params.itemId, req.body),
    });
    r.delete('/api/v1/events/:id/photos/:itemId', {
      schema: {
        operationId: 'deleteEventPhoto',
        tags,
        summary: 'Delete a photo (organisers)',
        params: itemParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        await g.remove(req.actor, req.params.id, req.params.itemId);
        return reply.status(204).send(null);
      },
    });
    r.get('/api/v1/events/:id/photos/:itemId/image', {
      schema: {
        operationId: 'getEventPhotoImage',
        tags,
        summary: 'A photo (size=full) or its thumbnail (size=thumb); 404 when the caller may not see it',
        params: itemParams,
        querystring: photoImageQuery,
        response: {
          200: z.string().meta({ format: 'binary' }).describe('JPEG bytes'),
          304: z.null().describe('Not modified'),
          404: errorBodySchema,
        },
      },
      handler: async (req, reply) => {
        const { file, cache } = await g.image(req.actor, req.params.id, req.params.itemId, req.query.size);
        return sendStoredImage(req, reply, file, cache);
      },
    });
    r.get('/api/v1/events/:id/photos/participants', {
      schema: {
        operationId: 'searchPhotoParticipants',
        tags,
        summary: 'Registered participants to tag on a photo, with their photo consent (organisers)',
        params: eventParams,
        querystring: participantSearchQuery,
        response: { 200: z.object({ items: z.array(participantHitSchema) }), ...errors },
      },
      handler: async (req) => ({ items: await g.participants(req.actor, req.params.id, req.query.q) }),
    });
  });
}
