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
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
const LGCA = 'Lombardy Green Chemistry Association';

describe('a newcomer searches the directory', { skip: executable ? false : SKIP_CHROMIUM }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  async function audit(label: string) {
    await page.waitForLoadState('networkidle');
    const violations = await seriousViolations(page);
    if (violations.length) problems.push(`${label}:\n${describeViolations(violations)}`);
  }
  const params = () => new URL(page.url()).searchParams;
  const results = () => page.locator('.results .org-list');
  const count = async () => ((await page.locator('.results-count').textContent()) ?? '').trim();

  before(async () => {
    buildClient();
    server = await startServer();
    browser = await launchChromium(executable!);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('types "green chemistry" and finds the Lombardy Green Chemistry Association first', async () => {
    await page.goto(`${server.url}/organisations`);
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.locator('.directory-map svg').waitFor();
    await audit('directory');
    await page.getByLabel('Search organisations').pressSequentially('green chemistry', { delay: 20 });
    await page.waitForURL((url) => url.searchParams.get('q') === 'green chemistry');
    await results().getByRole('link', { name: LGCA }).waitFor();
    // The association is also on the unfiltered first page: wait for the ranked results to replace it
    // (up to 10 s) rather than read the first link of the list that was there before.
    const first = results().getByRole('link').first();
    let text = await first.textContent();
    for (const deadline = Date.now() + 10_000; text !== LGCA && Date.now() < deadline; ) {
      await page.waitForTimeout(100);
      text = await first.textContent();
    }
    assert.equal(text, LGCA);
    assert.equal(await page.getByLabel('Sort by').inputValue(), 'relevance');
    await audit('results');
  });

  test('narrows with a facet; the counts and the URL follow', async () => {
    const before = await count();
    await page
      .getByRole('group', { name: 'Type' })
      .getByLabel(/Cluster organisation/)
      .check();
    await page.waitForURL((url) => url.searchParams.getAll('type').includes('cluster'));
    await page.waitForFunction(
      (b) => document.querySelector('.results-count')?.textContent?.trim() !== b,
      before,
    );
    assert.equal(params().get('q'), 'green chemistry');
    await results().getByRole('link', { name: LGCA }).waitFor();
    const types = await results().locator('.type-chip').allTextContents();
    assert.ok(types.length > 0 && types.every((x) => x === 'Cluster organisation'), types.join());
    // The chip of the active filter can remove it again.
    await page
      .getByRole('list', { name: 'Active filters' })
      .getByText('Cluster organisation', { exact: true })
      .waitFor();
    await audit('facet');
  });

  test('clicks Lombardia on the map, then goes back', async () => {
    const withoutRegion = await count();
    await page.locator('.directory-map path[data-code="ITC4"]').click();
    await page.waitForURL((url) => url.searchParams.get('region') === 'ITC4');
    await page
      .getByRole('list', { name: 'Active filters' })
      .getByText('Lombardia', { exact: true })
      .waitFor();
    await results().getByRole('link', { name: LGCA }).waitFor();
    const regions = await results().locator('.org-row-meta a').allTextContents();
    assert.ok(
      regions.every((r) => r === 'Lombardia'),
      regions.join(),
    );
    assert.ok(
      await page
        .getByRole('group', { name: 'Region (NUTS 2)' })
        .getByLabel(/Lombardia/)
        .isChecked(),
    );
    await audit('map filter');

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('region'));
    await page.waitForFunction(
      (c) => document.querySelector('.results-count')?.textContent?.trim() === c,
      withoutRegion,
    );
    assert.deepEqual(params().getAll('type'), ['cluster']);
    assert.equal(await page.getByLabel('Search organisations').inputValue(), 'green chemistry');
    assert.equal(
      await page
        .getByRole('list', { name: 'Active filters' })
        .getByText('Lombardia', { exact: true })
        .count(),
      0,
    );
  });

  test('filters by Lombardia from the table that repeats the map', async () => {
    await page.getByText('Show the figures as a table').click();
    const table = page.getByRole('table', { name: 'Matching organisations per NUTS 2 region' });
    const row = table.getByRole('row', { name: /Lombardia/ });
    assert.match((await row.textContent()) ?? '', /Italy/);
    await audit('map table');
    await row.getByRole('link', { name: /Lombardia/ }).click();
    await page.waitForURL((url) => url.searchParams.get('region') === 'ITC4');
    await page
      .getByRole('list', { name: 'Active filters' })
      .getByText('Lombardia', { exact: true })
      .waitFor();
    const state = page.url();
    const shown = await count();

    // Back twice: before the region, then before the facet; the check box follows.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('region'));
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('type'));
    await page.getByRole('group', { name: 'Type' }).waitFor();
    assert.equal(
      await page
        .getByRole('group', { name: 'Type' })
        .getByLabel(/Cluster organisation/)
        .isChecked(),
      false,
    );
    assert.equal(params().get('q'), 'green chemistry');

    // The URL alone restores the state: a shared link shows the same page.
    const other = await browser.newPage();
    await other.goto(state);
    await other.locator('.results-count').waitFor();
    assert.equal(((await other.locator('.results-count').textContent()) ?? '').trim(), shown);
    assert.ok(
      await other
        .getByRole('group', { name: 'Type' })
        .getByLabel(/Cluster organisation/)
        .isChecked(),
    );
    await other.close();
  });

  test('downloads the filtered result as CSV', async () => {
    await page.goto(`${server.url}/organisations?q=green+chemistry&type=cluster`);
    const link = page.getByRole('link', { name: 'CSV (spreadsheet)' });
    const href = await link.getAttribute('href');
    assert.ok(href);
    const url = new URL(href, server.url);
    assert.equal(url.searchParams.get('format'), 'csv');
    assert.equal(url.searchParams.get('type'), 'cluster');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.match(download.suggestedFilename(), /^nexum-organisations-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await (await fetch(url)).text()).replace(/^\uFEFF/, '');
    assert.ok(text.startsWith('external_id,pic,name,'));
    assert.match(text, new RegExp(LGCA));
  });

  test('no serious or critical accessibility violation, no script error', () => {
    assert.deepEqual(problems, []);
  });
});
