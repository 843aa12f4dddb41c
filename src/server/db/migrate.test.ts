import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type Database, openDatabase } from './database.ts';
import { listMigrations, migrate } from './migrate.ts';

const applied = async (database: Database) =>
  (
    await sql<{ name: string }>`select name from schema_migrations order by name`.execute(database.db)
  ).rows.map((r) => r.name);

describe('listMigrations', () => {
  test('lists the numbered SQL files in order', () => {
    const list = listMigrations();
    assert.ok(list.length >= 1);
    for (const m of list) {
      assert.match(m.name, /^\d{4}_/);
      assert.match(m.name, /\.sql$/);
      assert.ok(m.sql.trim().length > 0, `${m.name} is empty`);
    }
    const names = list.map((m) => m.name);
    assert.deepEqual(names, [...names].sort());
    assert.equal(
      new Set(names.map((n) => n.slice(0, 4))).size,
      names.length,
      'no two migrations share a number',
    );
    assert.equal(names[0], '0001_foundation.sql');
  });
});

describe('migrate on a fresh in-memory PGlite', () => {
  let database: Database;
  before(async () => {
    database = await openDatabase({ kind: 'pglite', dir: null });
  });
  after(() => database.close());

  test('applies every migration, then none on a second run', async () => {
    const names = listMigrations().map((m) => m.name);
    assert.deepEqual(await migrate(database), names);
    assert.deepEqual(await applied(database), names);
    assert.deepEqual(await migrate(database), []);
    assert.deepEqual(await applied(database), names);
  });

  test('the schema is there', async () => {
    const tables = (
      await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(database.db)
    ).rows.map((r) => r.table_name);
    for (const t of [
      'users',
      'sessions',
      'api_tokens',
      'regions',
      'organisations',
      'events',
      'event_members',
    ]) {
      assert.ok(tables.includes(t), `table ${t}`);
    }
  });
});

describe('migrate with a directory of its own', () => {
  let dir: string;
  let database: Database;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nexum-migrations-'));
    writeFileSync(join(dir, '0001_first.sql'), 'create table first_table (id int primary key);');
    writeFileSync(
      join(dir, '0002_broken.sql'),
      'create table second_table (id int primary key);\nthis is not sql;',
    );
    writeFileSync(join(dir, 'README.md'), 'not a migration');
    writeFileSync(join(dir, '3_wrong_name.sql'), 'create table never (id int);');
    database = await openDatabase({ kind: 'pglite', dir: null });
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('ignores files that are not numbered migrations', () => {
    assert.deepEqual(
      listMigrations(dir).map((m) => m.name),
      ['0001_first.sql', '0002_broken.sql'],
    );
  });

  test('a failing migration names itself and leaves nothing half-done', async () => {
    await assert.rejects(
      () => migrate(database, dir),
      (e: Error) => /0002_broken\.sql/.test(e.message),
    );
    assert.deepEqual(await applied(database), ['0001_first.sql']);
    const tables = (
      await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(database.db)
    ).rows.map((r) => r.table_name);
    assert.ok(tables.includes('first_table'));
    assert.ok(!tables.includes('second_table'), 'the failed migration was rolled back');
    assert.ok(!tables.includes('never'));
  });

  test('once fixed, only the remaining migration runs', async () => {
    writeFileSync(join(dir, '0002_broken.sql'), 'create table second_table (id int primary key);');
    assert.deepEqual(await migrate(database, dir), ['0002_broken.sql']);
    assert.deepEqual(await migrate(database, dir), []);
  });
});
