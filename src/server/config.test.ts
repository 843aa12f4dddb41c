import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
    return e;
  }
  assert.fail(`no error for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  test('defaults: embedded PGlite in ./data, port 3000', () => {
    const c = loadConfig({});
    assert.deepEqual(c.database, { kind: 'pglite', dir: './data' });
    assert.equal(c.port, 3000);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.publicUrl, 'http://localhost:3000');
    assert.equal(c.logLevel, 'warn');
    assert.equal(c.demoData, true);
    assert.equal(c.sessionDays, 30);
    assert.equal(c.signinRateLimit, 10);
    assert.equal(c.smtp, null);
  });

  test('does not read process.env when given an environment', () => {
    const saved = process.env.PORT;
    process.env.PORT = '4321';
    try {
      assert.equal(loadConfig({}).port, 3000);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  test('DATA_DIR moves the PGlite directory', () => {
    assert.deepEqual(loadConfig({ DATA_DIR: '/var/lib/nexum' }).database, {
      kind: 'pglite',
      dir: '/var/lib/nexum',
    });
  });

  test('DATABASE_URL=pglite:///tmp/x is PGlite in /tmp/x', () => {
    assert.deepEqual(loadConfig({ DATABASE_URL: 'pglite:///tmp/x' }).database, {
      kind: 'pglite',
      dir: '/tmp/x',
    });
  });

  test('pglite://memory and pglite:// are in memory', () => {
    assert.deepEqual(loadConfig({ DATABASE_URL: 'pglite://memory' }).database, { kind: 'pglite', dir: null });
    assert.deepEqual(loadConfig({ DATABASE_URL: 'pglite://' }).database, { kind: 'pglite', dir: null });
  });

  test('postgres:// and postgresql:// are a PostgreSQL server, the URL kept as given', () => {
    const url = 'postgres://nexum:secret@db.example:5432/nexum?sslmode=require';
    assert.deepEqual(loadConfig({ DATABASE_URL: url }).database, { kind: 'postgres', url });
    const url2 = 'postgresql://localhost/nexum';
    assert.deepEqual(loadConfig({ DATABASE_URL: url2 }).database, { kind: 'postgres', url: url2 });
  });

  test('DATABASE_URL=mysql://x is a ConfigError naming DATABASE_URL', () => {
    const e = configError({ DATABASE_URL: 'mysql://x' });
    assert.match(e.message, /DATABASE_URL/);
    assert.match(e.message, /postgres/);
  });

  test('PORT=abc is a ConfigError naming PORT', () => {
    assert.match(configError({ PORT: 'abc' }).message, /PORT/);
    assert.match(configError({ PORT: '70000' }).message, /PORT/);
    assert.match(configError({ PORT: '-1' }).message, /PORT/);
  });

  test('every wrong variable is named at once', () => {
    const e = configError({ PORT: 'abc', LOG_LEVEL: 'loud', SESSION_DAYS: '0', PUBLIC_URL: 'not a url' });
    for (const name of ['PORT', 'LOG_LEVEL', 'SESSION_DAYS', 'PUBLIC_URL'])
      assert.match(e.message, new RegExp(name));
  });

  test('other variables are read and checked', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://nexum.example/',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      SESSION_DAYS: '7',
      SIGNIN_RATE_LIMIT: '3',
      SMTP_URL: 'smtps://user:pw@mail.example:465',
    });
    assert.equal(c.port, 8080);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.publicUrl, 'https://nexum.example', 'no trailing slash');
    assert.equal(c.logLevel, 'silent');
    assert.equal(c.demoData, false);
    assert.equal(c.sessionDays, 7);
    assert.equal(c.signinRateLimit, 3);
    assert.deepEqual(c.smtp, { url: 'smtps://user:pw@mail.example:465', from: 'Nexum <no-reply@localhost>' });
    assert.match(configError({ DEMO_DATA: 'yes' }).message, /DEMO_DATA/);
    assert.match(configError({ SMTP_URL: 'http://mail' }).message, /SMTP_URL/);
  });

  test('the public URL follows the port by default', () => {
    assert.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
  });

  test('empty strings are treated as unset', () => {
    const c = loadConfig({
      DATABASE_URL: '',
      DATA_DIR: '',
      PORT: '',
      HOST: '',
      PUBLIC_URL: '',
      LOG_LEVEL: '',
      DEMO_DATA: '',
      SESSION_DAYS: '',
      SIGNIN_RATE_LIMIT: '',
      SMTP_URL: '',
    });
    assert.deepEqual(c, loadConfig({}));
  });

  test('unrelated variables are ignored', () => {
    assert.deepEqual(loadConfig({ HOME: '/root', PATH: '/usr/bin', NODE_ENV: 'test' }), loadConfig({}));
  });
});
