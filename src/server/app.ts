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
import { DIMENSIONS } from '../core/similarity/types.ts';
import { accountsRepo } from '../features/accounts/accounts.repo.ts';
import { accountsRoutes } from '../features/accounts/accounts.routes.ts';
import { type AccountsService, accountsService } from '../features/accounts/accounts.service.ts';
import { callsRepo } from '../features/calls/calls.repo.ts';
import { callsRoutes } from '../features/calls/calls.routes.ts';
import { type CallsService, callsService } from '../features/calls/calls.service.ts';
import { agendaRepo } from '../features/events/agenda.repo.ts';
import { agendaRoutes } from '../features/events/agenda.routes.ts';
import { type AgendaService, agendaService } from '../features/events/agenda.service.ts';
import { type BadgesService, badgesService } from '../features/events/badges.service.ts';
import { bannerRepo } from '../features/events/banner.repo.ts';
import { bannerRoutes } from '../features/events/banner.routes.ts';
import { type BannerService, bannerService } from '../features/events/banner.service.ts';
import { checkinRoutes } from '../features/events/checkin.routes.ts';
import { type CheckinService, checkinService } from '../features/events/checkin.service.ts';
import { eventsRepo } from '../features/events/events.repo.ts';
import { eventsRoutes } from '../features/events/events.routes.ts';
import { type EventsService, eventsService, type SeatSettings } from '../features/events/events.service.ts';
import { exportsRoutes } from '../features/events/exports/exports.routes.ts';
import { type ExportsService, exportsService } from '../features/events/exports/exports.service.ts';
import { galleryRepo } from '../features/events/gallery.repo.ts';
import { galleryRoutes } from '../features/events/gallery.routes.ts';
import { type GalleryService, galleryService } from '../features/events/gallery.service.ts';
import { pitchesRepo } from '../features/events/pitches.repo.ts';
import { pitchesRoutes } from '../features/events/pitches.routes.ts';
import { type PitchesService, pitchesService } from '../features/events/pitches.service.ts';
import { registrationsRepo } from '../features/events/registrations.repo.ts';
import { registrationsRoutes } from '../features/events/registrations.routes.ts';
import { type RegistrationsService, registrationsService } from '../features/events/registrations.service.ts';
import { signupsRepo } from '../features/events/signups.repo.ts';
import { type SignupsService, signupsService } from '../features/events/signups.service.ts';
import { summaryRepo } from '../features/events/summary.repo.ts';
import { summaryRoutes } from '../features/events/summary.routes.ts';
import { type SummaryService, summaryService } from '../features/events/summary.service.ts';
import { b2bRepo } from '../features/matchmaking/b2b.repo.ts';
import { b2bRoutes } from '../features/matchmaking/b2b.routes.ts';
import { type B2bService, b2bService } from '../features/matchmaking/b2b.service.ts';
import { type MeetingsService, meetingsService } from '../features/matchmaking/meetings.service.ts';
import { type ScheduleService, scheduleService } from '../features/matchmaking/schedule.service.ts';
import { type Mailer, mailer } from '../features/notifications/mailer.ts';
import { outboxRepo } from '../features/notifications/outbox.repo.ts';
import { outboxRoutes } from '../features/notifications/outbox.routes.ts';
import { type OutboxService, outboxService } from '../features/notifications/outbox.service.ts';
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
import { type CompareService, compareService } from '../features/regions/compare.service.ts';
import { indicatorsRepo } from '../features/regions/indicators.repo.ts';
import { indicatorsRoutes } from '../features/regions/indicators.routes.ts';
import { type IndicatorsService, indicatorsService } from '../features/regions/indicators.service.ts';
import { paperRepo } from '../features/regions/paper.repo.ts';
import { paperRoutes } from '../features/regions/paper.routes.ts';
import { type PaperService, paperService } from '../features/regions/paper.service.ts';
import { regionsRepo } from '../features/regions/regions.repo.ts';
import { regionsRoutes } from '../features/regions/regions.routes.ts';
import { type RegionsService, regionsService } from '../features/regions/regions.service.ts';
import { s3Repo } from '../features/regions/s3.repo.ts';
import { s3Routes } from '../features/regions/s3.routes.ts';
import { type S3Service, s3Service } from '../features/regions/s3.service.ts';
import { sectionsRepo } from '../features/regions/sections.repo.ts';
import { type SectionsService, sectionsService } from '../features/regions/sections.service.ts';
import { similarityRepo } from '../features/regions/similarity.repo.ts';
import { similarityRoutes } from '../features/regions/similarity.routes.ts';
import { type SimilarityService, similarityService } from '../features/regions/similarity.service.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { registerAdmission } from './http/admission.ts';
import { clientErrorHandler, registerErrorHandler } from './http/errors.ts';
import { registerSecurityHeaders } from './http/security.ts';
import { registerSession } from './http/session.ts';
import { registerSpa } from './http/spa.ts';
import { DATABASE_RETRY_AFTER_S } from './http/unavailable.ts';

