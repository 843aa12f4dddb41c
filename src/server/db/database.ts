import { mkdirSync, readdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { lockDataDir } from './dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { type Durability, pgliteDirOptions, syncTree } from './pglite-durable.ts';
import type { DB } from './schema.ts';

// Dates come back as JS Dates; bigint counts (count(*)) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<DB>;
  /** Runs a script of several SQL statements (migrations). */
  exec(script: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The embedded instance, for snapshots in tests and backups. */
  readonly pglite: PGlite | null;
}

export interface OpenOptions {
  /** A PGlite data directory dump (tests start from a migrated snapshot). */
  loadDataDir?: Blob | File;
  poolSize?: number;
  /** PostgreSQL: how long to wait for a connection (free client or new one), 0 = forever; default 10 s. */
  connectTimeoutMs?: number;
  /** Embedded database in a directory: `durable` (default) syncs each commit to disk (see pglite-durable.ts). */
  durability?: Durability;
}

export async function openDatabase(cfg: Config['database'], opts: OpenOptions = {}): Promise<Database> {
  if (cfg.kind === 'pglite') {
    const durability = opts.durability ?? 'durable';
    let fresh = false;
    let unlock = () => {};
    if (cfg.dir) {
      mkdirSync(cfg.dir, { recursive: true });
      unlock = lockDataDir(cfg.dir);
      fresh = readdirSync(cfg.dir).length === 0;
    }
    let instance: PGlite;
    try {
      instance = await PGlite.create({
        ...(cfg.dir ? pgliteDirOptions(cfg.dir, durability) : {}),
        extensions: { btree_gist, pg_trgm, unaccent },
        ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      });
    } catch (e) {
      unlock();
      throw e;
    }
    if (cfg.dir && fresh && durability === 'durable') syncTree(cfg.dir);
    // PGlite's own parser returns int8 as bigint-free numbers already; keep timestamps as Dates.
    const db = new Kysely<DB>({ dialect: new PGliteDialect(instance) });
    return {
      kind: 'pglite',
      db,
      pglite: instance,
      exec: async (script) => {
        try {
          await instance.exec(script);
        } catch (e) {
          await instance.exec('rollback').catch(() => {});
          throw e;
        }
      },
      ping: async () => {
        await instance.query('select 1');
      },
      close: async () => {
        try {
          await db.destroy();
          if (!instance.closed) await instance.close();
        } finally {
          unlock();
        }
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: cfg.url,
    max: opts.poolSize ?? 10,
    // A server that does not answer fails the request (503) instead of holding it forever. pg counts the
    // wait for a free client in this time too; the admission queue keeps that wait short.
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
  });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it on next use.
  });
  // A client checked out when its server goes away (restart, pg_terminate_backend) emits 'error' too:
  // without a listener that would crash the process. Its query fails and the request answers 503.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    pglite: null,
    exec: async (script) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
    },
  };
}
