import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DATABASE_RETRY_AFTER_S,
  DATABASE_UNAVAILABLE,
  isDatabaseUnavailable,
  sendUnavailable,
} from './unavailable.ts';

export type ErrorCode =
  | 'bad_request'
  | 'invalid_multipart'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'request_header_too_large'
  | 'request_timeout'
  | 'service_unavailable'
  | 'internal';

/** The one error type services throw; the API turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly httpStatus: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('not_found', 404, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError('forbidden', 403, message);
export const unauthenticated = (message = 'Sign in first') => new AppError('unauthenticated', 401, message);
export const conflict = (message: string, details?: unknown) =>
  new AppError('conflict', 409, message, details);
export const badRequest = (message: string, details?: unknown) =>
  new AppError('bad_request', 400, message, details);

/**
 * The multipart parser (busboy, under @fastify/multipart) reports a body it cannot read as a plain Error
 * with no code or status: a Content-Type without a usable boundary, or a body that ends before its
 * closing boundary (truncated, or written with another boundary). These are the client's fault: a 400.
 */
const MULTIPART_HEADER =
  /^(Multipart: Boundary not found|The needle cannot (be an empty|have a length bigger))/;
const MULTIPART_BODY = /(unexpected end of multipart data|^Malformed part header|^Unexpected end of form)/i;

export function multipartError(err: unknown): AppError | null {
  if (!(err instanceof Error) || err instanceof AppError) return null;
  const code = (err as { code?: unknown }).code;
  if (code === 'FST_MP_PREMATURE_CLOSE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return new AppError('invalid_multipart', 400, 'The request is not a complete multipart/form-data body');
  }
  if (code !== undefined || (err as { statusCode?: unknown }).statusCode !== undefined) return null;
  if (MULTIPART_HEADER.test(err.message)) {
    return new AppError(
      'invalid_multipart',
      400,
      'The Content-Type header needs a boundary parameter of 1 to 70 characters (multipart/form-data; boundary=…)',
    );
  }
  if (MULTIPART_BODY.test(err.message)) {
    return new AppError(
      'invalid_multipart',
      400,
      'The multipart body is malformed or ends early (a missing closing boundary, or one that does not match the Content-Type)',
    );
  }
  return null;
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (a URL or headers over the 16 KB
 * limit, a request that never finishes, bytes that are not HTTP), answered on the raw socket with the
 * same error shape and headers as every other error, then the connection is closed.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request_header_too_large', 'The request URL or headers are larger than 16 KB']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive']
        : [400, 'bad_request', 'The request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n" +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError, req, reply) => {
    const err = multipartError(raw) ?? raw;
    if (err instanceof AppError) {
      return reply
        .status(err.httpStatus)
        .send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send({
        error: { code: 'validation_failed', message: 'The request has invalid fields', details: { fields } },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'rate_limited', message: 'Too many requests, try again later' } });
    }
    if (status === 413) {
      return reply
        .status(413)
        .send({ error: { code: 'payload_too_large', message: 'The request body is too large' } });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, empty body…
      return reply.status(status).send({ error: { code: 'bad_request', message: err.message } });
    }
    // Unique-constraint and exclusion-constraint races surface as PostgreSQL 23505 and 23P01.
    const dbCode = (err as unknown as { code?: string }).code;
    if (dbCode === '23505' || dbCode === '23P01') {
      return reply.status(409).send({ error: { code: 'conflict', message: 'This already exists' } });
    }
    // PostgreSQL "data exception" (22xxx): a value in the request the database cannot store (NUL, year 0…).
    const pgCode = (err as unknown as { code?: unknown }).code;
    if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode)) {
      return reply
        .status(400)
        .send({ error: { code: 'bad_request', message: 'The request has a value that cannot be stored' } });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err }, 'database unavailable');
      return sendUnavailable(reply, DATABASE_UNAVAILABLE, DATABASE_RETRY_AFTER_S);
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error' } });
  });
  app.setNotFoundHandler((req, reply) => {
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
  });
}
