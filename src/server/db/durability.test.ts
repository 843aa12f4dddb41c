/**
 * The embedded database in a directory is durable by default: PostgreSQL runs with fsync on and every
 * commit reaches `fsync(2)` on the real files before it is acknowledged. `EMBEDDED_DURABILITY=relaxed`
 * keeps PGlite's own setting (fsync off).
 */
import assert from 'node:assert/strict';
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, mock, test } from 'node:test';
import { ConfigError, loadConfig } from '../config.ts';
import { type Database, openDatabase } from './database.ts';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function open(durability?: 'durable' | 'relaxed'): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'nexum-durability-'));
  dirs.push(dir);
  const config = loadConfig(durability ? { EMBEDDED_DURABILITY: durability } : {});
  return openDatabase({ kind: 'pglite', dir }, { durability: config.embeddedDurability });
}

async function show(database: Database, setting: string): Promise<string> {
  const res = await database.pglite!.query<Record<string, string>>(`show ${setting}`);
  return res.rows[0]![setting]!;
}

/** How many times fsync(2) was called while `fn` ran. */
async function fsyncsDuring(fn: () => Promise<void>): Promise<number> {
  const spy = mock.method(fs, 'fsyncSync');
  try {
    await fn();
    return spy.mock.callCount();
  } finally {
    spy.mock.restore();
  }
}

describe('embedded database durability', () => {
  test('the configuration is durable unless EMBEDDED_DURABILITY=relaxed', () => {
    assert.equal(loadConfig({}).embeddedDurability, 'durable');
    assert.equal(loadConfig({ EMBEDDED_DURABILITY: 'relaxed' }).embeddedDurability, 'relaxed');
    assert.throws(() => loadConfig({ EMBEDDED_DURABILITY: 'off' }), ConfigError);
  });

  test('default: fsync on, and an acknowledged commit has been synced to disk', async () => {
    const database = await open();
    try {
      assert.equal(await show(database, 'fsync'), 'on');
      assert.equal(await show(database, 'wal_sync_method'), 'fsync');
      await database.pglite!.exec('create table t (v text)');
      const n = await fsyncsDuring(async () => {
        await database.pglite!.query("insert into t values ('acknowledged')");
      });
      assert.ok(n >= 1, `the commit called fsync ${n} times`);
      // Reads do not sync.
      assert.equal(await fsyncsDuring(async () => void (await database.pglite!.query('select * from t'))), 0);
    } finally {
      await database.close();
    }
  });

  test('relaxed: PGlite as it ships, fsync off and no sync on commit', async () => {
    const database = await open('relaxed');
    try {
      assert.equal(await show(database, 'fsync'), 'off');
      await database.pglite!.exec('create table t (v text)');
      const n = await fsyncsDuring(async () => {
        await database.pglite!.query("insert into t values ('fast')");
      });
      assert.equal(n, 0);
    } finally {
      await database.close();
    }
  });
});
