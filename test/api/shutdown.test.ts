/**
 * SIGTERM on the real server process: with an idle keep-alive connection and a request still in flight,
 * the server stops accepting, lets the request finish, closes the database and exits 0 within seconds.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { backends } from '../helpers/db.ts';
import { type ServerProcess, serverDatabase, startServer } from '../helpers/server-process.ts';

/** A keep-alive connection left idle after one answered request. */
async function idleKeepAlive(base: string): Promise<{ agent: http.Agent; closed: Promise<void> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let closed!: Promise<void>;
  await new Promise<void>((resolve, reject) => {
    const req = http.get(`${base}/healthz`, { agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('socket', (s: Socket) => {
      closed = new Promise((r) => s.once('close', () => r()));
    });
    req.on('error', reject);
  });
  return { agent, closed };
}

/** A sign-in whose body is only half sent: the server has routed it and waits for the rest. */
function halfSentRequest(port: number, origin: string) {
  const body = JSON.stringify({ email: 'nobody@example.org', password: 'wrong password, surely' });
  const socket = connect(port, '127.0.0.1');
  let response = '';
  socket.on('data', (d) => {
    response += d;
  });
  const ended = new Promise<string>((resolve) => socket.on('close', () => resolve(response)));
  socket.write(
    `POST /api/v1/auth/signin HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n` +
      body.slice(0, 10),
  );
  return { finish: () => socket.write(body.slice(10)), ended };
}

for (const backend of backends()) {
  describe(`graceful stop on SIGTERM (${backend})`, () => {
    let database: Awaited<ReturnType<typeof serverDatabase>>;
    let server: ServerProcess;
    before(async () => {
      database = await serverDatabase(backend);
      server = await startServer({ DATABASE_URL: database.url });
    });
    after(async () => {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await database.drop();
    });

    test('keep-alive client + in-flight request: request answered, exit 0 within 5 s, database closed', async () => {
      const keepAlive = await idleKeepAlive(server.base);
      const inFlight = halfSentRequest(server.port, server.base);
      await new Promise((r) => setTimeout(r, 300));

      const t0 = Date.now();
      server.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      inFlight.finish();

      const code = await Promise.race([
        server.exited,
        new Promise<string>((r) => setTimeout(() => r('still running after 5 s'), 5000)),
      ]);
      const elapsed = Date.now() - t0;
      assert.equal(code, 0, `exit ${code} after ${elapsed} ms:\n${server.output()}`);
      const response = await inFlight.ended;
      assert.match(response, /^HTTP\/1\.1 (401|403) /, `the in-flight request was answered: ${response}`);
      await keepAlive.closed;
      keepAlive.agent.destroy();
      assert.match(server.output(), /database closed/);
      if (database.admin) {
        const left = await database.admin.query(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [database.name],
        );
        assert.equal(left.rows[0].n, 0, 'no connection left open to the database');
      }
    });
  });
}
