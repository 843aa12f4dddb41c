import type { FastifyReply } from 'fastify';

/** Content-Disposition for a file: an ASCII fallback name plus the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends a file meant for the caller only (badges, letters of support, pitch decks, meeting lists): named
 * for the download, never kept by a shared cache.
 */
export function sendPrivateFile(
  reply: FastifyReply,
  file: { bytes: Uint8Array; fileName: string; type: string },
  kind: 'attachment' | 'inline' = 'attachment',
) {
  return reply
    .type(file.type)
    .header('Content-Disposition', contentDisposition(file.fileName, kind))
    .header('Cache-Control', 'private, no-store')
    .send(Buffer.from(file.bytes) as unknown as string);
}
