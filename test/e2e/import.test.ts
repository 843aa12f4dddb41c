import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  buildClient,
  describeViolations,
  launchChromium,
  seriousViolations,
  startServer,
} from '../helpers/browser.ts';
import { createUsers, signInThroughForm } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();

const CSV = [
  'Company name,Type,Web site,NUTS,Notes',
  'Bergamo Robotics Srl,company,www.bergamo-robotics.example.org,ITC4,first',
  'Nowhere Materials,company,https://nowhere.example.org,ZZ99,bad region',
  'Valencia Agrifood Cluster,cluster,https://vac.example.org,ES52,',
].join('\n');

describe('an administrator imports organisations in the browser', {
  skip: executable ? false : SKIP_CHROMIUM,
}, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const password = 'administrator password 1';

  const axe = async () => {
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
  };

  before(async () => {
    buildClient();
    server = await startServer();
    await createUsers(server.database.db, password, [
      { email: 'platform@nexum.example', name: 'Platform Admin', isAdmin: true },
    ]);
    browser = await launchChromium(executable!);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInThroughForm(page, server.url, 'platform@nexum.example', password);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the account page links to the import page, which maps the columns of the chosen file', async () => {
    await page.goto(`${server.url}/account`);
    await page.getByRole('link', { name: 'Import organisations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import organisations' }).waitFor();
    await axe();
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'members.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await page.getByRole('heading', { name: 'Columns' }).waitFor();
    assert.equal(await page.getByLabel('Import “Company name” as').inputValue(), 'name');
    assert.equal(await page.getByLabel('Import “NUTS” as').inputValue(), 'region');
    assert.equal(await page.getByLabel('Import “Notes” as').inputValue(), '');
    await axe();
  });

  test('the import runs to the end of the progress bar, then the summary and the bad row are shown', async () => {
    await page.getByLabel(/^Dry run/).uncheck();
    await page.getByRole('button', { name: 'Start the import' }).click();
    const progress = page.getByRole('progressbar', { name: 'Progress' });
    await progress.waitFor();
    await page.locator('.import-phase', { hasText: 'Finished: 3 rows read.' }).waitFor({ timeout: 30_000 });
    assert.equal(await progress.getAttribute('value'), '1');
    assert.match(page.url(), /\/admin\/import\/[0-9a-f-]{36}$/);
    const labels = await page.locator('.import-summary dt').allTextContents();
    const values = await page.locator('.import-summary dd').allTextContents();
    assert.deepEqual(Object.fromEntries(labels.map((l, i) => [l, values[i]])), {
      Created: '2',
      Updated: '0',
      'Skipped (unchanged or duplicate)': '0',
      Failed: '1',
    });
    const problems = page.getByRole('table').filter({ hasText: 'Problem' });
    const rows = await problems.locator('tbody tr').allInnerTexts();
    assert.deepEqual(
      rows.map((r) => r.split('\t').map((c) => c.trim())),
      [['3', 'Region (NUTS code)', 'Unknown NUTS 2021 region code. ZZ99']],
    );
    await axe();

    const href = await page
      .getByRole('link', { name: 'Download the full report (CSV)' })
      .getAttribute('href');
    const report = await (await page.request.get(`${server.url}${href}`)).text();
    assert.match(report, /^\ufeff?row,field,code,problem,value\r\n3,region,unknown_nuts,/);

    const listed = await (
      await page.request.get(`${server.url}/api/v1/organisations?q=Bergamo%20Robotics`)
    ).json();
    assert.equal(listed.items[0]?.name, 'Bergamo Robotics Srl');
    assert.equal(listed.items[0]?.regionCode, 'ITC4');
    await page.getByRole('link', { name: 'members.csv' }).first().waitFor();
  });

  test('a visitor who is not signed in is sent to the sign-in page first', async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(`${server.url}/admin/import`);
    await other.waitForURL(/\/signin\?next=%2Fadmin%2Fimport/);
    await context.close();
  });
});
