import fs from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * Durable writes for PGlite's data directory.
 *
 * PGlite 0.5 gives up durability in two places, so that a power cut or an operating-system crash can
 * lose transactions it has acknowledged (a crash of the Node process alone loses nothing: every write
 * reaches the kernel through `fs.writeSync`):
 *  - it starts PostgreSQL with `-F` (`fsync = off`): commits and checkpoints never ask for a sync;
 *  - even when asked, Emscripten's NODEFS has no `fsync` operation (the call succeeds doing nothing)
 *    and its `fdatasync` syscall, PostgreSQL's default `wal_sync_method` on Linux, is a no-op.
 * (`relaxedDurability` is unrelated: it only stops PGlite awaiting its IndexedDB/OPFS flush, and
 * `syncToFs` does nothing on NODEFS.)
 *
 * Durable mode starts PostgreSQL without `-F`, with `wal_sync_method = fsync`, and gives NODEFS an
 * `fsync` that calls `fs.fsyncSync` on the real file, so a commit returns once its WAL is on disk.
 */
export type Durability = 'durable' | 'relaxed';

type Stream = { nfd?: number };
type Module = {
  NODEFS: { stream_ops: Record<string, unknown> };
  FS: { ErrnoError: new (errno: number) => Error };
};

const EMSCRIPTEN_EIO = 29;

class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, emscriptenOptions: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, emscriptenOptions);
    const preRun = [
      ...((emscriptenOpts.preRun as ((mod: Module) => void)[] | undefined) ?? []),
      (mod: Module) => {
        // Every NODEFS node shares this object, so the files opened later get the operation too.
        mod.NODEFS.stream_ops.fsync = (stream: Stream) => {
          if (stream.nfd === undefined) return 0;
          try {
            fs.fsyncSync(stream.nfd);
          } catch {
            // PostgreSQL treats a failed fsync as fatal (data_sync_retry = off), as it should.
            throw new mod.FS.ErrnoError(EMSCRIPTEN_EIO);
          }
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as typeof emscriptenOpts };
  }
}

/** PGlite's start parameters with `fsync` on and a WAL sync method that NODEFS carries out. */
export function durableStartParams(): string[] {
  const params = PGlite.defaultStartParams.filter((p) => p !== '-F');
  if (params.length === PGlite.defaultStartParams.length) {
    // PGlite changed its defaults; the durability test would notice, say it here too.
    console.warn('PGlite no longer starts with -F: check src/server/db/pglite-durable.ts');
  }
  return [...params, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];
}

/** Options for a PGlite kept in `dir` with the chosen durability. */
export function pgliteDirOptions(dir: string, durability: Durability): Partial<PGliteOptions> {
  if (durability === 'relaxed') return { dataDir: dir };
  return { fs: new DurableNodeFS(dir), startParams: durableStartParams() };
}

/**
 * initdb writes a new data directory without syncing it; sync every file once so that the first
 * durable commit does not sit on a catalogue the disk never received.
 */
export function syncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) syncTree(path);
    else if (entry.isFile()) syncPath(path, 'r');
  }
  syncPath(dir, 'r');
}

function syncPath(path: string, flags: string): void {
  const fd = fs.openSync(path, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
