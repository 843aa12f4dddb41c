/**
 * Organisations created at once with the same name all succeed, each with its own slug: a unique-violation
 * of the slug retries with the next free one. PostgreSQL only: PGlite runs one query at a time, so there is
 * no race to lose there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

for (const backend of backends()) {
  (backend === 'postgres' ? describe : () => {})(`organisation slug race (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    test('ten organisations with the same name created at once get ten distinct slugs', async () => {
      const users = await Promise.all(Array.from({ length: 10 }, (_, i) => t.user({ name: `Racer ${i}` })));
      const name = `Slug Race ${process.pid} ${Date.now().toString(36)}`;
      const results = await Promise.all(
        users.map((u) =>
          t.request({
            method: 'POST',
            url: '/api/v1/organisations',
            cookie: u.cookie,
            payload: { name, type: 'company' },
          }),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode),
        Array(10).fill(201),
        results.map((r) => r.body).join('\n'),
      );
      const slugs = results.map((r) => r.json().slug as string);
      assert.equal(new Set(slugs).size, 10, slugs.join(', '));
      const base = slugs.find((s) => !/-\d+$/.test(s));
      assert.ok(base, `one organisation keeps the plain slug: ${slugs.join(', ')}`);
      assert.deepEqual(
        [...slugs].sort(),
        [base, ...Array.from({ length: 9 }, (_, i) => `${base}-${i + 2}`)].sort(),
        'the slugs are the next free ones, without gaps',
      );
      // Each creator administers their own organisation.
      for (const [i, r] of results.entries()) {
        const row = await t.database.db
          .selectFrom('organisation_users')
          .select('user_id')
          .where('organisation_id', '=', r.json().id)
          .where('role', '=', 'admin')
          .execute();
        assert.deepEqual(
          row.map((x) => x.user_id),
          [users[i]!.id],
        );
      }
    });
  });
}
