import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

for (const backend of backends()) {
  describe(`health and overview (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    test('GET /healthz checks the database', async () => {
      const res = await t.request({ method: 'GET', url: '/healthz' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', database: backend });
    });

    test('overview counts the demo data', async () => {
      const res = await t.request({ method: 'GET', url: '/api/v1/overview' });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.ok(body.counts.organisations > 750);
      assert.equal(body.counts.regions, 334);
      assert.equal(body.pastEvents[0].slug, 'clusters-meet-regions-milan-2024');
    });
  });
}
