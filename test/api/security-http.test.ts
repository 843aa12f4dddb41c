/**
 * Requests Fastify's in-process inject does not exercise (issue 16): a URL over Node's 16 KB header
 * limit, answered by the HTTP parser over a real socket; and the opaque `Origin: null` on mutations.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

/** Sends raw bytes and resolves with everything the server wrote before it closed the connection. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d) => {
      data += d;
    });
    socket.on('error', (e) => (data ? resolve(data) : reject(e)));
    socket.on('close', () => resolve(data));
    socket.write(request);
  });
}

function parse(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

for (const backend of backends()) {
  describe(`HTTP edge cases (${backend})`, () => {
    let t: TestApp;
    let port: number;
    before(async () => {
      t = await testApp(backend, { seeded: false });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as AddressInfo).port;
    });
    after(() => t.close());

    test('a URL over 16 KB is a 431 with the error shape', async () => {
      const url = `/api/v1/organisations?q=${'a'.repeat(17 * 1024)}`;
      const res = parse(await rawRequest(port, `GET ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
      assert.equal(res.status, 431, res.body);
      assert.match(res.headers['content-type'] ?? '', /^application\/json/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(Number(res.headers['content-length']), Buffer.byteLength(res.body));
      const body = JSON.parse(res.body);
      assert.equal(body.error.code, 'request_header_too_large');
      assert.equal(typeof body.error.message, 'string');
    });

    test('headers over 16 KB are a 431 too; bytes that are not HTTP a 400 with the shape', async () => {
      const big = `GET /api/v1/overview HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'b'.repeat(17 * 1024)}\r\n\r\n`;
      const res = parse(await rawRequest(port, big));
      assert.equal(res.status, 431);
      assert.equal(JSON.parse(res.body).error.code, 'request_header_too_large');
      const junk = parse(await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n'));
      assert.equal(junk.status, 400);
      assert.equal(JSON.parse(junk.body).error.code, 'bad_request');
    });

    test('a normal request on the same server still works', async () => {
      const res = parse(
        await rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
      );
      assert.equal(res.status, 200);
    });

    describe('Origin: null', () => {
      test('is refused on a signed-in mutation, and changes nothing', async () => {
        const u = await t.user();
        const res = await t.request({
          method: 'PATCH',
          url: '/api/v1/me',
          cookie: u.cookie,
          headers: { origin: 'null' },
          payload: { locale: 'it' },
        });
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'forbidden');
        const me = await t.request({ method: 'GET', url: '/api/v1/me', cookie: u.cookie });
        assert.equal(me.json().locale, 'en');
      });

      test('is refused on sign-in and on a token-authenticated request too', async () => {
        const u = await t.user();
        const signin = await t.request({
          method: 'POST',
          url: '/api/v1/auth/signin',
          headers: { origin: 'null' },
          payload: { email: u.email, password: 'correct horse battery' },
        });
        assert.equal(signin.statusCode, 403, signin.body);
        const token = await t.request({
          method: 'POST',
          url: '/api/v1/me/tokens',
          cookie: u.cookie,
          payload: { name: 'script' },
        });
        assert.equal(token.statusCode, 201, token.body);
        const res = await t.request({
          method: 'PATCH',
          url: '/api/v1/me',
          headers: { origin: 'null', authorization: `Bearer ${token.json().token}` },
          payload: { locale: 'it' },
        });
        assert.equal(res.statusCode, 403, res.body);
      });

      test('reads with Origin: null are answered (public API)', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/overview', headers: { origin: 'null' } });
        assert.equal(res.statusCode, 200);
      });
    });
  });
}
