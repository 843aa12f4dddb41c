import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../server/http/errors.ts';

const noFile = () =>
  badRequest('Send the image as multipart/form-data, in a file field named "file"', {
    fields: [{ field: 'body.file', message: 'Choose an image file' }],
  });

/**
 * A multipart upload with one file field named "file" and text fields (repeated fields collect), read
 * only after the caller was authorised; a file over maxBytes is a 413, never a 500.
 */
export async function readImageUpload(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ file: Buffer; fields: Record<string, string[]> }> {
  if (!req.isMultipart()) throw noFile();
  const fields: Record<string, string[]> = {};
  let file: Buffer | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 200 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw noFile();
        file = await part.toBuffer();
      } else {
        fields[part.fieldname] = [...(fields[part.fieldname] ?? []), String(part.value)];
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(
        'payload_too_large',
        413,
        `The file is larger than ${Math.round(maxBytes / 1048576)} MB`,
      );
    if (code?.startsWith('FST_')) throw noFile();
    throw e;
  }
  if (!file || file.length === 0) throw noFile();
  return { file, fields };
}

/**
 * Sends a stored image with an ETag of its file id (stored files never change: a new upload is a new
 * file). `cache` says how long others may keep it; a request for the current version (`?v=` equal to
 * the file id) of a public image is cached for a year.
 */
export function sendStoredImage(
  req: FastifyRequest,
  reply: FastifyReply,
  file: { id: string; content_type: string; bytes: Buffer },
  cache: 'immutable' | 'short' | 'private',
) {
  const etag = `"${file.id}"`;
  const version = (req.query as { v?: string } | undefined)?.v;
  reply
    .header('ETag', etag)
    .header(
      'Cache-Control',
      cache === 'private'
        ? 'private, no-cache'
        : cache === 'immutable' && version === file.id
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=600',
    )
    .header('X-Content-Type-Options', 'nosniff');
  if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
  // Fastify sends a Buffer as is, without the response schema's serializer.
  return reply.type(file.content_type).send(Buffer.from(file.bytes) as unknown as string);
}
