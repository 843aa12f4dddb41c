// Uploaded PDFs (letters of support, pitch decks): read from a multipart request after the caller was
// authorised, checked by their bytes (never the name or the declared type), at most 10 MB.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../server/http/errors.ts';

export const PDF_MAX_BYTES = 10 * 1024 * 1024;

export const pdfTooLarge = () => new AppError('payload_too_large', 413, 'The PDF file is larger than 10 MB');

const noFile = () =>
  badRequest('Send the PDF as multipart/form-data, in a file field named "file"', {
    fields: [{ field: 'body.file', message: 'Choose a PDF file' }],
  });

export const notPdf = () =>
  badRequest('The file is not a PDF', { fields: [{ field: 'body.file', message: 'Upload a PDF file' }] });

/** A PDF starts with "%PDF-" (ISO 32000); anything else is refused whatever its name says. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** Lets a route scope parse multipart bodies up to the PDF limit (once per scope). */
export async function registerPdfMultipart(scope: FastifyInstance): Promise<void> {
  if (!scope.hasContentTypeParser('multipart/form-data')) {
    await scope.register(fastifyMultipart, { limits: { fileSize: PDF_MAX_BYTES, files: 1 } });
  }
}

/** The uploaded PDF with its file name; throws 400 for a missing or non-PDF file, 413 above 10 MB. */
export async function readPdfUpload(req: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!req.isMultipart()) throw noFile();
  let bytes: Buffer;
  let fileName: string;
  try {
    const file = await req.file({ limits: { fileSize: PDF_MAX_BYTES, files: 1, fields: 5 } });
    if (file?.fieldname !== 'file') throw noFile();
    bytes = await file.toBuffer();
    fileName = file.filename;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw pdfTooLarge();
    if (code?.startsWith('FST_')) throw noFile();
    throw e;
  }
  if (!isPdf(bytes)) throw notPdf();
  // Keep a plain, bounded name for the download's Content-Disposition.
  const clean = fileName.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(-120) || 'document.pdf';
  return { bytes, fileName: clean.toLowerCase().endsWith('.pdf') ? clean : `${clean}.pdf` };
}
