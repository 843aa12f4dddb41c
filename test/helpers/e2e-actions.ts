/** What browser tests repeat: a server with Chromium, pages of their own context, signing in, axe checks. */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { hashPassword } from '../../src/features/accounts/password.ts';
import type { Database } from '../../src/server/db/database.ts';
import {
  buildClient,
  describeViolations,
  launchChromium,
  seriousViolations,
  startServer,
} from './browser.ts';

const VIEWPORT = { width: 1280, height: 900 };

export type TestServer = Awaited<ReturnType<typeof startServer>>;

/** Fills the sign-in form and waits until the header offers "Sign out", so the session cookie is set. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export interface SessionOptions {
  /** Context options for every page (e.g. `acceptDownloads`); the viewport defaults to 1280×900. */
  context?: BrowserContextOptions;
  /** Accept `confirm()` dialogs instead of Playwright's default of dismissing them. */
  acceptDialogs?: boolean;
}

/**
 * A built client served over a fresh seeded database, and Chromium. Page errors and serious axe-core
 * violations are collected in `problems` rather than thrown, so one test at the end can list them all.
 */
export class BrowserSession {
  readonly problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly server: TestServer,
    readonly browser: Browser,
    private readonly options: SessionOptions,
  ) {}

  static async start(executable: string, options: SessionOptions = {}): Promise<BrowserSession> {
    buildClient();
    const server = await startServer();
    try {
      return new BrowserSession(server, await launchChromium(executable), options);
    } catch (e) {
      await server.close();
      throw e;
    }
  }

  get url(): string {
    return this.server.url;
  }

  get db() {
    return this.server.database.db;
  }

  /** A page of its own browser context (its own cookies), signed out. */
  async newPage(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: VIEWPORT, ...this.options.context });
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
    if (this.options.acceptDialogs) page.on('dialog', (d) => void d.accept());
    return page;
  }

  /** A page of its own browser context, signed in as `email`. */
  async signedIn(email: string, password: string): Promise<Page> {
    const page = await this.newPage();
    await signInThroughForm(page, this.url, email, password);
    return page;
  }

  /** Waits for the page to settle, then records its serious axe-core violations under `label`. */
  async audit(page: Page, label: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    const violations = await seriousViolations(page);
    if (violations.length) this.problems.push(`${label}:\n${describeViolations(violations)}`);
  }

  async close(): Promise<void> {
    for (const c of this.contexts) await c.close();
    await this.browser.close();
    await this.server.close();
  }
}

type Db = Database['db'];

/** Inserts users who all sign in with `password`; returns their ids by e-mail address. */
export async function createUsers(
  db: Db,
  password: string,
  users: { email: string; name: string; isAdmin?: boolean }[],
): Promise<Record<string, string>> {
  const hash = await hashPassword(password);
  const rows = await db
    .insertInto('users')
    .values(
      users.map((u) => ({ email: u.email, name: u.name, password_hash: hash, is_admin: u.isAdmin ?? false })),
    )
    .returning(['id', 'email'])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.email, r.id]));
}

/** Makes the user an administrator of the (seeded) organisation with this slug. */
export async function makeOrganisationAdmin(db: Db, organisationSlug: string, userId: string) {
  const org = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', organisationSlug)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('organisation_users')
    .values({ organisation_id: org.id, user_id: userId, role: 'admin' })
    .execute();
}

/** Makes the user an organiser of the (seeded) event with this slug. */
export async function makeEventOrganiser(db: Db, eventSlug: string, userId: string) {
  const event = await db
    .selectFrom('events')
    .select('id')
    .where('slug', '=', eventSlug)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('event_members')
    .values({ event_id: event.id, user_id: userId, role: 'organiser' })
    .execute();
}
