import { z } from 'zod';

/** Every setting Nexum reads from the environment; a wrong value stops start-up naming the variable. */
const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?|pglite):\/\//, 'must start with postgres://, postgresql:// or pglite://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  EMBEDDED_DURABILITY: z.enum(['durable', 'relaxed']).default('durable'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|\d{1,2}|[0-9a-fA-F.:/, ]+)$/, 'false, a number of proxy hops, or proxy addresses')
    .default('false'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Nexum <no-reply@localhost>'),
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(0).max(10_000).default(16),
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(500),
  MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(1).max(600_000).default(5000),
});

export type Config = {
  database: { kind: 'pglite'; dir: string | null } | { kind: 'postgres'; url: string };
  /** Embedded database: `durable` syncs every commit to disk, `relaxed` leaves that to the OS. */
  embeddedDurability: 'durable' | 'relaxed';
  port: number;
  host: string;
  publicUrl: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  demoData: boolean;
  /** Which X-Forwarded-For hops to believe: the client address matters for rate limits. */
  trustProxy: boolean | number | string;
  sessionDays: number;
  signinRateLimit: number;
  smtp: { url: string; from: string } | null;
  /** Requests that use the database: how many run at once, how many wait, and for how long. */
  admission: { maxConcurrent: number; maxQueued: number; maxWaitMs: number };
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  let database: Config['database'];
  if (!c.DATABASE_URL) database = { kind: 'pglite', dir: c.DATA_DIR };
  else if (c.DATABASE_URL.startsWith('pglite://')) {
    const dir = c.DATABASE_URL.slice('pglite://'.length);
    database = { kind: 'pglite', dir: dir === '' || dir === 'memory' ? null : dir };
  } else database = { kind: 'postgres', url: c.DATABASE_URL };
  return {
    database,
    embeddedDurability: c.EMBEDDED_DURABILITY,
    port: c.PORT,
    host: c.HOST,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    logLevel: c.LOG_LEVEL,
    demoData: c.DEMO_DATA === 'true',
    trustProxy:
      c.TRUST_PROXY === 'false'
        ? false
        : c.TRUST_PROXY === 'true'
          ? true
          : /^\d+$/.test(c.TRUST_PROXY)
            ? Number(c.TRUST_PROXY)
            : c.TRUST_PROXY,
    sessionDays: c.SESSION_DAYS,
    signinRateLimit: c.SIGNIN_RATE_LIMIT,
    smtp: c.SMTP_URL ? { url: c.SMTP_URL, from: c.SMTP_FROM } : null,
    admission: {
      maxConcurrent: c.MAX_CONCURRENT_REQUESTS,
      maxQueued: c.MAX_QUEUED_REQUESTS,
      maxWaitMs: c.MAX_QUEUE_WAIT_MS,
    },
  };
}
