import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdmissionQueue, Overloaded } from './admission.ts';

const tick = () => new Promise((r) => setImmediate(r));

describe('AdmissionQueue', () => {
  test('runs up to maxConcurrent at once; the others wait', async () => {
    const q = new AdmissionQueue({ maxConcurrent: 2, maxQueued: 10, maxWaitMs: 1000 });
    const a = await q.acquire();
    await q.acquire();
    let third = false;
    const c = q.acquire().then((r) => {
      third = true;
      return r;
    });
    await tick();
    assert.equal(q.inFlight, 2);
    assert.equal(q.queued, 1);
    assert.equal(third, false);
    a();
    (await c)();
    assert.equal(third, true);
    assert.equal(q.inFlight, 1);
    a(); // releasing twice counts once
    assert.equal(q.inFlight, 1);
  });

  test('waiters are served first come, first served', async () => {
    const q = new AdmissionQueue({ maxConcurrent: 1, maxQueued: 100, maxWaitMs: 5000 });
    const first = await q.acquire();
    const order: number[] = [];
    const waiters = Array.from({ length: 20 }, (_, i) =>
      q.acquire().then((release) => {
        order.push(i);
        // Each releases on a later turn, so newcomers could overtake if the queue were unfair.
        setImmediate(release);
      }),
    );
    // Latecomers arriving while the queue drains go to the back.
    first();
    const late = q.acquire().then((release) => {
      order.push(99);
      release();
    });
    await Promise.all([...waiters, late]);
    assert.deepEqual(order, [...Array.from({ length: 20 }, (_, i) => i), 99]);
    assert.equal(q.inFlight, 0);
  });

  test('a full queue refuses at once', async () => {
    const q = new AdmissionQueue({ maxConcurrent: 1, maxQueued: 2, maxWaitMs: 5000 });
    const r = await q.acquire();
    const waiting = [q.acquire(), q.acquire()];
    await assert.rejects(q.acquire(), (e: unknown) => e instanceof Overloaded && e.reason === 'queue_full');
    assert.equal(q.shed, 1);
    r();
    for (const w of waiting) (await w)();
    assert.equal(q.inFlight, 0);
  });

  test('a waiter gives up after maxWaitMs and leaves the queue', async () => {
    const q = new AdmissionQueue({ maxConcurrent: 1, maxQueued: 10, maxWaitMs: 50 });
    const r = await q.acquire();
    const t0 = performance.now();
    await assert.rejects(
      q.acquire(),
      (e: unknown) => e instanceof Overloaded && e.reason === 'queue_timeout',
    );
    const waited = performance.now() - t0;
    assert.ok(waited >= 45 && waited < 1000, `waited ${waited} ms`);
    assert.equal(q.queued, 0);
    r();
    assert.equal(q.inFlight, 0);
  });

  test('a cancelled waiter (client gone) leaves the queue without running', async () => {
    const q = new AdmissionQueue({ maxConcurrent: 1, maxQueued: 10, maxWaitMs: 5000 });
    const r = await q.acquire();
    const ac = new AbortController();
    const gone = q.acquire(ac.signal);
    const next = q.acquire();
    ac.abort();
    await assert.rejects(gone, (e: unknown) => e instanceof Overloaded && e.reason === 'cancelled');
    r();
    (await next)();
    assert.equal(q.inFlight, 0);
    assert.equal(q.queued, 0);
  });
});

describe('admission settings', () => {
  test('defaults, and a wrong value names its variable', async () => {
    const { ConfigError, loadConfig } = await import('../config.ts');
    assert.deepEqual(loadConfig({}).admission, { maxConcurrent: 16, maxQueued: 500, maxWaitMs: 5000 });
    assert.deepEqual(
      loadConfig({ MAX_CONCURRENT_REQUESTS: '0', MAX_QUEUED_REQUESTS: '10', MAX_QUEUE_WAIT_MS: '250' })
        .admission,
      { maxConcurrent: 0, maxQueued: 10, maxWaitMs: 250 },
    );
    assert.throws(
      () => loadConfig({ MAX_QUEUE_WAIT_MS: 'soon' }),
      (e: unknown) => e instanceof ConfigError && /MAX_QUEUE_WAIT_MS/.test(e.message),
    );
  });
});
