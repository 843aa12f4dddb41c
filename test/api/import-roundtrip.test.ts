/** The exchange format both ways: what the directory export writes, the import reads back unchanged. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

/** A multipart/form-data body with a dry-run field and one file. */
function dryRunUpload(name: string, content: Buffer) {
  const b = 'nexum-roundtrip-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="dryRun"\r\n\r\ntrue\r\n`),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

for (const backend of backends()) {
  describe(`export → import round trip (${backend})`, () => {
    let t: TestApp;
    let admin: string;
    before(async () => {
      t = await testApp(backend);
      admin = (await t.user({ admin: true })).cookie;
    });
    after(() => t.close());

    for (const format of ['csv', 'json'] as const) {
      test(`${format}: every exported organisation is found again and nothing changes`, async () => {
        const exported = await t.request({
          method: 'GET',
          url: `/api/v1/organisations/export?format=${format}`,
          cookie: admin,
        });
        assert.equal(exported.statusCode, 200, exported.body);
        const total = (await t.request({ method: 'GET', url: '/api/v1/organisations?pageSize=1' })).json()
          .total;
        const m = dryRunUpload(`export.${format}`, exported.rawPayload);
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/imports',
          payload: m.payload,
          headers: m.headers,
          cookie: admin,
        });
        assert.equal(res.statusCode, 202, res.body);
        await t.services.imports.idle();
        const job = (
          await t.request({ method: 'GET', url: `/api/v1/imports/${res.json().id}`, cookie: admin })
        ).json();
        assert.equal(job.status, 'done', job.error);
        assert.deepEqual(
          [job.rowsTotal, job.created, job.updated, job.skipped, job.failed, job.problemCount],
          [total, 0, 0, total, 0, 0],
          JSON.stringify(job.problems.slice(0, 5)),
        );
      });
    }
  });
}
