/**
 * While PostgreSQL refuses or drops connections the API answers 503 with Retry-After in the error shape
 * (never 500), /healthz reports not ready, and everything answers again once the database is back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { type TestApp, testApp } from '../helpers/app.ts';
import { postgresUrl } from '../helpers/env.ts';

const adminUrl = postgresUrl();

(adminUrl ? describe : describe.skip)('database down (postgres)', () => {
  let t: TestApp;
  let admin: pg.Client;
  let name: string;
  const urls = ['/api/v1/organisations', '/api/v1/events', '/api/v1/overview'];

  before(async () => {
    t = await testApp('postgres');
    name = (await sql<{ n: string }>`select current_database() as n`.execute(t.database.db)).rows[0]!.n;
    admin = new pg.Client({ connectionString: adminUrl! });
    await admin.connect();
  });
  after(async () => {
    await admin.query(`alter database ${name} allow_connections true`);
    await admin.end();
    await t.close();
  });

  async function assertUnavailable(url: string, cookie?: string) {
    const res = await t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
    assert.equal(res.statusCode, 503, `${url}: ${res.body}`);
    assert.match(String(res.headers['retry-after']), /^\d+$/, `${url} has Retry-After`);
    const body = res.json();
    assert.equal(body.error.code, 'service_unavailable', res.body);
    assert.equal(typeof body.error.message, 'string');
  }

  test('connections terminated and refused: 503 with Retry-After, /healthz not ready, then recovery', async () => {
    for (const url of urls) assert.equal((await t.request({ method: 'GET', url })).statusCode, 200, url);
    const user = await t.user();

    await admin.query(`alter database ${name} allow_connections false`);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    for (const url of urls) await assertUnavailable(url);
    // A signed-in request goes through the session lookup first.
    await assertUnavailable('/api/v1/auth/session', user.cookie);
    const health = await t.request({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 503, health.body);
    assert.ok(health.headers['retry-after']);

    await admin.query(`alter database ${name} allow_connections true`);
    for (const url of urls) assert.equal((await t.request({ method: 'GET', url })).statusCode, 200, url);
    assert.equal((await t.request({ method: 'GET', url: '/healthz' })).statusCode, 200);
  });

  test('a query cut by an administrator shutdown (57P01) mid-request: 503', async () => {
    // Terminate the backend while a slow query holds it.
    // The handler is attached at once: the query may fail while the terminate is still being awaited.
    const slow = sql`select pg_sleep(5)`.execute(t.database.db).then(
      () => null,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    await admin.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query like '%pg_sleep%'",
      [name],
    );
    const err = await slow;
    const { isDatabaseUnavailable } = await import('../../src/server/http/unavailable.ts');
    assert.ok(isDatabaseUnavailable(err), `recognised as the database being unavailable: ${err}`);
  });
});
