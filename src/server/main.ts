import { pathToFileURL } from 'node:url';
import { startNotificationSweep } from '../features/notifications/reminders.ts';
import { buildApp } from './app.ts';
import { openMigrated, prepareData } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';

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
  const database = await openMigrated(config, say);
  await prepareData(database, config, say);
  const { app, services } = await buildApp({ config, database });
  // Event reminders and delivery of queued e-mail, every 15 minutes while the server runs.
  const stopSweep = startNotificationSweep(database.db, services.mailer, config.publicUrl);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stopSweep();
    try {
      await app.close();
      await database.close();
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
