import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { startNotificationSweep } from '../features/notifications/reminders.ts';
import { buildApp } from './app.ts';
import { openMigrated, prepareData } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './db/dir-lock.ts';

/** How long requests in flight at SIGTERM may take to finish before their connections are cut. */
const SHUTDOWN_GRACE_MS = 4000;

/**
 * Stops accepting connections, closes idle keep-alive ones (and each busy one as soon as its answer is
 * sent), lets requests in flight finish for up to `graceMs`, then cuts what is left.
 */
export async function closeHttp(app: FastifyInstance, graceMs: number, say: (line: string) => void) {
  const server = app.server;
  const reap = setInterval(() => server.closeIdleConnections(), 50);
  const cut = setTimeout(() => {
    say(`requests still running after ${graceMs} ms: closing their connections`);
    server.closeAllConnections();
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearInterval(reap);
    clearTimeout(cut);
  }
}

/** `npm start` / `nexum serve`: config → database → migrate → first-start data → listen. */
export async function serve(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const say = (line: string) => console.log(line);
  const started = performance.now();
  let database: Awaited<ReturnType<typeof openMigrated>>;
  try {
    database = await openMigrated(config, say);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  await prepareData(database, config, say);
  const { app, services } = await buildApp({ config, database });
  // Event reminders and delivery of queued e-mail, every 15 minutes while the server runs.
  const stopSweep = startNotificationSweep(database.db, services.mailer, config.publicUrl);

  // Once stopping, answers carry `Connection: close`, so keep-alive clients do not hold the server open.
  let stopping = false;
  app.addHook('onSend', async (_req, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
  const stop = async (signal: string) => {
    if (stopping) {
      say(`${signal} received again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    say(`${signal} received, shutting down`);
    const hardExit = setTimeout(() => {
      console.error(`not stopped within ${(SHUTDOWN_GRACE_MS + 3000) / 1000} s, exiting`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 3000);
    hardExit.unref();
    stopSweep();
    try {
      await closeHttp(app, SHUTDOWN_GRACE_MS, say);
      await database.close();
      say('database closed');
      process.exit(0);
    } catch (e) {
      console.error(e);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    console.error(`Cannot listen on ${config.host}:${config.port}: ${(e as Error).message}`);
    await database.close();
    process.exit(1);
  }
  say(`Nexum is running at ${config.publicUrl} (ready in ${Math.round(performance.now() - started)} ms)`);
  // The directory's facet index, loaded in the background so that the first searches need not wait.
  void services.search.facetIndex.warm().catch((err) => app.log.warn({ err }, 'facet index not loaded'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await serve();
}
