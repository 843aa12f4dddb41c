import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadReferenceData } from '../../src/server/bootstrap.ts';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { seedDemo } from '../../src/server/db/seed/seed.ts';
import { postgresUrl } from './env.ts';

export type Backend = 'pglite' | 'postgres';
const ROOT = new URL('../..', import.meta.url).pathname;

/** Changes to migrations or seed data make a new snapshot; unchanged ones are reused across test files. */
function fingerprint(seeded: boolean): string {
  const h = createHash('sha256');
  for (const dir of ['src/server/db/migrations', 'src/server/db/seed']) {
    for (const f of readdirSync(join(ROOT, dir)).sort()) h.update(f).update(readFileSync(join(ROOT, dir, f)));
  }
  // What prepare() loads is part of the snapshot too.
  for (const f of [
    'test/helpers/db.ts',
    'src/server/bootstrap.ts',
    'src/features/organisations/nace.ts',
    'src/features/regions/indicators.import.ts',
    'src/shared/indicators.ts',
    'assets/data/region-indicators.csv.gz',
  ]) {
    h.update(readFileSync(join(ROOT, f)));
  }
  h.update(seeded ? 'seeded' : 'empty');
  return h.digest('hex').slice(0, 16);
}

async function prepare(database: Database, seeded: boolean) {
  await migrate(database);
  await loadReferenceData(database);
  if (seeded) await seedDemo(database.db);
}

async function pgliteDatabase(seeded: boolean): Promise<Database> {
  const dir = join(tmpdir(), 'nexum-test-snapshots');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${fingerprint(seeded)}.tar.gz`);
  if (!existsSync(file)) {
    const db = await openDatabase({ kind: 'pglite', dir: null });
    await prepare(db, seeded);
    const dump = await db.pglite!.dumpDataDir('gzip');
    // Written aside and renamed, so parallel test files never read half a snapshot.
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, Buffer.from(await dump.arrayBuffer()));
    renameSync(part, file);
    await db.close();
  }
  return openDatabase({ kind: 'pglite', dir: null }, { loadDataDir: new Blob([readFileSync(file)]) });
}

async function postgresDatabase(
  adminUrl: string,
  seeded: boolean,
): Promise<Database & { drop(): Promise<void> }> {
  const template = `nexum_tpl_${fingerprint(seeded)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(99177)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (!exists.rowCount) {
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const url = new URL(adminUrl);
      url.pathname = `/${building}`;
      const db = await openDatabase({ kind: 'postgres', url: url.toString() });
      await prepare(db, seeded);
      await db.close();
      await admin.query(`alter database ${building} rename to ${template}`);
    }
    const name = `nexum_t_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name} template ${template}`);
    await admin.query('select pg_advisory_unlock(99177)');
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    // No connect timeout: race tests send 1 000 requests at once to one pool on purpose.
    const db = await openDatabase(
      { kind: 'postgres', url: url.toString() },
      { poolSize: 20, connectTimeoutMs: 0 },
    );
    return {
      ...db,
      close: async () => {
        await db.close();
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
      drop: async () => {},
    };
  } finally {
    await admin.end();
  }
}

/** A fresh database with regions, and the demo data unless `seeded` is false. Close it after the tests. */
export async function testDatabase(backend: Backend, opts: { seeded?: boolean } = {}): Promise<Database> {
  const seeded = opts.seeded ?? true;
  if (backend === 'pglite') return pgliteDatabase(seeded);
  const url = postgresUrl();
  if (!url) throw new Error('PostgreSQL is not configured');
  return postgresDatabase(url, seeded);
}

/** The backends API suites run on: PGlite always, PostgreSQL when configured (always in CI). */
export function backends(): Backend[] {
  return postgresUrl() ? ['pglite', 'postgres'] : ['pglite'];
}
