import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BrowserSession, createUsers, makeOrganisationAdmin } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
const LGCA = 'lombardy-green-chemistry-association';

describe('directory profiles in the browser', { skip: executable ? false : SKIP_CHROMIUM }, () => {
  let e2e: BrowserSession;
  const password = 'profile password 1';
  const signedIn = (email: string) => e2e.signedIn(email, password);

  const api = async (path: string) => (await fetch(`${e2e.url}${path}`)).json();

  before(async () => {
    e2e = await BrowserSession.start(executable!);
    const db = e2e.db;
    const users = await createUsers(db, password, [
      { email: 'manager@lgca.example', name: 'Cluster Manager' },
      { email: 'founder@robotica.example', name: 'Startup Founder' },
      { email: 'admin@nexum.example', name: 'Platform Admin', isAdmin: true },
    ]);
    await makeOrganisationAdmin(db, LGCA, users['manager@lgca.example']!);
  });
  after(() => e2e?.close());

  test('an organisation admin adds an ecosystem and a NACE code, saves and sees them', async () => {
    const page = await signedIn('manager@lgca.example');
    await page.goto(`${e2e.url}/organisations/${LGCA}`);
    await page.getByRole('button', { name: 'Edit organisation' }).click();
    await page.getByRole('checkbox', { name: 'Digital' }).check();
    const nace = page.getByRole('combobox', { name: /NACE activities/ });
    await nace.fill('basic chemicals');
    await page.getByRole('option', { name: /^20\.1 / }).waitFor();
    await e2e.audit(page, 'edit form with the NACE list open');
    // Keyboard only: the first option is highlighted; Enter adds it.
    await nace.press('Enter');
    await page
      .getByRole('list', { name: /NACE activities/ })
      .getByText('20.1')
      .waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    const activities = page.getByRole('region', { name: 'Activities' });
    await activities.getByText('Digital').waitFor();
    await activities.getByText('20.1', { exact: true }).waitFor();
    await activities.getByText('Manufacture of basic chemicals', { exact: false }).first().waitFor();
    await e2e.audit(page, 'profile after saving');
    const o = await api(`/api/v1/organisations/${LGCA}`);
    assert.deepEqual(o.ecosystems.sort(), ['digital', 'energy_intensive']);
    assert.ok(
      o.nace.some((n: { code: string }) => n.code === '20.1'),
      JSON.stringify(o.nace),
    );
  });

  test('a cluster admin sees the members chart and adds a member', async () => {
    const page = await signedIn('manager@lgca.example');
    await page.goto(`${e2e.url}/organisations/${LGCA}`);
    const chart = page.getByRole('img', { name: /Members by type/ });
    await chart.waitFor();
    const before = await api(`/api/v1/organisations/${LGCA}`);
    const universities = before.members.byType.find((b: { type: string }) => b.type === 'university').count;
    assert.match((await chart.getAttribute('aria-labelledby')) ?? '', /desc/);
    // The same figures as a table.
    await page.getByText('Show the figures as a table').click();
    const row = page.getByRole('row', { name: /^University/ });
    assert.match((await row.textContent()) ?? '', new RegExp(`${universities}`));
    await page.getByRole('button', { name: 'Add or remove members' }).click();
    await page.getByLabel('Find an organisation to add').fill('Politecnico di Milano');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'Add Politecnico di Milano as a member' }).click();
    await page.getByRole('status').filter({ hasText: 'Politecnico di Milano is now a member.' }).waitFor();
    await e2e.audit(page, 'cluster page with the member manager open');
    const after = await api(`/api/v1/organisations/${LGCA}`);
    assert.equal(after.members.total, before.members.total + 1);
    await page.getByRole('row', { name: new RegExp(`^University ${universities + 1}`) }).waitFor();
    const member = await api('/api/v1/organisations/politecnico-di-milano');
    assert.ok(
      member.clusters.some((c: { slug: string }) => c.slug === LGCA),
      'the member page shows the cluster',
    );
  });

  test('a user creates a draft and submits it; the administrator publishes it from the review queue', async () => {
    const founder = await signedIn('founder@robotica.example');
    await founder.goto(`${e2e.url}/account`);
    await founder.getByRole('link', { name: 'Add an organisation' }).click();
    await founder.getByRole('heading', { level: 1, name: 'Add an organisation' }).waitFor();
    await e2e.audit(founder, 'new organisation page');
    await founder.getByRole('button', { name: 'Create the draft' }).click();
    await founder.getByText('This field is required.').first().waitFor();
    await founder.getByLabel('Name', { exact: true }).fill('Robotica Bergamasca');
    await founder.getByLabel('Type', { exact: true }).selectOption('startup');
    await founder.getByLabel(/^Country/).selectOption('IT');
    await founder.getByLabel(/^NUTS 2 region/).selectOption('ITC4');
    await founder.getByRole('button', { name: 'Create the draft' }).click();
    await founder.getByRole('heading', { level: 2, name: 'This profile is a draft' }).waitFor();
    assert.match(founder.url(), /\/organisations\/robotica-bergamasca$/);
    assert.equal((await fetch(`${e2e.url}/api/v1/organisations/robotica-bergamasca`)).status, 404, 'private');
    await e2e.audit(founder, 'draft profile');
    await founder.getByRole('button', { name: 'Submit for validation' }).click();
    await founder.getByRole('heading', { level: 2, name: 'This profile awaits validation' }).waitFor();
    await e2e.audit(founder, 'submitted profile');

    const admin = await signedIn('admin@nexum.example');
    await admin.goto(`${e2e.url}/account`);
    await admin.getByRole('link', { name: 'Review queue' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    await admin.getByRole('link', { name: 'Robotica Bergamasca' }).waitFor();
    await e2e.audit(admin, 'review queue');
    await admin.getByRole('button', { name: 'Approve Robotica Bergamasca' }).click();
    await admin.getByRole('status').filter({ hasText: 'Robotica Bergamasca: approved.' }).waitFor();
    // The confirmation shows before the queue has reloaded; give the list its moment.
    await admin
      .getByRole('link', { name: 'Robotica Bergamasca' })
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => {});
    assert.equal(await admin.getByRole('link', { name: 'Robotica Bergamasca' }).count(), 0, 'left the queue');
    const published = await api('/api/v1/organisations/robotica-bergamasca');
    assert.equal(published.status, 'published');
    await founder.reload();
    await founder.getByRole('heading', { level: 1, name: 'Robotica Bergamasca' }).waitFor();
    assert.equal(await founder.getByText('This profile awaits validation').count(), 0);
  });

  test('no page had serious accessibility problems or errors', () => {
    assert.deepEqual(e2e.problems, []);
  });
});
