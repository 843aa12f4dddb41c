import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountsService } from '../../features/accounts/accounts.service.ts';
import type { Actor } from '../../features/accounts/actor.ts';
import { forbidden, unauthenticated } from './errors.ts';

export const SESSION_COOKIE = 'nexum_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the actor from the session cookie or a Bearer API token, and refuses cross-site mutations:
 * a browser always sends Origin on a POST, so a foreign (or opaque, "null") Origin is a forged request.
 */
export function registerSession(app: FastifyInstance, accounts: AccountsService, publicUrl: string): void {
  const allowed = new Set([new URL(publicUrl).origin]);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (req) => {
    if (MUTATING.has(req.method)) {
      const origin = req.headers.origin;
      const hostOrigin = req.headers.host ? `${req.protocol}://${req.headers.host}` : null;
      // "null" is an opaque origin (a sandboxed frame, a data: or file: page, a cross-site redirect):
      // never Nexum's own pages, so it is refused like a foreign one.
      if (origin === 'null') throw forbidden('Cross-site request refused (Origin: null)');
      if (origin && !allowed.has(origin) && origin !== hostOrigin) {
        throw forbidden('Cross-site request refused (Origin does not match)');
      }
      if (req.headers['sec-fetch-site'] === 'cross-site') throw forbidden('Cross-site request refused');
    }
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await accounts.authenticateApiToken(auth.slice(7).trim());
      if (!actor) throw unauthenticated('Invalid or revoked API token');
      req.actor = actor;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.actor = await accounts.authenticateSession(token);
      if (req.actor) req.sessionToken = token;
    }
  });
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
