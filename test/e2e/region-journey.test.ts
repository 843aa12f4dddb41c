import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BrowserSession, createUsers } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';
import { pdfPages } from '../helpers/pdf.ts';

const executable = chromiumPath();

/**
 * The regions pillar as a workshop organiser walks it: an administrator loads the 2023 scoreboard
 * groups (not shipped: they are imported), then a visitor opens Lombardy, finds its peers, compares it
 * with Valencia and downloads Lombardy's Input Paper, in English and in Italian.
 */
describe('regions, from the indicator import to the Input Paper, in the browser', {
  skip: executable ? false : SKIP_CHROMIUM,
}, () => {
  let e2e: BrowserSession;
  const password = 'region journey password 1';

  before(async () => {
    e2e = await BrowserSession.start(executable!, { context: { acceptDownloads: true } });
    await createUsers(e2e.db, password, [
      { email: 'admin@journey.example', name: 'Journey Admin', isAdmin: true },
    ]);
  });
  after(() => e2e?.close());

  test('import the scoreboard groups, open Lombardy, find its peers, compare with Valencia, get the paper', async () => {
    // 1. An administrator imports the groups from a CSV through the browser, dry run first.
    const file = join(tmpdir(), `ris-groups-${process.pid}.csv`);
    writeFileSync(
      file,
      [
        'nuts_code,indicator,year,value,unit,source',
        'ITC4,ris_group,2023,Moderate Innovator +,group,Regional Innovation Scoreboard 2023',
        'ES52,ris_group,2023,Moderate Innovator +,group,Regional Innovation Scoreboard 2023',
        'XX99,ris_group,2023,Moderate Innovator,group,Regional Innovation Scoreboard 2023',
      ].join('\n'),
    );
    const admin = await e2e.signedIn('admin@journey.example', password);
    await admin.goto(`${e2e.url}/account`);
    await admin.getByRole('link', { name: 'Import regional indicators' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Import regional indicators' }).waitFor();
    await admin.getByLabel('CSV file').setInputFiles(file);
    await admin.getByRole('button', { name: 'Check the file' }).click();
    await admin.getByRole('heading', { name: 'Dry-run report (nothing was written)' }).waitFor();
    await admin.getByText('3 rows: 2 new figures, 0 updated, 0 unchanged, 1 refused.').waitFor();
    await admin.getByRole('cell', { name: /XX99 is not a NUTS 2021 region/ }).waitFor();
    await e2e.audit(admin, 'indicator import report');
    await admin.getByLabel(/Dry run/).uncheck();
    await admin.getByRole('button', { name: 'Import', exact: true }).click();
    await admin.getByRole('heading', { name: 'Import report' }).waitFor();

    // 2. A visitor opens Lombardy: real figures with year and source, and the imported group.
    const page = await e2e.newPage();
    await page.goto(`${e2e.url}/regions/ITC4`);
    await page.getByRole('heading', { level: 1, name: 'Lombardia' }).waitFor();
    const figures = page.getByRole('region', { name: 'Key figures' });
    await figures.getByText('1.34').first().waitFor();
    await figures.getByText('Moderate Innovator +').waitFor();

    // 3. Its peers on innovation and structure, with reasons.
    const peersSection = page.getByRole('region', { name: 'Regions like this one' });
    for (const name of ['Economy', 'Ecosystems in the directory']) {
      await peersSection.getByRole('checkbox', { name }).uncheck();
    }
    const peers = peersSection.getByRole('list', { name: 'Nearest regions' });
    await peers.waitFor();
    const api = await (
      await page.request.get(`${e2e.url}/api/v1/regions/ITC4/similar?dimensions=innovation,structure`)
    ).json();
    await page.waitForFunction(
      (first) => document.querySelector('.peer-list > li a.peer-name')?.textContent === first,
      api.peers[0].name,
    );
    assert.match((await peers.textContent()) ?? '', /similar [^:]+: \d/);

    // 4. Compare with Valencia: from the first peer's compare link, then Valencia added by search.
    await peersSection.getByRole('link', { name: `Compare with ${api.peers[0].name}` }).click();
    await page.waitForURL(/\/regions\/compare\?codes=ITC4,[A-Z0-9]+$/);
    await page.getByLabel('Add a region').fill('Valenciana');
    await page.getByRole('button', { name: 'Add Comunitat Valenciana' }).click();
    await page.waitForURL(/,ES52$/);
    const table = page.locator('table.compare-table');
    await table.locator('thead th', { hasText: 'Comunitat Valenciana' }).waitFor();
    const gerd = table.getByRole('row', { name: /R&D intensity \(GERD\)/ });
    assert.match((await gerd.textContent()) ?? '', /1\.34 \(2019\).*1\.10? \(2019\)/);
    await e2e.audit(page, 'compare Lombardy and Valencia');

    // 5. Lombardy's Input Paper: the PDF download is a valid PDF with the real figure and its source.
    await page.goto(`${e2e.url}/regions/ITC4`);
    const pdfLink = page.getByRole('link', { name: 'Download as PDF' });
    await pdfLink.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const text = (await pdfPages(readFileSync(path!))).join('\n');
    assert.match(text, /Lombardia/);
    assert.match(text, /1\.34/);
    assert.match(text, /Eurostat/);
    assert.match(text, /Moderate Innovator \+/);

    // 6. In Italian: the profile and the paper.
    await page.getByLabel('Language', { exact: true }).selectOption('it');
    await page.getByRole('heading', { name: 'Dati principali' }).waitFor();
    await e2e.audit(page, 'Lombardy profile (Italian)');
    await page.getByLabel('Lingua del documento').selectOption('it');
    await page.getByRole('link', { name: 'Genera l’Input Paper' }).click();
    await page.waitForURL(/\/api\/v1\/regions\/ITC4\/paper\?lang=it$/);
    await page.getByRole('heading', { level: 1, name: 'Lombardia' }).waitFor();
    await e2e.audit(page, 'Lombardy Input Paper (Italian)');
    assert.deepEqual(e2e.problems, []);
  });
});
