import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, errorBodySchema, notFound } from '../../server/http/errors.ts';
import { LOGO_MAX_BYTES, type LogoService, logoTooLarge } from './logo.service.ts';
import { organisationParams } from './organisations.schemas.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  413: errorBodySchema,
};
const logoSchema = z
  .object({
    url: z.string().describe('Versioned address of the stored logo'),
    contentType: z.enum(['image/png', 'image/jpeg', 'image/webp']),
    width: z.number().int(),
    height: z.number().int(),
  })
  .meta({ id: 'OrganisationLogo' });

const noFile = () =>
  badRequest('Send the logo as multipart/form-data, in a file field named "file"', {
    fields: [{ field: 'body.file', message: 'Choose an image file' }],
  });

/** The uploaded file's bytes, at most 5 MB, read only after the caller was authorised. */
async function readUpload(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw noFile();
  try {
    const file = await req.file({ limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 5 } });
    if (file?.fieldname !== 'file') throw noFile();
    return await file.toBuffer();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw logoTooLarge();
    if (code?.startsWith('FST_')) throw noFile();
    throw e;
  }
}

export function logoRoutes(app: FastifyInstance, deps: { logos: LogoService }): void {
  // In its own scope, so its multipart parser and limits concern these routes only.
  app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      await scope.register(fastifyMultipart, { limits: { fileSize: LOGO_MAX_BYTES, files: 1 } });
    }
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['Directory'];
    r.put('/api/v1/organisations/:id/logo', {
      schema: {
        operationId: 'putOrganisationLogo',
        tags,
        summary:
          'Upload the logo (PNG, JPEG or WebP up to 5 MB, multipart field "file"); stored at most 256×256',
        consumes: ['multipart/form-data'],
        params: organisationParams,
        response: { 200: logoSchema, ...errors },
      },
      handler: async (req) => {
        const { actor, organisation } = await deps.logos.editable(req.actor, req.params.id);
        return deps.logos.put(actor, organisation.id, await readUpload(req));
      },
    });
    r.delete('/api/v1/organisations/:id/logo', {
      schema: {
        operationId: 'deleteOrganisationLogo',
        tags,
        summary: 'Remove the logo (organisation admins)',
        params: organisationParams,
        response: { 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        const { actor, organisation } = await deps.logos.editable(req.actor, req.params.id);
        await deps.logos.remove(actor, organisation.id);
        return reply.status(204).send(null);
      },
    });
    r.get('/api/v1/organisations/:id/logo', {
      schema: {
        operationId: 'getOrganisationLogo',
        tags,
        summary: 'The logo image; cache it with ETag / If-None-Match',
        params: organisationParams,
        querystring: z.object({
          v: z
            .string()
            .max(20)
            .optional()
            .describe('Version from logoUrl; a current version is cached for a day'),
        }),
        response: {
          200: z
            .string()
            .meta({ format: 'binary' })
            .describe('The image bytes (Content-Type image/png, image/jpeg or image/webp)'),
          304: z.null().describe('Not modified'),
          404: errorBodySchema,
        },
      },
      handler: async (req, reply) => {
        const logo = await deps.logos.get(req.actor, req.params.id);
        if (!logo) throw notFound('Logo');
        const version = String(new Date(logo.updated_at).getTime());
        const etag = `"${version}-${logo.bytes.length}"`;
        reply
          .header('ETag', etag)
          .header('Last-Modified', new Date(logo.updated_at).toUTCString())
          .header(
            'Cache-Control',
            !logo.published
              ? 'private, no-cache'
              : req.query.v === version
                ? 'public, max-age=86400'
                : 'public, no-cache',
          );
        if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
        // Fastify sends a Buffer as is, without the response schema's serializer.
        return reply.type(logo.content_type).send(Buffer.from(logo.bytes) as unknown as string);
      },
    });
  });
}
