/** Weak new passwords (issue 16): blank-only, the e-mail address, common ones; at sign-up and on change. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

let n = 0;
const email = () => `weak-${process.pid}-${++n}@example.org`;

function assertRefused(res: LightMyRequestResponse, field: string, code: string) {
  assert.equal(res.statusCode, 400, res.body);
  const err = res.json().error;
  assert.equal(err.code, 'validation_failed', res.body);
  assert.equal(typeof err.message, 'string');
  assert.deepEqual(
    err.details.fields.map((f: { field: string; code?: string }) => [f.field, f.code]),
    [[field, code]],
  );
}

for (const backend of backends()) {
  describe(`weak passwords (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend, { seeded: false });
    });
    after(() => t.close());

    const signUp = (address: string, password: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { email: address, name: 'Weak', password, acceptTerms: true },
      });

    test('sign-up refuses blank-only, the e-mail, its local part and common passwords', async () => {
      const address = email();
      const local = address.split('@')[0]!;
      const cases: [string, string][] = [
        [' '.repeat(10), 'password_blank'],
        ['\t \t \t \t \t ', 'password_blank'],
        [address, 'password_email'],
        [address.toUpperCase(), 'password_email'],
        [`${local}`, 'password_email'],
        ['password123', 'password_common'],
        ['Qwertyuiop1!', 'password_common'],
        ['1234567890', 'password_common'],
      ];
      for (const [password, code] of cases) {
        assertRefused(await signUp(address, password), 'body.password', code);
      }
      const count = await t.database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('email', '=', address)
        .executeTakeFirstOrThrow();
      assert.equal(Number(count.n), 0, 'no account was created');
      assert.equal((await signUp(address, 'tram stop in bergamo')).statusCode, 201);
    });

    test('a password change refuses them too, and keeps the old password', async () => {
      const u = await t.user();
      const change = (newPassword: string) =>
        t.request({
          method: 'POST',
          url: '/api/v1/me/password',
          cookie: u.cookie,
          payload: { currentPassword: 'correct horse battery', newPassword },
        });
      assertRefused(await change(' '.repeat(12)), 'body.newPassword', 'password_blank');
      assertRefused(await change(u.email.toUpperCase()), 'body.newPassword', 'password_email');
      assertRefused(await change(u.email.split('@')[0]!), 'body.newPassword', 'password_email');
      assertRefused(await change('iloveyou2024'), 'body.newPassword', 'password_common');
      const signin = await t.request({
        method: 'POST',
        url: '/api/v1/auth/signin',
        payload: { email: u.email, password: 'correct horse battery' },
      });
      assert.equal(signin.statusCode, 200, 'the old password still works');
      assert.equal((await change('tram stop in bergamo')).statusCode, 204);
    });

    test('the rules are described in the OpenAPI document', async () => {
      const spec = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
      const body =
        spec.paths['/api/v1/auth/signup'].post.requestBody.content['application/json'].schema.properties;
      assert.match(body.password.description, /common password/);
    });
  });
}
