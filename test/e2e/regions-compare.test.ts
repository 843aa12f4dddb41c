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

describe('regions like mine and the compare page in the browser', {
  skip: executable ? false : SKIP_CHROMIUM,
}, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  before(async () => {
    buildClient();
    server = await startServer();
    browser = await launchChromium(executable!);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (path: string, locale = 'en'): Promise<{ page: Page; errors: string[] }> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'nexum_locale', value: locale, url: server.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${path}`);
    return { page, errors };
  };

  test('a region page lists its peers with reasons; the dimensions change them; compare with one', async () => {
    const { page, errors } = await open('/regions/ITC4');
    const section = page.getByRole('region', { name: 'Regions like this one' });
    const peers = section.getByRole('list', { name: 'Nearest regions' });
    await peers.waitFor();
    const first = peers.locator(':scope > li').first();
    const api = await (await page.request.get(`${server.url}/api/v1/regions/ITC4/similar`)).json();
    assert.equal(await first.getByRole('link').first().textContent(), api.peers[0].name);
    const allText = await peers.textContent();
    assert.match(allText ?? '', /similar [^:]+: \d/);
    const before = await peers.locator(':scope > li a.peer-name').allTextContents();
    for (const name of ['Innovation', 'Economic structure', 'Ecosystems in the directory']) {
      await section.getByRole('checkbox', { name }).uncheck();
    }
    await page.waitForFunction(
      (b) =>
        [...document.querySelectorAll('.peer-list > li a.peer-name')].map((a) => a.textContent).join() !== b,
      before.join(),
    );
    const economy = await peers.locator(':scope > li a.peer-name').allTextContents();
    assert.notDeepEqual(economy, before);
    assert.deepEqual(await seriousViolations(page), [], describeViolations(await seriousViolations(page)));

    await section.getByRole('checkbox', { name: 'Economy' }).uncheck();
    await section.getByText('Choose at least one dimension.').waitFor();
    await section.getByRole('checkbox', { name: 'Innovation' }).check();
    await peers.waitFor();
    const name = await peers.locator(':scope > li a.peer-name').first().textContent();
    await section.getByRole('link', { name: `Compare with ${name}` }).click();
    await page.waitForURL(/\/regions\/compare\?codes=ITC4,[A-Z0-9]+$/);
    await page.getByRole('heading', { name: 'Latest figures' }).waitFor();
    assert.deepEqual(errors, []);
  });

  test('the compare page: table, small multiples, CSV, add and remove regions by the URL', async () => {
    const { page, errors } = await open('/regions/compare?codes=ITC4,ITC1');
    const table = page.locator('table.compare-table');
    await table.waitFor();
    const header = await table.locator('thead th').allTextContents();
    assert.deepEqual(header.slice(1), ['Lombardia ITC4', 'Piemonte ITC1']);
    const gerd = table.getByRole('row', { name: /R&D intensity \(GERD\)/ });
    assert.match((await gerd.textContent()) ?? '', /1\.34 \(2019\)/);
    const charts = page.locator('svg.line-chart[role="img"]');
    assert.ok((await charts.count()) >= 10, 'one chart per numeric indicator');
    assert.match(
      (await page.locator('svg.line-chart desc').first().textContent()) ?? '',
      /one line per region/,
    );
    await page.getByText('Figures of R&D intensity (GERD) as a table').click();
    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const res = await page.request.get(new URL(csv!, server.url).toString());
    assert.equal(res.status(), 200);
    assert.match(
      (await res.text()).split('\n')[0] ?? '',
      /nuts_code,region,indicator,label,year,value,unit,source/,
    );
    assert.deepEqual(await seriousViolations(page), [], describeViolations(await seriousViolations(page)));

    await page.getByLabel('Add a region').fill('Valenciana');
    await page.getByRole('button', { name: 'Add Comunitat Valenciana' }).click();
    await page.waitForURL(/codes=ITC4,ITC1,ES52$/);
    await table.locator('thead th', { hasText: 'Comunitat Valenciana' }).waitFor();
    await page.getByRole('button', { name: 'Remove Piemonte' }).click();
    await page.waitForURL(/codes=ITC4,ES52$/);
    await page.getByRole('button', { name: 'Remove Comunitat Valenciana' }).click();
    await page.getByText('Choose at least two regions to compare.').waitFor();
    assert.deepEqual(errors, []);
  });

  test('in Italian', async () => {
    const { page } = await open('/regions/compare?codes=ITC4,ES52', 'it');
    await page.getByRole('heading', { name: 'Confronta regioni' }).waitFor();
    await page.getByRole('link', { name: 'Scarica CSV' }).waitFor();
    const row = page.locator('table.compare-table').getByRole('row', { name: /Intensità di R&S/ });
    assert.match((await row.textContent()) ?? '', /1,34 \(2019\)/);
    const region = await open('/regions/ITC4', 'it');
    await region.page
      .getByRole('region', { name: 'Regioni simili a questa' })
      .getByRole('listitem')
      .first()
      .waitFor();
  });
});
