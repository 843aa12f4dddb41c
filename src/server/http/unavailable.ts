import type { FastifyReply } from 'fastify';

/**
 * 503 answers: the database is not reachable, or the server sheds load. Both are temporary, so they say
 * when to come back (`Retry-After`, seconds) and keep the API's error shape.
 */
export function sendUnavailable(
  reply: FastifyReply,
  message: string,
  retryAfterSeconds: number,
  details?: Record<string, unknown>,
): FastifyReply {
  return reply
    .status(503)
    .header('retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds))))
    .send({ error: { code: 'service_unavailable', message, ...(details ? { details } : {}) } });
}

export const DATABASE_RETRY_AFTER_S = 5;
export const DATABASE_UNAVAILABLE = 'The database is not available at the moment, try again shortly';

// Sockets that cannot reach the server, or lost it.
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// SQLSTATE: connection exceptions (08…), the server shutting down or starting (57P01–57P03), too many
// connections (53300).
const SQLSTATE = /^(08\d{3}|08P01|57P0[1-3]|53300)$/;
const MESSAGES = [
  /Connection terminated/i, // pg: the socket closed under a query or during connect
  /timeout exceeded when trying to connect/i, // pg.Pool's connectionTimeoutMillis
  /Client has encountered a connection error/i,
  /is not currently accepting connections/i, // 55000 after `alter database … allow_connections false`
  /Cannot use a pool after calling end/i,
  /PGlite is closed/i,
];

/** Whether `err` means the database cannot be reached now (as opposed to a bad query or bad data). */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK.has(e.code) || SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // `connect ECONNREFUSED` on both ::1 and 127.0.0.1 comes as an AggregateError.
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
