import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { accountsRepo } from '../features/accounts/accounts.repo.ts';
import { accountsRoutes } from '../features/accounts/accounts.routes.ts';
import { type AccountsService, accountsService } from '../features/accounts/accounts.service.ts';
import { eventsRepo } from '../features/events/events.repo.ts';
import { eventsRoutes } from '../features/events/events.routes.ts';
import { type EventsService, eventsService } from '../features/events/events.service.ts';
import { importRepo } from '../features/organisations/import/import.repo.ts';
import { importRoutes } from '../features/organisations/import/import.routes.ts';
import { type ImportService, importService } from '../features/organisations/import/import.service.ts';
import { organisationsRepo } from '../features/organisations/organisations.repo.ts';
import { organisationsRoutes } from '../features/organisations/organisations.routes.ts';
import {
  type OrganisationsService,
  organisationsService,
} from '../features/organisations/organisations.service.ts';
import { type ProfileServices, profileServices } from '../features/organisations/profile.services.ts';
import { searchRepo } from '../features/organisations/search.repo.ts';
import { searchRoutes } from '../features/organisations/search.routes.ts';
import { type SearchService, searchService } from '../features/organisations/search.service.ts';
import { overviewRoutes } from '../features/overview/overview.routes.ts';
import { type OverviewService, overviewService } from '../features/overview/overview.service.ts';
import { regionsRepo } from '../features/regions/regions.repo.ts';
import { regionsRoutes } from '../features/regions/regions.routes.ts';
import { type RegionsService, regionsService } from '../features/regions/regions.service.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { registerErrorHandler } from './http/errors.ts';
import { registerSecurityHeaders } from './http/security.ts';
import { registerSession } from './http/session.ts';
import { registerSpa } from './http/spa.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Services {
  accounts: AccountsService;
  regions: RegionsService;
  organisations: OrganisationsService;
  profiles: ProfileServices;
  search: SearchService;
  events: EventsService;
  overview: OverviewService;
  imports: ImportService;
}

export function buildServices(database: Database, config: Pick<Config, 'sessionDays'>): Services {
  const db = database.db;
  const events = eventsService(eventsRepo(db));
  const organisations = organisationsService(organisationsRepo(db));
  return {
    organisations,
    profiles: profileServices(db, organisations),
    search: searchService(searchRepo(db), { parallelFacets: database.kind === 'postgres' }),
    accounts: accountsService(accountsRepo(db), { sessionDays: config.sessionDays }),
    regions: regionsService(regionsRepo(db)),
    events,
    overview: overviewService(db, events),
    imports: importService(importRepo(db)),
  };
}

export interface BuildOptions {
  config: Config;
  database: Database;
  /** Where the built web client is; tests without a build get the fallback shell. */
  clientDir?: string;
  logger?: boolean;
}

export async function buildApp(opts: BuildOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger === false || config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: 1_048_576,
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    // Errors Fastify raises before routing (a malformed URL) get the same body and headers as ours.
    frameworkErrors: (err, _req, res) => {
      const reply = res as unknown as FastifyReply;
      reply
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
        .status(err.statusCode ?? 400)
        .send({ error: { code: 'bad_request', message: err.message } });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app);

  const services = buildServices(database, config);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  registerSession(app, services.accounts, config.publicUrl);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Nexum API',
        version: '1',
        description:
          'Clusters meet regions: the ecosystem directory, NUTS regions, events. Authenticate with the session cookie or a personal API token as `Authorization: Bearer nxm_…`. Errors are `{ error: { code, message, details } }`.',
        license: { name: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (Account page)' },
          session: { type: 'apiKey', in: 'cookie', name: 'nexum_session' },
        },
      },
      security: [{}, { bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'"),
    uiConfig: { docExpansion: 'list' },
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  accountsRoutes(app, {
    accounts: services.accounts,
    secureCookies: config.publicUrl.startsWith('https:'),
    signinRateLimit: config.signinRateLimit,
  });
  overviewRoutes(app, services);
  regionsRoutes(app, services);
  searchRoutes(app, services);
  organisationsRoutes(app, services);
  await importRoutes(app, services);
  eventsRoutes(app, services);

  await app.register(async (geo) => {
    await geo.register(fastifyStatic, {
      root: join(ROOT, 'assets', 'geo'),
      prefix: '/geo/',
      maxAge: '1d',
      decorateReply: false,
    });
  });
  registerSpa(app, {
    clientDir: opts.clientDir ?? join(ROOT, 'dist', 'client'),
    publicUrl: config.publicUrl,
    events: services.events,
    organisations: services.organisations,
  });
  return { app, services };
}
