import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { versionedCache } from './versioned-cache.ts';

function setup(opts: { maxEntries?: number } = {}) {
  let version = '1';
  let clock = 0;
  let builds = 0;
  const cache = versionedCache<number>(async () => version, {
    settleMs: 5_000,
    maxAgeMs: 60_000,
    now: () => clock,
    ...opts,
  });
  const get = (key = 'k') =>
    cache.get(key, async () => {
      builds++;
      return builds;
    });
  return {
    cache,
    get,
    setVersion: (v: string) => {
      version = v;
    },
    tick: (ms: number) => {
      clock += ms;
    },
    builds: () => builds,
  };
}

describe('versionedCache', () => {
  it('keeps a value while the version stays, rebuilds when it moves', async () => {
    const c = setup();
    c.tick(10_000);
    assert.equal(await c.get(), 1);
    c.tick(6_000);
    // Built right after the version was first seen: kept only until it settles, then built once more.
    assert.equal(await c.get(), 2);
    c.tick(30_000);
    assert.equal(await c.get(), 2, 'a settled version keeps its value');
    c.setVersion('2');
    assert.equal(await c.get(), 3);
    assert.equal(await c.get(), 3);
    c.tick(5_000);
    assert.equal(await c.get(), 4, 'rebuilt once after settling');
    c.tick(59_999);
    assert.equal(await c.get(), 4);
    c.tick(1);
    assert.equal(await c.get(), 5, 'never older than maxAge');
  });

  it('shares one build between concurrent reads and forgets a failed one', async () => {
    let calls = 0;
    const cache = versionedCache<string>(async () => 'v', { settleMs: 0 });
    const slow = () =>
      cache.get('k', async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        return 'x';
      });
    assert.deepEqual(await Promise.all([slow(), slow(), slow()]), ['x', 'x', 'x']);
    assert.equal(calls, 1);
    await assert.rejects(
      cache.get('bad', async () => {
        throw new Error('no');
      }),
    );
    await Promise.resolve();
    assert.equal(await cache.get('bad', async () => 'fine'), 'fine');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const c = setup({ maxEntries: 2 });
    await c.get('a');
    await c.get('b');
    await c.get('c');
    assert.equal(c.cache.size, 2);
    const before = c.builds();
    await c.get('a');
    assert.equal(c.builds(), before + 1, 'a was dropped');
  });
});
