import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../server/http/errors.ts';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../server/http/session.ts';
import {
  changePasswordBody,
  createdTokenSchema,
  createTokenBody,
  meSchema,
  signInBody,
  signUpBody,
  tokenSchema,
  updateMeBody,
} from './accounts.schemas.ts';
import type { AccountsService } from './accounts.service.ts';

const errors = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  429: errorBodySchema,
};

export function accountsRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountsService; secureCookies: boolean; signinRateLimit: number },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { accounts, secureCookies } = deps;
  const tags = ['Accounts'];

  r.post('/api/v1/auth/signup', {
    schema: {
      operationId: 'signUp',
      tags,
      summary: 'Create an account and sign in',
      body: signUpBody,
      response: { 201: meSchema, ...errors },
    },
    config: { rateLimit: { max: deps.signinRateLimit, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const { userId, session } = await accounts.signUp(req.body, req.headers['user-agent'] ?? null);
      setSessionCookie(reply, session.token, session.expiresAt, secureCookies);
      return reply.status(201).send(await accounts.me({ userId }));
    },
  });

  r.post('/api/v1/auth/signin', {
    schema: {
      operationId: 'signIn',
      tags,
      summary: 'Sign in with e-mail and password',
      body: signInBody,
      response: { 200: meSchema, ...errors },
    },
    config: { rateLimit: { max: deps.signinRateLimit, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      const { userId, session } = await accounts.signIn(req.body, req.headers['user-agent'] ?? null);
      setSessionCookie(reply, session.token, session.expiresAt, secureCookies);
      return accounts.me({ userId });
    },
  });

  r.post('/api/v1/auth/signout', {
    schema: {
      operationId: 'signOut',
      tags,
      summary: 'End the current session',
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      if (req.sessionToken) await accounts.signOut(req.sessionToken);
      clearSessionCookie(reply, secureCookies);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/auth/session', {
    schema: {
      operationId: 'getSession',
      tags,
      summary: 'The signed-in user, or null when signed out (never 401)',
      response: { 200: z.object({ user: meSchema.nullable() }) },
    },
    handler: async (req) => ({ user: req.actor ? await accounts.me(req.actor) : null }),
  });

  r.get('/api/v1/me', {
    schema: {
      operationId: 'getMe',
      tags,
      summary: 'The signed-in user, with organisations and events',
      response: { 200: meSchema, ...errors },
    },
    handler: async (req) => accounts.me(requireActor(req)),
  });

  r.patch('/api/v1/me', {
    schema: {
      operationId: 'updateMe',
      tags,
      summary: 'Change name or language',
      body: updateMeBody,
      response: { 200: meSchema, ...errors },
    },
    handler: async (req) => {
      const actor = requireActor(req);
      await accounts.updateMe(actor, req.body);
      return accounts.me(actor);
    },
  });

  r.post('/api/v1/me/password', {
    schema: {
      operationId: 'changePassword',
      tags,
      summary: 'Change password (ends other sessions)',
      body: changePasswordBody,
      response: { 204: z.null(), ...errors },
    },
    config: { rateLimit: { max: deps.signinRateLimit, timeWindow: '1 minute' } },
    handler: async (req, reply) => {
      await accounts.changePassword(requireActor(req), req.body, req.sessionToken);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/me/tokens', {
    schema: {
      operationId: 'listApiTokens',
      tags,
      summary: 'Personal API tokens',
      response: { 200: z.object({ items: z.array(tokenSchema) }), ...errors },
    },
    handler: async (req) => ({ items: await accounts.listTokens(requireActor(req)) }),
  });

  r.post('/api/v1/me/tokens', {
    schema: {
      operationId: 'createApiToken',
      tags,
      summary: 'Create a personal API token (shown once)',
      body: createTokenBody,
      response: { 201: createdTokenSchema, ...errors },
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      if (actor.via === 'token') {
        // A token cannot mint further tokens: a leaked one must not be able to persist itself.
        return reply
          .status(403)
          .send({ error: { code: 'forbidden', message: 'Create API tokens from a signed-in session' } });
      }
      return reply.status(201).send(await accounts.createToken(actor, req.body.name));
    },
  });

  r.delete('/api/v1/me/tokens/:id', {
    schema: {
      operationId: 'revokeApiToken',
      tags,
      summary: 'Revoke a personal API token',
      params: z.object({ id: z.uuid() }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await accounts.revokeToken(requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
