import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 774411;

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

async function appliedNames(database: Database): Promise<Set<string>> {
  const r = await sql<{ name: string }>`select name from schema_migrations`.execute(database.db);
  return new Set(r.rows.map((x) => x.name));
}

/**
 * Applies the numbered SQL migrations not yet applied, each in one transaction with its bookkeeping
 * row. Two servers starting together on one PostgreSQL serialise on an advisory lock; the loser's
 * bookkeeping insert fails on the primary key, its transaction rolls back and it moves on.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await database.exec(
    `begin;\nselect pg_advisory_xact_lock(${LOCK_KEY});\ncreate table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now());\ncommit;`,
  );
  const done = await appliedNames(database);
  const applied: string[] = [];
  for (const m of listMigrations(dir)) {
    if (done.has(m.name)) continue;
    const name = m.name.replace(/'/g, "''");
    try {
      await database.exec(
        `begin;\nselect pg_advisory_xact_lock(${LOCK_KEY});\ninsert into schema_migrations (name) values ('${name}');\n${m.sql}\n;commit;`,
      );
      applied.push(m.name);
    } catch (e) {
      if ((await appliedNames(database)).has(m.name)) continue;
      throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
    }
  }
  return applied;
}
