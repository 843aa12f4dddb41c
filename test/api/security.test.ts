import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

function assertErrorShape(res: LightMyRequestResponse, status: number, code?: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/, res.body);
  const body = res.json();
  assert.equal(typeof body.error?.code, 'string', res.body);
  assert.equal(typeof body.error?.message, 'string', res.body);
  if (code) assert.equal(body.error.code, code, res.body);
}

/** What a stack trace or an internal detail would look like in a body. */
function assertNoInternals(res: LightMyRequestResponse) {
  const body = res.body;
  assert.doesNotMatch(body, /\bat [\w.<>]+ \(/, `stack frame in ${body}`);
  assert.doesNotMatch(body, /\.(ts|js|mjs):\d+/, `source location in ${body}`);
  assert.doesNotMatch(body, /node_modules|"stack"|\/work\//, `internal path in ${body}`);
  assert.doesNotMatch(body, /select |insert into|update "|relation "/i, `SQL in ${body}`);
}

function csp(res: LightMyRequestResponse): string {
  return String(res.headers['content-security-policy'] ?? '');
}

for (const backend of backends()) {
  describe(`security (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    describe('headers', () => {
      const checkHeaders = (res: LightMyRequestResponse) => {
        assert.match(csp(res), /frame-ancestors 'none'/, `${res.statusCode} CSP: ${csp(res)}`);
        assert.match(csp(res), /default-src 'self'/);
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.equal(res.headers['x-frame-options'], 'DENY');
        assert.ok(res.headers['referrer-policy']);
      };

      test('on API responses, errors included', async () => {
        for (const url of [
          '/api/v1/overview',
          '/api/v1/organisations?pageSize=1',
          '/api/v1/nope',
          '/api/v1/me',
        ]) {
          checkHeaders(await t.request({ method: 'GET', url }));
        }
        checkHeaders(await t.request({ method: 'GET', url: '/api/openapi.json' }));
      });

      test('on HTML pages, with a utf-8 charset', async () => {
        for (const url of [
          '/',
          '/events/clusters-meet-regions-milan-2024',
          '/organisations/afil',
          '/events/no-such-event',
        ]) {
          const res = await t.request({ method: 'GET', url });
          assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/i);
          checkHeaders(res);
          assert.doesNotMatch(csp(res), /'unsafe-eval'/);
          assert.doesNotMatch(csp(res), /script-src[^;]*'unsafe-inline'/, 'no inline scripts allowed');
        }
      });

      test('the API reference page cannot be framed either', async () => {
        const res = await t.request({ method: 'GET', url: '/api/docs' });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['x-content-type-options'], 'nosniff');
        assert.match(csp(res), /frame-ancestors 'none'/, `CSP of /api/docs: ${csp(res)}`);
        assert.doesNotMatch(csp(res), /frame-ancestors 'self'/, `CSP of /api/docs: ${csp(res)}`);
      });

      test('the session cookie is HttpOnly and SameSite=Lax', async () => {
        const u = await t.user();
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/signin',
          payload: { email: u.email, password: 'correct horse battery' },
        });
        const line = String(res.headers['set-cookie']);
        assert.match(line, /HttpOnly/i);
        assert.match(line, /SameSite=Lax/i);
      });
    });

    describe('cross-site requests', () => {
      let cookie: string;
      before(async () => {
        cookie = (await t.user()).cookie;
      });
      const patchMe = (headers: Record<string, string>, locale: 'en' | 'it' = 'it') =>
        t.request({ method: 'PATCH', url: '/api/v1/me', cookie, headers, payload: { locale } });
      const locale = async () =>
        (await t.request({ method: 'GET', url: '/api/v1/me', cookie })).json().locale;

      test('a mutation with a foreign Origin is 403 even with a valid cookie, and changes nothing', async () => {
        const res = await patchMe({ origin: 'https://evil.example' });
        assertErrorShape(res, 403, 'forbidden');
        assert.equal(await locale(), 'en');
      });

      test('look-alike origins are foreign too', async () => {
        for (const origin of [
          'http://localhost:3000.evil.example',
          'https://localhost:3000',
          'http://localhost:3001',
        ]) {
          assertErrorShape(await patchMe({ origin }), 403, 'forbidden');
        }
        assert.equal(await locale(), 'en');
      });

      test('a foreign Origin is refused on every mutating method, sign-in and sign-up included', async () => {
        const headers = { origin: 'https://evil.example' };
        const cases = [
          { method: 'POST', url: '/api/v1/auth/signin', payload: { email: 'a@example.org', password: 'x' } },
          {
            method: 'POST',
            url: '/api/v1/auth/signup',
            payload: { email: 'csrf@example.org', name: 'x', password: 'long enough!!', acceptTerms: true },
          },
          { method: 'POST', url: '/api/v1/auth/signout' },
          { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'x' } },
          { method: 'DELETE', url: '/api/v1/me/tokens/00000000-0000-4000-8000-000000000000' },
          { method: 'PATCH', url: '/api/v1/organisations/afil', payload: { description: 'x' } },
        ] as const;
        for (const c of cases) {
          const res = await t.request({ ...c, cookie, headers });
          assertErrorShape(res, 403, 'forbidden');
        }
        assert.equal(
          (await t.request({ method: 'GET', url: '/api/v1/me', cookie })).statusCode,
          200,
          'signout was refused',
        );
      });

      test('sec-fetch-site: cross-site is refused', async () => {
        const res = await patchMe({ origin: ORIGIN, 'sec-fetch-site': 'cross-site' });
        assertErrorShape(res, 403, 'forbidden');
        assert.equal(await locale(), 'en');
      });

      test('same-origin requests pass', async () => {
        const res = await patchMe({ origin: ORIGIN, 'sec-fetch-site': 'same-origin' });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(await locale(), 'it');
        assert.equal((await patchMe({ origin: ORIGIN }, 'en')).statusCode, 200);
      });

      test('reads are not refused for a foreign Origin (public API)', async () => {
        const res = await t.request({
          method: 'GET',
          url: '/api/v1/overview',
          headers: { origin: 'https://evil.example' },
        });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['access-control-allow-origin'], undefined, 'no CORS for foreign origins');
      });
    });

    describe('sessions', () => {
      test('a session cookie is not accepted after it expires', async () => {
        const u = await t.user();
        assert.equal(
          (await t.request({ method: 'GET', url: '/api/v1/me', cookie: u.cookie })).statusCode,
          200,
        );
        await t.database.db
          .updateTable('sessions')
          .set({ expires_at: new Date(Date.now() - 60_000) })
          .where('user_id', '=', u.id)
          .execute();
        const res = await t.request({ method: 'GET', url: '/api/v1/me', cookie: u.cookie });
        assertErrorShape(res, 401, 'unauthenticated');
        // An expired session gives no rights on mutations either.
        const patch = await t.request({
          method: 'PATCH',
          url: '/api/v1/me',
          cookie: u.cookie,
          payload: { locale: 'it' },
        });
        assertErrorShape(patch, 401, 'unauthenticated');
      });

      test('the database stores a hash of the session token, not the token', async () => {
        const u = await t.user();
        const token = u.cookie.split('=')[1]!;
        const rows = await t.database.db
          .selectFrom('sessions')
          .selectAll()
          .where('user_id', '=', u.id)
          .execute();
        assert.equal(rows.length, 1);
        assert.notEqual(rows[0]!.token_hash, token);
        assert.match(rows[0]!.token_hash, /^[0-9a-f]{64}$/);
      });
    });

    describe('errors', () => {
      test('unknown /api routes are 404 with the error shape, for every method', async () => {
        for (const method of ['GET', 'POST', 'PATCH', 'DELETE'] as const) {
          const res = await t.request({ method, url: '/api/v1/no-such-thing?x=1' });
          assertErrorShape(res, 404, 'not_found');
          assertNoInternals(res);
        }
        const asset = await t.request({ method: 'GET', url: '/api/v2/organisations' });
        assertErrorShape(asset, 404, 'not_found');
      });

      test('error responses never contain a stack trace', async () => {
        const admin = await t.user({ admin: true });
        const responses = await Promise.all([
          t.request({ method: 'GET', url: '/api/v1/organisations?type=spaceship' }),
          t.request({ method: 'GET', url: '/api/v1/organisations/no-such-org' }),
          t.request({ method: 'GET', url: '/api/v1/regions/!!' }),
          t.request({ method: 'GET', url: '/api/v1/me' }),
          t.request({
            method: 'PATCH',
            url: '/api/v1/me',
            headers: { origin: 'https://evil.example' },
            payload: {},
          }),
          t.request({
            method: 'POST',
            url: '/api/v1/auth/signin',
            headers: { 'content-type': 'application/json' },
            payload: '{"email":',
          }),
          t.request({
            method: 'POST',
            url: '/api/v1/auth/signin',
            headers: { 'content-type': 'application/xml' },
            payload: '<a/>',
          }),
          t.request({ method: 'POST', url: '/api/v1/events', cookie: admin.cookie, payload: { title: '' } }),
          t.request({ method: 'GET', url: '/api/v1/organisations?q=%00' }),
        ]);
        for (const res of responses) {
          assert.ok(res.statusCode >= 400, res.body);
          assertErrorShape(res, res.statusCode);
          assertNoInternals(res);
        }
      });

      test('a body over the size limit is 413 with the error shape', async () => {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/signin',
          payload: { email: 'a@example.org', password: 'x'.repeat(1_100_000) },
        });
        assertErrorShape(res, 413, 'payload_too_large');
      });

      test('a NUL character in a query or a body is a 400, not a 500', async () => {
        const u = await t.user();
        const cases = [
          await t.request({ method: 'GET', url: '/api/v1/organisations?q=a%00b' }),
          await t.request({ method: 'GET', url: '/api/v1/regions?q=lomb%00' }),
          await t.request({
            method: 'PATCH',
            url: '/api/v1/me',
            cookie: u.cookie,
            payload: { name: 'Ada\u0000' },
          }),
        ];
        for (const res of cases) {
          assert.notEqual(res.statusCode, 500, res.body);
          assertErrorShape(res, 400);
        }
      });

      test('a malformed URL is a 400 with the error shape', async () => {
        for (const url of ['/api/v1/organisations/%E0%A4%A', '/events/%ZZ']) {
          const res = await t.request({ method: 'GET', url });
          assertErrorShape(res, 400);
          assertNoInternals(res);
        }
      });
    });

    describe('OpenAPI', () => {
      // biome-ignore lint/suspicious/noExplicitAny: a JSON document
      let spec: any;
      before(async () => {
        const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
        assert.equal(res.statusCode, 200);
        spec = res.json();
      });

      test('is OpenAPI 3.1', () => {
        assert.match(spec.openapi, /^3\.1\.\d+$/);
        assert.equal(spec.info.title, 'Nexum API');
        assert.ok(spec.components.securitySchemes.bearer);
      });

      test('every operation has a unique operationId and a 200/201/204 response with a schema', () => {
        const ids = new Set<string>();
        let count = 0;
        for (const [path, item] of Object.entries<Record<string, unknown>>(spec.paths)) {
          assert.ok(path.startsWith('/api/v1/'), `unexpected documented path ${path}`);
          for (const [method, raw] of Object.entries(item)) {
            if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
            // biome-ignore lint/suspicious/noExplicitAny: a JSON document
            const op = raw as any;
            const where = `${method.toUpperCase()} ${path}`;
            count++;
            assert.equal(typeof op.operationId, 'string', `${where} has no operationId`);
            assert.ok(!ids.has(op.operationId), `duplicate operationId ${op.operationId}`);
            ids.add(op.operationId);
            // 202: accepted for background work (imports).
            const success = ['200', '201', '202', '204'].filter((s) => op.responses?.[s]);
            // An idempotent create answers 201 when it creates and 200 when the thing already existed.
            const idempotentCreate = success.join() === '200,201' && method === 'post';
            assert.ok(
              success.length === 1 || idempotentCreate,
              `${where}: success responses ${success.join(',')}`,
            );
            const ok = op.responses[success[0]!];
            if (success[0] === '204') continue;
            // A file download (text/csv, text/html, application/pdf) documents its own content type instead
            // of JSON; every content type it declares has a schema.
            const contents = Object.values(ok.content ?? {}) as { schema?: object }[];
            assert.ok(contents.length > 0, `${where}: no response content`);
            assert.ok(
              contents.every((c) => c.schema && Object.keys(c.schema).length > 0),
              `${where}: a content type without a schema`,
            );
            const schema = contents[0]?.schema;
            assert.ok(schema && Object.keys(schema).length > 0, `${where}: no response schema`);
          }
        }
        assert.ok(count >= 15, `only ${count} operations documented`);
        for (const id of [
          'listOrganisations',
          'getOrganisation',
          'listRegions',
          'getRegion',
          'listEvents',
          'getEvent',
        ]) {
          assert.ok(ids.has(id), `missing operation ${id}`);
        }
      });

      test('internal routes are not documented', () => {
        const paths = Object.keys(spec.paths);
        for (const p of ['/healthz', '/api/openapi.json', '/*', '/geo/*']) assert.ok(!paths.includes(p), p);
      });

      test('the Error schema is shared', () => {
        assert.ok(spec.components.schemas.Error, 'components.schemas.Error');
      });
    });

    test('/api/docs answers 200 with the reference page', async () => {
      let res = await t.request({ method: 'GET', url: '/api/docs' });
      for (let i = 0; i < 3 && res.statusCode >= 300 && res.statusCode < 400; i++) {
        res = await t.request({ method: 'GET', url: new URL(String(res.headers.location), ORIGIN).pathname });
      }
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.body, /swagger/i);
    });
  });
}
