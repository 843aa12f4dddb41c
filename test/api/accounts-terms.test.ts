/** Sign-up records the acceptance of the terms of use and privacy notice, with their wording version. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TERMS_VERSION } from '../../src/shared/terms.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

let n = 0;
const email = () => `terms-${process.pid}-${++n}@example.org`;

for (const backend of backends()) {
  describe(`terms acceptance at sign-up (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend, { seeded: false });
    });
    after(() => t.close());

    const signUp = (extra: Record<string, unknown>, address = email()) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { email: address, name: 'Terms Reader', password: 'tram stop in bergamo', ...extra },
      });

    test('without acceptTerms: true the sign-up is a 400 naming body.acceptTerms, and no account is made', async () => {
      for (const extra of [{}, { acceptTerms: false }, { acceptTerms: 'true' }, { acceptTerms: 1 }]) {
        const address = email();
        const res = await signUp(extra, address);
        assert.equal(res.statusCode, 400, res.body);
        const err = res.json().error;
        assert.equal(err.code, 'validation_failed');
        assert.deepEqual(
          err.details.fields.map((f: { field: string }) => f.field),
          ['body.acceptTerms'],
          res.body,
        );
        assert.equal(
          await t.database.db
            .selectFrom('users')
            .select('id')
            .where('email', '=', address)
            .executeTakeFirst(),
          undefined,
        );
      }
    });

    test('the acceptance time and the wording version are stored and shown in Me', async () => {
      const address = email();
      const before = Date.now();
      const res = await signUp({ acceptTerms: true }, address);
      assert.equal(res.statusCode, 201, res.body);
      const row = await t.database.db
        .selectFrom('users')
        .select(['terms_accepted_at', 'terms_version'])
        .where('email', '=', address)
        .executeTakeFirstOrThrow();
      assert.equal(row.terms_version, TERMS_VERSION);
      assert.match(TERMS_VERSION, /^\d{4}-\d{2}-\d{2}$/);
      const at = new Date(row.terms_accepted_at!).getTime();
      assert.ok(at >= before - 1000 && at <= Date.now() + 1000, `accepted at ${row.terms_accepted_at}`);
      const me = res.json();
      assert.equal(me.termsVersion, TERMS_VERSION);
      assert.equal(new Date(me.termsAcceptedAt).getTime(), at);
    });

    test('accounts made before (or by the server) have no acceptance recorded', async () => {
      const u = await t.user();
      const me = (await t.request({ method: 'GET', url: '/api/v1/me', cookie: u.cookie })).json();
      assert.equal(me.termsAcceptedAt, null);
      assert.equal(me.termsVersion, null);
    });

    test('the database keeps the time and the version together', async () => {
      const u = await t.user();
      await assert.rejects(
        t.database.db
          .updateTable('users')
          .set({ terms_version: TERMS_VERSION })
          .where('id', '=', u.id)
          .execute(),
      );
    });

    test('OpenAPI documents acceptTerms as required', async () => {
      const spec = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
      const schema = spec.paths['/api/v1/auth/signup'].post.requestBody.content['application/json'].schema;
      assert.ok(schema.required.includes('acceptTerms'), JSON.stringify(schema.required));
      assert.match(schema.properties.acceptTerms.description, /terms of use/);
    });
  });
}
