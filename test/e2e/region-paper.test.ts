import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BrowserSession, createUsers } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
const SHOTS = process.env.SHOTS_DIR;

describe('region editors, S3 priorities and the Input Paper, in the browser', {
  skip: executable ? false : SKIP_CHROMIUM,
}, () => {
  let e2e: BrowserSession;
  const password = 'region paper password 1';

  before(async () => {
    e2e = await BrowserSession.start(executable!);
    await createUsers(e2e.db, password, [
      { email: 'admin@regions.example', name: 'Platform Admin', isAdmin: true },
      { email: 'editor@regions.example', name: 'Valencia Editor' },
    ]);
  });
  after(() => e2e?.close());

  test('an administrator names an editor, who writes priorities and a section; a visitor reads the paper', async () => {
    const admin = await e2e.signedIn('admin@regions.example', password);
    await admin.goto(`${e2e.url}/regions/ES52`);
    await admin.getByRole('heading', { name: 'Region editors' }).waitFor();
    await admin.getByLabel('E-mail address of the account').fill('editor@regions.example');
    await admin.getByRole('button', { name: 'Make editor' }).click();
    await admin.getByText('Valencia Editor is now an editor of this region.').waitFor();
    await e2e.audit(admin, 'region page (administrator)');

    const editor = await e2e.signedIn('editor@regions.example', password);
    await editor.goto(`${e2e.url}/regions/ES52`);
    await editor.getByRole('button', { name: 'Add a priority' }).click();
    await editor.getByLabel('Title').fill('Sustainable mobility');
    await editor.getByLabel('Description').fill('Batteries and electric vehicles.\n\nPorts and logistics.');
    await editor.getByLabel('Mobility – transport – automotive').check();
    await editor.getByLabel('NACE codes').fill('29.1, 99.99');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByText('Unknown NACE code(s): 99.99').waitFor();
    await editor.getByLabel('NACE codes').fill('29.1');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await editor.getByRole('heading', { name: 'Sustainable mobility' }).waitFor();
    assert.equal(
      await editor.getByRole('region', { name: 'Region editors' }).count(),
      0,
      'editors do not name editors',
    );

    await editor.getByRole('heading', { name: 'Input Paper sections' }).waitFor();
    const body = editor.getByLabel('Text', { exact: true });
    await body.fill('<b>bold</b>');
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await editor.getByText(/Plain text only/).waitFor();
    await body.fill('A first introduction.');
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await editor.getByText('Saved as version 1.').waitFor();
    await body.fill('A second introduction.');
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await editor.getByText('Saved as version 2.').waitFor();
    await editor.getByRole('button', { name: 'Restore version 1' }).click();
    await editor.getByText('Version 1 restored as version 3.').waitFor();
    // The text area shows the new latest version once the versions are read again.
    await editor.waitForFunction(
      () =>
        document.querySelector<HTMLTextAreaElement>('textarea[name="body"]')?.value ===
        'A first introduction.',
    );
    await e2e.audit(editor, 'region page (editor)');
    if (SHOTS) await editor.screenshot({ path: `${SHOTS}/region-editorial.png`, fullPage: true });

    const visitor = await e2e.newPage();
    await visitor.goto(`${e2e.url}/regions/ES52`);
    await visitor.getByRole('heading', { name: 'Sustainable mobility' }).waitFor();
    assert.equal(await visitor.getByRole('button', { name: 'Add a priority' }).count(), 0);
    const pdf = visitor.getByRole('link', { name: 'Download as PDF' });
    assert.match(
      (await pdf.getAttribute('href')) ?? '',
      /\/api\/v1\/regions\/ES52\/paper\?lang=en&format=pdf$/,
    );
    await visitor.getByLabel('Language of the paper').selectOption('it');
    await visitor.getByRole('link', { name: 'Generate the Input Paper' }).click();
    await visitor.waitForURL(/\/api\/v1\/regions\/ES52\/paper\?lang=it$/);
    await visitor.getByRole('heading', { level: 1, name: 'Comunitat Valenciana' }).waitFor();
    assert.equal(await visitor.evaluate(() => document.documentElement.lang), 'it');
    await visitor.getByRole('heading', { name: 'Dati principali' }).waitFor();
    await visitor.getByRole('heading', { name: 'Sustainable mobility' }).waitFor();
    await visitor.getByText('A first introduction.').waitFor();
    await e2e.audit(visitor, 'Input Paper (HTML, Italian)');
    if (SHOTS) await visitor.screenshot({ path: `${SHOTS}/input-paper-it.png`, fullPage: true });

    // The Milan demo event links its host region's paper.
    await visitor.goto(`${e2e.url}/events/clusters-meet-regions-milan-2024`);
    const link = visitor.getByRole('link', { name: 'Input Paper: Lombardia' });
    await link.waitFor();
    assert.match((await link.getAttribute('href')) ?? '', /\/api\/v1\/regions\/ITC4\/paper\?lang=en$/);
    await link.click();
    await visitor.getByRole('heading', { level: 1, name: 'Lombardia' }).waitFor();
    await e2e.audit(visitor, 'Input Paper (HTML, Lombardy)');
    assert.deepEqual(e2e.problems, []);
  });
});
