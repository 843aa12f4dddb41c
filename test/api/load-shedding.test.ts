/** More requests than the admission queue holds: the excess gets 503 + Retry-After, never a 500. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

for (const backend of backends()) {
  describe(`load shedding (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend, {
        env: { MAX_CONCURRENT_REQUESTS: '2', MAX_QUEUED_REQUESTS: '4', MAX_QUEUE_WAIT_MS: '3000' },
      });
    });
    after(() => t.close());

    test('a burst of 60: 503 with Retry-After for the excess, no 500, health checks not queued', async () => {
      const urls = ['/api/v1/organisations?facets=true', '/api/v1/events', '/api/v1/overview'];
      const burst = await Promise.all(
        Array.from({ length: 60 }, (_, i) => t.request({ method: 'GET', url: urls[i % urls.length]! })),
      );
      const health = await Promise.all(
        Array.from({ length: 5 }, () => t.request({ method: 'GET', url: '/healthz' })),
      );
      const statuses = burst.map((r) => r.statusCode);
      assert.ok(!statuses.some((s) => s >= 500 && s !== 503), `no 500: ${statuses.join(' ')}`);
      const shed = burst.filter((r) => r.statusCode === 503);
      const ok = burst.filter((r) => r.statusCode === 200);
      assert.ok(shed.length >= 40, `most of the burst was shed: ${shed.length}`);
      assert.ok(ok.length >= 6, `the admitted and queued ones were answered: ${ok.length}`);
      for (const r of shed) {
        assert.match(String(r.headers['retry-after']), /^[1-9]\d*$/);
        const body = r.json();
        assert.equal(body.error.code, 'service_unavailable');
        assert.equal(body.error.details.reason, 'queue_full');
      }
      for (const h of health) assert.equal(h.statusCode, 200);
    });

    test('slots are given back: afterwards every request is answered', async () => {
      for (let i = 0; i < 10; i++) {
        const res = await t.request({ method: 'GET', url: '/api/v1/events' });
        assert.equal(res.statusCode, 200, res.body);
      }
      const twoAtOnce = await Promise.all([
        t.request({ method: 'GET', url: '/api/v1/events' }),
        t.request({ method: 'GET', url: '/api/v1/overview' }),
      ]);
      assert.deepEqual(
        twoAtOnce.map((r) => r.statusCode),
        [200, 200],
      );
    });
  });
}