/** /healthz answers 503 when the database has not answered `select 1` within this time. */
const HEALTH_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Services {
  accounts: AccountsService;
  regions: RegionsService;
  indicators: IndicatorsService;
  similarity: SimilarityService;
  compare: CompareService;
  s3: S3Service;
  sections: SectionsService;
  paper: PaperService;
  organisations: OrganisationsService;
  profiles: ProfileServices;
  search: SearchService;
  events: EventsService;
  banners: BannerService;
  summaries: SummaryService;
  gallery: GalleryService;
  exports: ExportsService;
  agenda: AgendaService;
  signups: SignupsService;
  overview: OverviewService;
  imports: ImportService;
  b2b: B2bService;
  b2bSchedule: ScheduleService;
  b2bMeetings: MeetingsService;
  calls: CallsService;
  pitches: PitchesService;
  registrations: RegistrationsService;
  checkin: CheckinService;
  badges: BadgesService;
  mailer: Mailer;
  outbox: OutboxService;
}

export function buildServices(
  database: Database,
  config: Pick<Config, 'sessionDays'> & Partial<Pick<Config, 'smtp' | 'publicUrl'>>,
): Services {
  const db = database.db;
  const seats: { apply?: SeatSettings } = {};
  const events = eventsService(eventsRepo(db), seats);
  const organisations = organisationsService(organisationsRepo(db));
  const registrations = registrationServices(database, organisations, config);
  seats.apply = (actor, eventId, input) => registrations.registrations.settings(actor, eventId, input);
  return {
    organisations,
    profiles: profileServices(db, organisations, {
      mailer: registrations.mailer,
      publicUrl: config.publicUrl ?? '',
    }),
    search: searchService(searchRepo(db), {
      facetIndex: 'background',
      parallelReads: database.kind === 'postgres',
    }),
    accounts: accountsService(accountsRepo(db), { sessionDays: config.sessionDays }),
    regions: regionsService(regionsRepo(db)),
    ...regionServices(db),
    events,
    ...summaryServices(db, events),
    exports: exportsService(db),
    agenda: agendaService(agendaRepo(db), signupsRepo(db)),
    signups: signupsService(agendaRepo(db), signupsRepo(db)),
    overview: overviewService(db, events),
    imports: importService(importRepo(db)),
    b2b: b2bService(b2bRepo(db)),
    b2bSchedule: scheduleService(b2bRepo(db)),
    b2bMeetings: meetingsService(b2bRepo(db)),
    calls: callsService(callsRepo(db)),
    pitches: pitchesService(pitchesRepo(db)),
    ...registrations,
  };
}

/**
 * A region's S3 priorities and Input Paper. The paper's peers section needs a "regions like mine"
 * finder (PaperDeps.peers); none is wired here yet, so papers have no peers section.
 */
