import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServices } from '../../src/server/app.ts';
import type { Database } from '../../src/server/db/database.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends, testDatabase } from '../helpers/db.ts';

const PASSWORD = 'a long secret passphrase';
const NEW_PASSWORD = 'another long secret passphrase';

/** The `name=value` pair of the session cookie a response sets. */
function sessionCookie(res: LightMyRequestResponse): string {
  const raw = res.headers['set-cookie'];
  const line = (Array.isArray(raw) ? raw : [raw]).find((c) => c?.startsWith('nexum_session='));
  assert.ok(line, `no session cookie in ${JSON.stringify(raw)}`);
  return line.split(';')[0]!;
}

function assertErrorShape(res: LightMyRequestResponse, status: number, code?: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json();
  assert.equal(typeof body.error?.code, 'string', res.body);
  assert.equal(typeof body.error?.message, 'string', res.body);
  if (code) assert.equal(body.error.code, code);
  return body.error as {
    code: string;
    message: string;
    details?: { fields?: { field: string; message: string }[] };
  };
}

function fieldsOf(res: LightMyRequestResponse): string[] {
  return (res.json().error?.details?.fields ?? []).map((f: { field: string }) => f.field);
}

for (const backend of backends()) {
  describe(`accounts (${backend})`, () => {
    let t: TestApp;
    /** Every response body of this suite, to check no password or hash ever leaves the server. */
    const bodies: string[] = [];
    const request = async (o: InjectOptions & { cookie?: string }) => {
      const res = await t.request(o);
      bodies.push(res.body, JSON.stringify(res.headers));
      return res;
    };
    const signUp = (email: string, password = PASSWORD, extra: Record<string, unknown> = {}) =>
      request({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { email, name: 'Ada Lovelace', password, acceptTerms: true, ...extra },
      });
    const signIn = (email: string, password = PASSWORD) =>
      request({ method: 'POST', url: '/api/v1/auth/signin', payload: { email, password } });
    const me = (auth: { cookie?: string; bearer?: string }) =>
      request({
        method: 'GET',
        url: '/api/v1/me',
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
        ...(auth.bearer ? { headers: { authorization: `Bearer ${auth.bearer}` } } : {}),
      });

    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    describe('sign up', () => {
      test('creates the account, signs in with an HttpOnly SameSite=Lax cookie and returns Me', async () => {
        const res = await signUp('ada@example.org', PASSWORD, { locale: 'it' });
        assert.equal(res.statusCode, 201, res.body);
        const raw = res.headers['set-cookie'];
        const line = (Array.isArray(raw) ? raw : [raw]).find((c) => c?.startsWith('nexum_session='))!;
        assert.match(line, /;\s*HttpOnly/i);
        assert.match(line, /;\s*SameSite=Lax/i);
        assert.match(line, /;\s*Path=\//i);
        assert.doesNotMatch(line, /;\s*Secure/i, 'http:// public URL: no Secure flag');
        const body = res.json();
        assert.deepEqual(Object.keys(body).sort(), [
          'createdAt',
          'email',
          'events',
          'id',
          'isAdmin',
          'locale',
          'name',
          'organisations',
          'termsAcceptedAt',
          'termsVersion',
        ]);
        assert.equal(body.email, 'ada@example.org');
        assert.equal(body.name, 'Ada Lovelace');
        assert.equal(body.isAdmin, false);
        assert.equal(body.locale, 'it');
        assert.deepEqual(body.organisations, []);
        assert.deepEqual(body.events, []);

        const again = await me({ cookie: sessionCookie(res) });
        assert.equal(again.statusCode, 200);
        assert.equal(again.json().id, body.id);
      });

      test('e-mail is stored lower-case and trimmed', async () => {
        const res = await signUp('  Grace.Hopper@Example.ORG ');
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().email, 'grace.hopper@example.org');
      });

      test('a duplicate e-mail is 409, whatever its case', async () => {
        for (const email of ['ada@example.org', 'ADA@Example.org']) {
          const res = await signUp(email);
          assertErrorShape(res, 409, 'conflict');
        }
      });

      test('a short password is a 400 naming body.password', async () => {
        const res = await signUp('short@example.org', 'short');
        assertErrorShape(res, 400, 'validation_failed');
        assert.deepEqual(fieldsOf(res), ['body.password']);
      });

      test('a bad e-mail is a 400 naming body.email', async () => {
        for (const email of ['not-an-email', 'a@', '@example.org', '']) {
          const res = await signUp(email);
          assertErrorShape(res, 400, 'validation_failed');
          assert.ok(fieldsOf(res).includes('body.email'), `${email}: ${res.body}`);
        }
      });

      test('missing fields are each named', async () => {
        const res = await request({ method: 'POST', url: '/api/v1/auth/signup', payload: {} });
        assertErrorShape(res, 400, 'validation_failed');
        const fields = fieldsOf(res);
        for (const f of ['body.email', 'body.name', 'body.password', 'body.acceptTerms'])
          assert.ok(fields.includes(f), res.body);
      });

      test('a bad locale is a 400 naming body.locale', async () => {
        const res = await signUp('locale@example.org', PASSWORD, { locale: 'fr' });
        assertErrorShape(res, 400, 'validation_failed');
        assert.deepEqual(fieldsOf(res), ['body.locale']);
      });

      test('malformed bodies and wrong content types are 4xx with the error shape, never 500', async () => {
        const cases: InjectOptions[] = [
          { payload: '{"email": "x@example.org", ', headers: { 'content-type': 'application/json' } },
          { payload: '', headers: { 'content-type': 'application/json' } },
          {
            payload: 'email=x@example.org&password=1234567890',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          },
          { payload: 'hello', headers: { 'content-type': 'text/plain' } },
          { payload: '[]', headers: { 'content-type': 'application/json' } },
          { payload: '"a string"', headers: { 'content-type': 'application/json' } },
          { payload: '{"__proto__": {"isAdmin": true}}', headers: { 'content-type': 'application/json' } },
          {},
        ];
        for (const c of cases) {
          const res = await request({ method: 'POST', url: '/api/v1/auth/signup', ...c });
          assert.ok(
            res.statusCode >= 400 && res.statusCode < 500,
            `${JSON.stringify(c)} → ${res.statusCode} ${res.body}`,
          );
          assertErrorShape(res, res.statusCode);
        }
      });

      test('a field of the wrong type is a 400, not a 500', async () => {
        const res = await request({
          method: 'POST',
          url: '/api/v1/auth/signup',
          payload: { email: ['x@example.org'], name: 42, password: { a: 1 } },
        });
        assertErrorShape(res, 400, 'validation_failed');
      });
    });

    describe('sign in and out', () => {
      test('the right password signs in', async () => {
        const res = await signIn('ADA@example.org');
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().email, 'ada@example.org');
        assert.equal((await me({ cookie: sessionCookie(res) })).statusCode, 200);
      });

      test('a wrong password and an unknown e-mail are both 401 with the same message', async () => {
        const wrong = assertErrorShape(
          await signIn('ada@example.org', 'not the password'),
          401,
          'unauthenticated',
        );
        const unknown = assertErrorShape(await signIn('nobody@example.org'), 401, 'unauthenticated');
        assert.equal(wrong.message, unknown.message);
        assert.equal(wrong.details, undefined);
        assert.equal(unknown.details, undefined);
      });

      test('a failed sign-in sets no cookie', async () => {
        const res = await signIn('ada@example.org', 'not the password');
        assert.equal(res.headers['set-cookie'], undefined);
      });

      test('sign out ends the session: the cookie no longer works', async () => {
        const cookie = sessionCookie(await signIn('ada@example.org'));
        assert.equal((await me({ cookie })).statusCode, 200);
        const out = await request({ method: 'POST', url: '/api/v1/auth/signout', cookie });
        assert.equal(out.statusCode, 204);
        assert.match(String(out.headers['set-cookie']), /nexum_session=;/);
        assertErrorShape(await me({ cookie }), 401, 'unauthenticated');
      });

      test('sign out ends only that session', async () => {
        const a = sessionCookie(await signIn('ada@example.org'));
        const b = sessionCookie(await signIn('ada@example.org'));
        assert.notEqual(a, b);
        await request({ method: 'POST', url: '/api/v1/auth/signout', cookie: a });
        assert.equal((await me({ cookie: a })).statusCode, 401);
        assert.equal((await me({ cookie: b })).statusCode, 200);
      });

      test('GET /api/v1/me without a session is 401; a forged cookie is 401', async () => {
        assertErrorShape(await me({}), 401, 'unauthenticated');
        assertErrorShape(await me({ cookie: 'nexum_session=forged-token' }), 401, 'unauthenticated');
      });
    });

    describe('change password', () => {
      const email = 'pw-change@example.org';
      let current: string;
      let other: string;
      before(async () => {
        current = sessionCookie(await signUp(email));
        other = sessionCookie(await signIn(email));
      });

      test('a wrong current password is a 400 naming body.currentPassword', async () => {
        const res = await request({
          method: 'POST',
          url: '/api/v1/me/password',
          cookie: current,
          payload: { currentPassword: 'not the password', newPassword: NEW_PASSWORD },
        });
        assertErrorShape(res, 400);
        assert.deepEqual(fieldsOf(res), ['body.currentPassword']);
        assert.equal((await me({ cookie: other })).statusCode, 200, 'a failed change ends nothing');
      });

      test('a too short new password is a 400 naming body.newPassword', async () => {
        const res = await request({
          method: 'POST',
          url: '/api/v1/me/password',
          cookie: current,
          payload: { currentPassword: PASSWORD, newPassword: 'short' },
        });
        assertErrorShape(res, 400, 'validation_failed');
        assert.deepEqual(fieldsOf(res), ['body.newPassword']);
      });

      test('needs a signed-in user', async () => {
        const res = await request({
          method: 'POST',
          url: '/api/v1/me/password',
          payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        });
        assertErrorShape(res, 401, 'unauthenticated');
      });

      test('success ends the other sessions, keeps the current one; the new password works, the old fails', async () => {
        const res = await request({
          method: 'POST',
          url: '/api/v1/me/password',
          cookie: current,
          payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        });
        assert.equal(res.statusCode, 204, res.body);
        assert.equal((await me({ cookie: current })).statusCode, 200);
        assert.equal((await me({ cookie: other })).statusCode, 401);
        assert.equal((await signIn(email, NEW_PASSWORD)).statusCode, 200);
        assertErrorShape(await signIn(email, PASSWORD), 401, 'unauthenticated');
      });
    });

    describe('PATCH /api/v1/me', () => {
      let cookie: string;
      before(async () => {
        cookie = sessionCookie(await signUp('patch-me@example.org'));
      });

      test('changes the locale and the name', async () => {
        const res = await request({ method: 'PATCH', url: '/api/v1/me', cookie, payload: { locale: 'it' } });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().locale, 'it');
        const res2 = await request({
          method: 'PATCH',
          url: '/api/v1/me',
          cookie,
          payload: { name: '  Ada B.  ' },
        });
        assert.equal(res2.json().name, 'Ada B.');
        assert.equal(res2.json().locale, 'it');
        const again = await me({ cookie });
        assert.equal(again.json().locale, 'it');
        assert.equal(again.json().name, 'Ada B.');
      });

      test('an unknown locale, an empty body or an empty name are 400', async () => {
        for (const payload of [{ locale: 'de' }, {}, { name: '   ' }]) {
          const res = await request({ method: 'PATCH', url: '/api/v1/me', cookie, payload });
          assertErrorShape(res, 400, 'validation_failed');
        }
      });

      test('cannot make oneself an administrator or change the e-mail', async () => {
        const res = await request({
          method: 'PATCH',
          url: '/api/v1/me',
          cookie,
          payload: { name: 'Still Ada', isAdmin: true, is_admin: true, email: 'other@example.org' },
        });
        // Unknown keys are stripped (or refused): either way nothing but the name changes.
        if (res.statusCode === 200) {
          assert.equal(res.json().isAdmin, false);
          assert.equal(res.json().email, 'patch-me@example.org');
        } else assertErrorShape(res, 400);
        const after = (await me({ cookie })).json();
        assert.equal(after.isAdmin, false);
        assert.equal(after.email, 'patch-me@example.org');
      });
    });

    describe('API tokens', () => {
      let cookie: string;
      let token: string;
      let tokenId: string;
      let userId: string;
      before(async () => {
        const res = await signUp('tokens@example.org');
        cookie = sessionCookie(res);
        userId = res.json().id;
      });

      test('creating one returns the secret once, starting with nxm_', async () => {
        const res = await request({
          method: 'POST',
          url: '/api/v1/me/tokens',
          cookie,
          payload: { name: 'CI' },
        });
        assert.equal(res.statusCode, 201, res.body);
        const body = res.json();
        assert.match(body.token, /^nxm_[A-Za-z0-9_-]{20,}$/);
        assert.equal(body.name, 'CI');
        assert.ok(body.token.startsWith(body.prefix), 'the prefix is the start of the token');
        assert.ok(body.prefix.length < body.token.length / 2, 'the prefix does not reveal the secret');
        assert.equal(body.lastUsedAt, null);
        token = body.token;
        tokenId = body.id;
      });

      test('the token is not stored in clear', async () => {
        const rows = await t.database.db
          .selectFrom('api_tokens')
          .selectAll()
          .where('user_id', '=', userId)
          .execute();
        assert.equal(rows.length, 1);
        assert.notEqual(rows[0]!.token_hash, token);
        assert.ok(!JSON.stringify(rows).includes(token));
      });

      test('Bearer authenticates GET /api/v1/me', async () => {
        const res = await me({ bearer: token });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().id, userId);
      });

      test('the list does not include the secret, and shows it was used', async () => {
        const res = await request({ method: 'GET', url: '/api/v1/me/tokens', cookie });
        assert.equal(res.statusCode, 200);
        const items = res.json().items;
        assert.equal(items.length, 1);
        assert.equal(items[0].id, tokenId);
        assert.equal(items[0].token, undefined);
        assert.ok(!res.body.includes(token));
        assert.notEqual(items[0].lastUsedAt, null);
      });

      test('a token cannot create tokens (403)', async () => {
        const res = await request({
          method: 'POST',
          url: '/api/v1/me/tokens',
          headers: { authorization: `Bearer ${token}` },
          payload: { name: 'persist' },
        });
        assertErrorShape(res, 403, 'forbidden');
        const list = await request({ method: 'GET', url: '/api/v1/me/tokens', cookie });
        assert.equal(list.json().items.length, 1);
      });

      test('a token name is required', async () => {
        const res = await request({
          method: 'POST',
          url: '/api/v1/me/tokens',
          cookie,
          payload: { name: '  ' },
        });
        assertErrorShape(res, 400, 'validation_failed');
        assert.deepEqual(fieldsOf(res), ['body.name']);
      });

      test('an unknown or malformed Bearer token is 401', async () => {
        assertErrorShape(await me({ bearer: 'nxm_not-a-real-token' }), 401, 'unauthenticated');
        assertErrorShape(await me({ bearer: 'garbage' }), 401, 'unauthenticated');
      });

      test('another user cannot revoke the token (404)', async () => {
        const other = await t.user();
        const res = await request({
          method: 'DELETE',
          url: `/api/v1/me/tokens/${tokenId}`,
          cookie: other.cookie,
        });
        assertErrorShape(res, 404, 'not_found');
        assert.equal((await me({ bearer: token })).statusCode, 200);
      });

      test('revoking it makes Bearer 401 and removes it from the list', async () => {
        const res = await request({ method: 'DELETE', url: `/api/v1/me/tokens/${tokenId}`, cookie });
        assert.equal(res.statusCode, 204, res.body);
        assertErrorShape(await me({ bearer: token }), 401, 'unauthenticated');
        const list = await request({ method: 'GET', url: '/api/v1/me/tokens', cookie });
        assert.deepEqual(list.json().items, []);
        const again = await request({ method: 'DELETE', url: `/api/v1/me/tokens/${tokenId}`, cookie });
        assertErrorShape(again, 404, 'not_found');
      });

      test('a malformed token id is 400', async () => {
        const res = await request({ method: 'DELETE', url: '/api/v1/me/tokens/not-a-uuid', cookie });
        assertErrorShape(res, 400, 'validation_failed');
        assert.deepEqual(fieldsOf(res), ['params.id']);
      });
    });

    test('no response ever contained a password or a password hash', () => {
      const all = bodies.join('\n');
      for (const secret of [
        PASSWORD,
        NEW_PASSWORD,
        'correct horse battery',
        'scrypt$',
        'password_hash',
        'passwordHash',
      ]) {
        assert.ok(!all.includes(secret), `a response contains ${secret}`);
      }
    });
  });

  describe(`sign-in rate limit (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend, { env: { SIGNIN_RATE_LIMIT: '3' } });
    });
    after(() => t.close());

    test('the 4th attempt within a minute is 429 with the error shape', async () => {
      const statuses: number[] = [];
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 4; i++) {
        last = await t.request({
          method: 'POST',
          url: '/api/v1/auth/signin',
          payload: { email: 'victim@example.org', password: `guess number ${i}` },
        });
        statuses.push(last.statusCode);
      }
      assert.deepEqual(statuses, [401, 401, 401, 429]);
      assertErrorShape(last!, 429, 'rate_limited');
      assert.ok(!last!.body.includes('stack'));
    });

    test('a spoofed X-Forwarded-For does not reset the limit', async () => {
      // The server is reached directly here (no proxy in front), so the client's own
      // X-Forwarded-For header must not choose the rate-limit bucket.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/signin',
          headers: { 'x-forwarded-for': `203.0.113.${i + 10}` },
          payload: { email: 'victim@example.org', password: `guess number ${i}` },
        });
        statuses.push(res.statusCode);
      }
      assert.equal(statuses.at(-1), 429, `statuses with rotating X-Forwarded-For: ${statuses.join(', ')}`);
    });
  });

  describe(`first-start administrator (${backend})`, () => {
    const databases: Database[] = [];
    before(async () => {
      databases.push(await testDatabase(backend), await testDatabase(backend));
    });
    after(async () => {
      for (const d of databases) await d.close();
    });

    test('is created once with a random password, different per database', async () => {
      const passwords: string[] = [];
      for (const database of databases) {
        const admins = await database.db
          .selectFrom('users')
          .select('id')
          .where('is_admin', '=', true)
          .execute();
        assert.equal(admins.length, 0, 'the seeded test database has no administrator');
        const accounts = buildServices(database, { sessionDays: 30 }).accounts;
        const created = await accounts.ensureAdministrator();
        assert.ok(created, 'an administrator is created');
        assert.equal(created.email, 'admin@nexum.local');
        assert.ok(created.password.length >= 16, 'a long generated password');
        passwords.push(created.password);

        const row = await database.db
          .selectFrom('users')
          .selectAll()
          .where('email', '=', created.email)
          .executeTakeFirstOrThrow();
        assert.equal(row.is_admin, true);
        assert.ok(!row.password_hash.includes(created.password), 'stored hashed');
        const signedIn = await accounts.signIn({ email: created.email, password: created.password }, null);
        const actor = await accounts.authenticateSession(signedIn.session.token);
        assert.equal(actor?.isAdmin, true);

        assert.equal(await accounts.ensureAdministrator(), null, 'the second call creates nothing');
        const count = await database.db
          .selectFrom('users')
          .select('id')
          .where('is_admin', '=', true)
          .execute();
        assert.equal(count.length, 1);
      }
      assert.notEqual(passwords[0], passwords[1]);
    });
  });
}
