import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../src/features/accounts/password.ts';
import { buildApp, type Services } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { type Backend, testDatabase } from './db.ts';

export const ORIGIN = 'http://localhost:3000';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  services: Services;
  /** A user with a signed-in session; returns the cookie header to send. */
  user(opts?: {
    email?: string;
    admin?: boolean;
    name?: string;
  }): Promise<{ id: string; email: string; cookie: string }>;
  request(opts: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

export async function testApp(
  backend: Backend,
  opts: { seeded?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await testDatabase(backend, opts);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PUBLIC_URL: ORIGIN,
    SIGNIN_RATE_LIMIT: '1000',
    ...opts.env,
  });
  const { app, services } = await buildApp({ config, database, logger: false, clientDir: '/nonexistent' });
  await app.ready();
  const request = (o: InjectOptions & { cookie?: string }) => {
    const { cookie, headers, ...rest } = o;
    return app.inject({
      ...rest,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(rest.method && rest.method !== 'GET' ? { origin: ORIGIN } : {}),
        ...headers,
      },
    });
  };
  return {
    app,
    database,
    services,
    request,
    async user(u = {}) {
      counter += 1;
      const email = u.email ?? `user${counter}-${process.pid}@example.org`;
      const row = await database.db
        .insertInto('users')
        .values({
          email,
          name: u.name ?? `Test User ${counter}`,
          password_hash: await hashPassword('correct horse battery'),
          is_admin: !!u.admin,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const res = await request({
        method: 'POST',
        url: '/api/v1/auth/signin',
        payload: { email, password: 'correct horse battery' },
      });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      return { id: row.id, email, cookie };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
