import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/**
 * One process at a time per embedded data directory. PGlite takes no lock of its own, and a second
 * process opening the same directory (a second `npm start`, a CLI import while the server runs)
 * writes the same files from another PostgreSQL instance and corrupts them. The lock is a file beside
 * the directory (`DIR.lock`) holding the owner's PID, created exclusively; a lock whose process is
 * gone (a crash, SIGKILL) is stale and taken over.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by process ${pid}. Stop that process first (several processes need a PostgreSQL server: DATABASE_URL=postgres://…). If no such process runs, delete ${lockPath(dir)}.`,
    );
  }
}

export const lockPath = (dir: string) => `${dir.replace(/[\\/]+$/, '')}.lock`;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the directory's lock or throws DataDirLockedError; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  const path = lockPath(dir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (Number.parseInt(readFileSync(path, 'utf8'), 10) === process.pid) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = Number.NaN;
      try {
        owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      } catch {
        continue; // removed meanwhile: try again
      }
      // Our own PID in a lock we do not hold is a leftover of an earlier run (a container restarted
      // with the same PID); a live other process holds it.
      if (Number.isFinite(owner) && owner !== process.pid && alive(owner))
        throw new DataDirLockedError(dir, owner);
      try {
        unlinkSync(path);
      } catch {
        // another process took it over first: the next attempt sees its lock
      }
    }
  }
  throw new Error(`Could not take the lock ${path}`);
}
