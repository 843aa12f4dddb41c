import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorBodySchema, forbidden, unauthenticated } from '../../../server/http/errors.ts';
import { canImport } from './import.policy.ts';
import {
  importJobDetailSchema,
  importJobListSchema,
  importJobParams,
  importJobSchema,
  importPreviewSchema,
  previewBody,
  startImportBody,
  type UploadedFile,
} from './import.schemas.ts';
import type { ImportService } from './import.service.ts';
import { PREVIEW_BYTES } from './preview.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  413: errorBodySchema,
};
const MB = 1024 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The largest file a route stores, for the message when it is exceeded. */
    uploadLimit?: number;
  }
  interface FastifyRequest {
    /** The temporary directory of this request's uploads; a started job takes it over. */
    uploadDir: string | null;
    uploadKept: boolean;
  }
}

/** Writes each uploaded file to a temporary directory as it streams in; never holds it in memory. */
async function saveUpload(this: FastifyRequest, part: MultipartFile & { value?: unknown }) {
  this.uploadDir ??= await mkdtemp(join(tmpdir(), 'nexum-import-'));
  const path = join(this.uploadDir, `${part.fieldname}-${Date.now()}`);
  let bytes = 0;
  part.file.on('data', (d: Buffer) => {
    bytes += d.length;
  });
  await pipeline(part.file, createWriteStream(path));
  if (part.file.truncated) {
    const limit = this.routeOptions.config.uploadLimit ?? 0;
    throw new AppError(
      'payload_too_large',
      413,
      `The file is larger than the ${Math.round(limit / MB)} MB an import accepts`,
    );
  }
  const upload: UploadedFile = {
    path,
    fileName: basename(part.filename || part.fieldname).slice(0, 200),
    bytes,
  };
  part.value = upload;
}

/** Refuses before the upload is read: nobody but an administrator makes the server store a file. */
async function onlyAdministrators(req: FastifyRequest) {
  if (!req.actor) throw unauthenticated();
  if (!canImport(req.actor, 'start'))
    throw forbidden('Only platform administrators can import organisations');
}

export async function importRoutes(
  app: FastifyInstance,
  deps: { imports: ImportService },
  opts: { uploadLimit?: number } = {},
): Promise<void> {
  const uploadLimit = opts.uploadLimit ?? 200 * MB;
  app.addHook('onReady', async () => {
    await deps.imports.recoverInterrupted();
  });
  app.addHook('onClose', async () => {
    await deps.imports.close();
  });

  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      onFile: saveUpload,
      limits: { fields: 10, fieldSize: 200_000, files: 2, parts: 12 },
    });
    scope.decorateRequest('uploadDir', null);
    scope.decorateRequest('uploadKept', false);
    scope.addHook('onResponse', async (req) => {
      if (req.uploadDir && !req.uploadKept) await rm(req.uploadDir, { recursive: true, force: true });
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['Import'];

    r.post('/api/v1/imports', {
      onRequest: onlyAdministrators,
      config: { uploadLimit, multipartOptions: { limits: { fileSize: uploadLimit } } },
      schema: {
        operationId: 'startImport',
        tags,
        summary: 'Upload a file and import it in the background (platform administrators)',
        description: `multipart/form-data, at most ${uploadLimit / MB} MB per file. Answers 202 with the job; poll GET /api/v1/imports/{id} for progress.`,
        consumes: ['multipart/form-data'],
        body: startImportBody,
        response: { 202: importJobSchema, ...errors },
      },
      handler: async (req, reply) => {
        const dir = req.uploadDir;
        const job = await deps.imports.start(req.actor, req.body, () =>
          dir ? rm(dir, { recursive: true, force: true }) : Promise.resolve(),
        );
        req.uploadKept = true;
        return reply.status(202).send(job);
      },
    });

    r.post('/api/v1/imports/preview', {
      onRequest: onlyAdministrators,
      config: {
        uploadLimit: PREVIEW_BYTES * 2,
        multipartOptions: { limits: { fileSize: PREVIEW_BYTES * 2 } },
      },
      schema: {
        operationId: 'previewImport',
        tags,
        summary: 'The columns of a file and a suggested mapping, from its first megabyte',
        consumes: ['multipart/form-data'],
        body: previewBody,
        response: { 200: importPreviewSchema, ...errors },
      },
      handler: async (req) => deps.imports.preview(req.actor, req.body.file),
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Import'];
  r.get('/api/v1/imports', {
    schema: {
      operationId: 'listImports',
      tags,
      summary: 'The 50 most recent import jobs (platform administrators)',
      response: { 200: importJobListSchema, ...errors },
    },
    handler: async (req) => deps.imports.list(req.actor),
  });
  r.get('/api/v1/imports/:id', {
    schema: {
      operationId: 'getImport',
      tags,
      summary: 'An import job: progress, counts and the first 1000 problems',
      params: importJobParams,
      response: { 200: importJobDetailSchema, ...errors },
    },
    handler: async (req) => deps.imports.get(req.actor, req.params.id),
  });
  r.get('/api/v1/imports/:id/report.csv', {
    schema: {
      operationId: 'getImportReport',
      tags,
      summary: 'Every problem of an import job, as CSV (row, field, code, problem, value)',
      params: importJobParams,
      response: {
        200: { description: 'CSV, UTF-8', content: { 'text/csv': { schema: z.string() } } },
        ...errors,
      },
    },
    handler: async (req, reply) => {
      const report = await deps.imports.report(req.actor, req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${report.fileName}"`)
        .send(Readable.from(report.lines) as never);
    },
  });
}
