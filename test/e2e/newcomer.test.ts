import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  buildClient,
  describeViolations,
  launchChromium,
  seriousViolations,
  startServer,
} from '../helpers/browser.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();

describe('a newcomer in the browser', { skip: executable ? false : SKIP_CHROMIUM }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const visited = new Set<string>();
  const problems: string[] = [];

  /** Every page the newcomer sees is checked with axe-core once. */
  async function audit(label: string) {
    await page.waitForLoadState('networkidle');
    const key = `${label} ${new URL(page.url()).pathname}`;
    if (visited.has(key)) return;
    visited.add(key);
    const violations = await seriousViolations(page);
    if (violations.length) problems.push(`${key}:\n${describeViolations(violations)}`);
  }

  before(async () => {
    buildClient();
    server = await startServer();
    browser = await launchChromium(executable!);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()))
        problems.push(`CSP: ${m.text()}`);
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const email = `newcomer-${process.pid}@example.org`;
  const password = 'a long enough password';

  test('opens the home page and reaches the Milan workshop', async () => {
    await page.goto(server.url);
    assert.equal(await page.title(), 'Nexum');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await audit('home');
    await page.getByRole('link', { name: 'Clusters meet Regions — Milan' }).first().click();
    await page.waitForURL('**/events/clusters-meet-regions-milan-2024');
    await page.getByRole('heading', { level: 1, name: 'Clusters meet Regions — Milan' }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /26–27 March 2024/);
    assert.match(text, /Europe\/Rome/);
    assert.match(text, /Associazione Fabbrica Intelligente Lombardia/);
    assert.match(text, /Antonio Novo/);
    assert.equal(await page.getByRole('button', { name: /edit/i }).count(), 0, 'no edit button for visitors');
    await audit('event');
    // The organisation and region pages linked from the event.
    await page.getByRole('link', { name: 'Regione Lombardia' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Regione Lombardia/ }).waitFor();
    await audit('organisation');
    await page.goto(`${server.url}/regions/ITC4`);
    await page.getByRole('heading', { level: 1, name: 'Lombardia' }).waitFor();
    await page.locator('svg').first().waitFor();
    assert.match(await page.locator('main').innerText(), /EuroGeographics/);
    await audit('region');
  });

  test('reads the terms and privacy notice from the footer', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Terms and privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terms of use and privacy notice' }).waitFor();
    assert.match((await page.locator('main').textContent()) ?? '', /Version of 3 December 2026/);
    await audit('terms');
  });

  test('signs up, and is signed in', async () => {
    await page.goto(`${server.url}/signup`);
    await audit('signup');
    await page.getByLabel('Full name').fill('Giulia Newcomer');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('Password1234');
    // Without accepting the terms the form says so, and nothing is sent.
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Accept the terms of use and the privacy notice to create an account.').waitFor();
    await audit('signup errors');
    assert.equal(
      await page.getByRole('link', { name: /Read the terms of use/ }).getAttribute('href'),
      '/terms',
    );
    await page.getByLabel('I accept the terms of use and the privacy notice.').check();
    // A common password is refused by the server, and the form says why.
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('This is one of the most common passwords').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${server.url}/account`);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    assert.equal(await page.getByLabel('E-mail address').inputValue(), email);
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Giulia Newcomer');
    await audit('account');
  });

  test('a signed-in participant cannot edit the workshop: no button, and the API refuses', async () => {
    await page.goto(`${server.url}/events/clusters-meet-regions-milan-2024`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: /edit/i }).count(), 0);
    const status = await page.evaluate(async () => {
      const r = await fetch('/api/v1/events/clusters-meet-regions-milan-2024', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Hijacked' }),
      });
      return r.status;
    });
    assert.equal(status, 403);
  });

  test('signs out, then signs in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    assert.equal(me, 401, 'the session ended on the server');
    await page.goto(`${server.url}/signin`);
    await audit('signin');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page
      .getByRole('alert')
      .filter({ hasText: /not correct/ })
      .waitFor();
    await audit('signin error');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  test('switches to Italian, which is remembered', async () => {
    await page.goto(`${server.url}/events/clusters-meet-regions-milan-2024`);
    await page.getByLabel('Language', { exact: true }).selectOption('it');
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'it');
    assert.match(await page.locator('main').innerText(), /26–27 marzo 2024/);
    await audit('event (it)');
    await page.reload();
    await page.getByRole('button', { name: 'Esci' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'it');
    // The server renders the shell in Italian too, from the remembered choice.
    const html = await (
      await context.request.get(`${server.url}/events/clusters-meet-regions-milan-2024`)
    ).text();
    assert.match(html, /<html lang="it"/);
    await page.goto(server.url);
    await audit('home (it)');
  });

  test('signs out in Italian', async () => {
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('link', { name: 'Accedi' }).first().waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    assert.equal(me, 401);
  });

  test('no page had a serious or critical accessibility violation, nor a script error', () => {
    assert.ok(visited.size >= 10, `audited ${visited.size} pages`);
    assert.deepEqual(problems, []);
  });
});
