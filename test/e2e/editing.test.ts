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
import {
  createUsers,
  makeEventOrganiser,
  makeOrganisationAdmin,
  signInThroughForm,
} from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();

describe('an organisation admin and an event organiser edit in the browser', {
  skip: executable ? false : SKIP_CHROMIUM,
}, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const password = 'organiser password 1';

  before(async () => {
    buildClient();
    server = await startServer();
    const db = server.database.db;
    const users = await createUsers(db, password, [
      { email: 'manager@lgca.example', name: 'Cluster Manager' },
    ]);
    const userId = users['manager@lgca.example']!;
    await makeOrganisationAdmin(db, 'lombardy-green-chemistry-association', userId);
    await makeEventOrganiser(db, 'clusters-meet-regions-milan-2024', userId);
    browser = await launchChromium(executable!);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signInThroughForm(page, server.url, 'manager@lgca.example', password);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the organisation admin sees field errors, then saves the profile', async () => {
    await page.goto(`${server.url}/organisations/lombardy-green-chemistry-association`);
    await page.getByRole('button', { name: 'Edit organisation' }).click();
    await page.getByLabel('Website').fill('not a web address');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Enter a web address starting with http:// or https://.').waitFor();
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.getByLabel('Website').fill('https://lgca.example.org');
    await page.getByLabel('Year founded').fill('2012');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    const api = await (
      await page.request.get(`${server.url}/api/v1/organisations/lombardy-green-chemistry-association`)
    ).json();
    assert.equal(api.website, 'https://lgca.example.org');
    assert.equal(api.foundedYear, 2012);
  });

  test('the admin of one organisation cannot edit another', async () => {
    await page.goto(`${server.url}/organisations/afil`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Edit organisation' }).count(), 0);
  });

  test('the event organiser is told when the end is before the start, then saves', async () => {
    await page.goto(`${server.url}/events/clusters-meet-regions-milan-2024`);
    await page.getByRole('button', { name: 'Edit event' }).click();
    await page.getByLabel('Ends').fill('2024-03-25T10:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The event must end after it starts.').first().waitFor();
    await page.getByLabel('Ends').fill('2024-03-27T18:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    assert.match(await page.locator('main').innerText(), /09:00–18:00 \(Europe\/Rome\)/);
    const api = await (
      await page.request.get(`${server.url}/api/v1/events/clusters-meet-regions-milan-2024`)
    ).json();
    assert.equal(api.endsAt, '2024-03-27T17:00:00.000Z');
  });
});