/** Regions like mine, compare, S3 priorities, paper sections and the Input Paper (whose peers are the similar regions). */
function regionServices(db: Database['db']) {
  const regions = regionsRepo(db);
  const similarity = similarityService(similarityRepo(db));
  const s3 = s3Service(s3Repo(db), regions);
  const sections = sectionsService(sectionsRepo(db), s3Repo(db), regions);
  const indicators = indicatorsService(db, indicatorsRepo(db), regions, {
    dataVersion: similarityRepo(db).dataVersion,
  });
  // Every similar-region search of the paper's peers uses all four dimensions (docs/regions-paper.md).
  const peers = async (code: string) =>
    (await similarity.similar(code, { dimensions: [...DIMENSIONS], limit: 5, includeSelf: false })).peers;
  return {
    indicators,
    similarity,
    compare: compareService(similarityRepo(db), indicatorsRepo(db)),
    s3,
    sections,
    paper: paperService({ repo: paperRepo(db), regions, indicators, s3, sections, peers }),
  };
}

/** The event banner and what comes after the event: summary, quotes, links, gallery. */
function summaryServices(db: Database['db'], events: EventsService) {
  const repo = eventsRepo(db);
  return {
    banners: bannerService(bannerRepo(db), repo, events),
    summaries: summaryService(summaryRepo(db), repo, galleryRepo(db)),
    gallery: galleryService(galleryRepo(db), repo, summaryRepo(db)),
  };
}

/** Registrations, check-in and badges, with the e-mail outbox they write to (SMTP when configured). */
function registrationServices(
  database: Database,
  organisations: OrganisationsService,
  config: Partial<Pick<Config, 'smtp' | 'publicUrl'>>,
) {
  const db = database.db;
  const mail = mailer(db, config.smtp ?? null);
  const repo = registrationsRepo(db);
  const registrations = registrationsService({
    db,
    repo,
    organisations,
    mailer: mail,
    publicUrl: config.publicUrl ?? '',
  });
  return {
    registrations,
    checkin: checkinService(repo, registrations),
    badges: badgesService(repo, registrations),
    mailer: mail,
    outbox: outboxService(outboxRepo(db), { smtpConfigured: mail.smtpConfigured }),
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
    // Errors Node's HTTP parser raises before Fastify (a URL over 16 KB: 431) get the error shape too.
    clientErrorHandler,
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
  // Before the session hook: looking a session up is already a database query.
  registerAdmission(app, config.admission);

  const services = buildServices(database, config);
  services.search.facetIndex.reportErrorsTo((err) =>
    app.log.warn({ err }, 'loading the facet index failed; searches count in SQL meanwhile'),
  );
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
      await withTimeout(database.ping(), HEALTH_TIMEOUT_MS);
      return { status: 'ok', database: database.kind };
    } catch {
      return reply
        .status(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_S))
        .send({ status: 'unavailable', database: database.kind });
    }
  });

  accountsRoutes(app, {
    accounts: services.accounts,
    secureCookies: config.publicUrl.startsWith('https:'),
    signinRateLimit: config.signinRateLimit,
  });
  overviewRoutes(app, services);
  regionsRoutes(app, services);
  similarityRoutes(app, services);
  await indicatorsRoutes(app, services);
  s3Routes(app, services);
  paperRoutes(app, services);
  searchRoutes(app, services);
  organisationsRoutes(app, services);
  await importRoutes(app, services);
  eventsRoutes(app, services);
  bannerRoutes(app, services);
  summaryRoutes(app, services);
  galleryRoutes(app, services);
  b2bRoutes(app, services);
  exportsRoutes(app, { exports: services.exports, publicUrl: config.publicUrl });
  agendaRoutes(app, services);
  callsRoutes(app, services);
  pitchesRoutes(app, services);
  registrationsRoutes(app, services);
  checkinRoutes(app, services);
  outboxRoutes(app, services);

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
    summaries: services.summaries,
  });
  return { app, services };
}
