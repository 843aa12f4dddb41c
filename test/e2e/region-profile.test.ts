import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  buildClient,
  describeViolations,
  launchChromium,
  seriousViolations,
  startServer,
} from '../helpers/browser.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
/** A locator's text with its white space collapsed. */
const textOf = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ');

describe('the profile of Lombardy (ITC4)', { skip: executable ? false : SKIP_CHROMIUM }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  async function audit(label: string) {
    await page.waitForLoadState('networkidle');
    // Open every table alternative, so that their content is checked too.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    const violations = await seriousViolations(page);
    if (violations.length) problems.push(`${label}:\n${describeViolations(violations)}`);
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = false;
    });
  }
  const keyFigure = (label: string) =>
    page.locator('.key-figure').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
  const trend = (label: string) => page.getByRole('region', { name: label, exact: true });
  const map = () => page.locator('.choropleth-map');

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
    assert.deepEqual(problems, [], problems.join('\n\n'));
  });

  test('key figures give their value, unit, year, source and rank', async () => {
    await page.goto(`${server.url}/regions/ITC4`);
    await page.getByRole('heading', { level: 1, name: 'Lombardia' }).waitFor();
    const gerd = keyFigure('R&D intensity (GERD)');
    await gerd.waitFor();
    const text = await textOf(gerd);
    assert.match(text, /1\.34 % of GDP/);
    assert.match(text, /Year 2019/);
    assert.match(text, /\d+(st|nd|rd|th) of \d+ NUTS 2 regions, 2019/);
    const source = gerd.getByRole('link', { name: 'Source: Eurostat' });
    assert.equal(await source.getAttribute('href'), '/attributions#source-eurostat');
    // The CC BY 4.0 source is credited as its licence asks.
    assert.match(
      await textOf(keyFigure('Population')),
      /Honti G\., Czvetko T\., Abonyi J\. \(2020\), CC BY 4\.0/,
    );
    assert.match(await textOf(keyFigure('Regional Innovation Index 2019')), /90\.7/);
  });

  test('a trend chart draws the region, Italy and the EU27, with the same figures in a table', async () => {
    const gerd = trend('R&D intensity (GERD)');
    const chart = gerd.getByRole('img', { name: /R&D intensity \(GERD\)/ });
    await chart.waitFor();
    assert.equal(await chart.locator('.chart-series path').count(), 3);
    assert.deepEqual(await gerd.locator('.chart-legend li').allInnerTexts(), ['Lombardia', 'Italy', 'EU27']);
    await gerd.getByText('Show the figures as a table').click();
    const table = gerd.getByRole('table');
    assert.deepEqual(
      (await table.getByRole('row', { name: /^2019/ }).getByRole('cell').allInnerTexts()).map((s) =>
        s.trim(),
      ),
      ['1.34', '1.46', '2.23'],
    );
    // Lombardy has no 2020 figure: missing, said as such, never estimated.
    const row2020 = table.getByRole('row', { name: /^2020/ });
    assert.match(await textOf(row2020), /—/);
    assert.equal(await row2020.getByText('no data').count(), 1);
  });

  test('the choropleth colours Europe, outlines Lombardy and has a legend and the attribution', async () => {
    await map().locator('.choropleth-frame svg').waitFor();
    assert.ok((await map().locator('.choropleth-areas path').count()) > 200, 'NUTS 2 areas drawn');
    assert.ok((await map().locator('.map-legend li').count()) >= 4, 'classes and "no data" in the legend');
    assert.match(await textOf(map().locator('.map-legend')), /No data/);
    assert.match(await textOf(map().locator('.map-legend')), /Lombardia/);
    assert.equal(await map().locator('.choropleth-highlight path').count(), 1);
    assert.match(await textOf(map().locator('figcaption')), /© EuroGeographics/);
    const lombardy = map().locator('a[data-code="ITC4"]');
    assert.equal(await lombardy.getAttribute('aria-label'), 'Lombardia (ITC4): 1.34 % of GDP, 2019');
    assert.equal(await lombardy.getAttribute('href'), '/regions/ITC4');

    // One tab stop on the region itself; the arrow keys move on, and the tooltip follows the focus.
    assert.equal(await lombardy.getAttribute('tabindex'), '0');
    await lombardy.focus();
    await map().locator('.map-tooltip').filter({ hasText: 'Lombardia' }).waitFor();
    assert.match(await textOf(map().locator('.map-tooltip')), /1\.34 % of GDP · 2019/);
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    assert.ok(focused && focused !== 'ITC4', `focus moved on (${focused})`);
    assert.equal(await map().locator(`a[data-code="${focused}"]`).getAttribute('tabindex'), '0');
    assert.equal(await lombardy.getAttribute('tabindex'), '-1');
  });

  test('picking another indicator redraws the map', async () => {
    await page.getByLabel('Indicator', { exact: true }).selectOption({ label: 'Business R&D (BERD)' });
    await map().locator('a[data-code="ITC4"][aria-label="Lombardia (ITC4): 1.04 % of GDP, 2019"]').waitFor();
    await page.getByLabel('Colour classes').selectOption('equal');
    assert.ok((await map().locator('.map-legend li').count()) >= 3);
    await audit('region profile (en)');
  });

  test('the ecosystem from the directory: bar charts, clusters, sample records labelled', async () => {
    const eco = page.getByRole('region', { name: 'The ecosystem in the directory' });
    for (const title of [
      'Organisations by type',
      'Organisations by industrial ecosystem',
      'Organisations by economic activity (NACE section)',
    ]) {
      const chart = eco.getByRole('img', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) });
      await chart.waitFor();
      assert.ok((await chart.locator('rect').count()) > 0, title);
    }
    assert.match(await textOf(eco), /of them are generated sample data/);
    await eco.locator('.badge-sample').first().waitFor();
    await eco.getByRole('link', { name: 'Associazione Fabbrica Intelligente Lombardia' }).first().waitFor();
    assert.match(await textOf(eco.locator('.cluster-list')), /\d+ members/);
    const byType = eco.locator('.bar-chart').first();
    await byType.getByText('Show the figures as a table').click();
    assert.equal(
      await byType.getByRole('link', { name: 'Cluster organisation' }).getAttribute('href'),
      '/organisations?region=ITC4&type=cluster',
    );
    assert.match(await textOf(eco.locator('.bar-chart').nth(2)), /C – Manufacturing/);
  });

  test('in Italian, with Italian numbers', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('it');
    const gerd = keyFigure('Intensità di R&S (GERD)');
    await gerd.waitFor();
    const text = await textOf(gerd);
    assert.match(text, /1,34 % del PIL/);
    assert.match(text, /Anno 2019/);
    assert.match(text, /\d+° posto su \d+ regioni NUTS 2, 2019/);
    await gerd.getByRole('link', { name: 'Fonte: Eurostat' }).waitFor();
    await trend('Intensità di R&S (GERD)').getByRole('img').waitFor();
    assert.deepEqual(await trend('Intensità di R&S (GERD)').locator('.chart-legend li').allInnerTexts(), [
      'Lombardia',
      'Italia',
      'UE27',
    ]);
    assert.match(await textOf(map().locator('figcaption')), /© EuroGeographics per i confini amministrativi/);
    await page.getByRole('region', { name: "L'ecosistema nell'elenco" }).waitFor();
    await audit('region profile (it)');
  });

  test('a source link opens its entry on the attributions page', async () => {
    await keyFigure('Intensità di R&S (GERD)').getByRole('link', { name: 'Fonte: Eurostat' }).click();
    await page.waitForURL('**/attributions#source-eurostat');
    const entry = page.locator('#source-eurostat');
    await entry.getByRole('heading', { name: 'Eurostat regional statistics' }).waitFor();
    assert.match(await textOf(entry), /Eurostat reuse policy/);
    await page.locator('#source-i40-db').getByText('CC BY 4.0', { exact: true }).waitFor();
    await audit('attributions (it)');
  });
});
