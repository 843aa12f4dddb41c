import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase } from './database.ts';
import { DataDirLockedError, lockDataDir, lockPath } from './dir-lock.ts';

const dir = () => join(mkdtempSync(join(tmpdir(), 'nexum-lock-')), 'data');

describe('one process per embedded data directory', () => {
  test('a second open of the same directory is refused while the first holds it, allowed after close', async () => {
    const d = dir();
    const first = await openDatabase({ kind: 'pglite', dir: d }, { durability: 'relaxed' });
    assert.equal(readFileSync(lockPath(d), 'utf8').trim(), String(process.pid));
    // Another process (here: a child that tries to take the lock) is refused.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${new URL('./dir-lock.ts', import.meta.url).pathname}').then(m => { try { m.lockDataDir(${JSON.stringify(d)}); process.exit(0) } catch (e) { console.error(e.message); process.exit(e instanceof m.DataDirLockedError ? 3 : 1) } })`,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(child.status, 3, child.stderr);
    assert.match(child.stderr, new RegExp(`in use by process ${process.pid}`));
    await first.close();
    assert.equal(existsSync(lockPath(d)), false, 'close releases the lock');
    const again = await openDatabase({ kind: 'pglite', dir: d }, { durability: 'relaxed' });
    await again.close();
  });

  test('a lock left by a process that is gone (crash, SIGKILL) is taken over', () => {
    const d = dir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(lockPath(d), `${dead.stdout.trim()}\n`);
    const release = lockDataDir(d);
    assert.equal(readFileSync(lockPath(d), 'utf8').trim(), String(process.pid));
    release();
    assert.equal(existsSync(lockPath(d)), false);
  });

  test('a live other process in the lock is named in the error', () => {
    const d = dir();
    writeFileSync(lockPath(d), '1\n'); // PID 1 always runs
    assert.throws(
      () => lockDataDir(d),
      (e) => e instanceof DataDirLockedError && e.pid === 1 && /delete .*data\.lock/.test(e.message),
    );
  });
});
