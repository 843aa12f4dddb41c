/**
 * The call for host regions in the browser: an administrator opens a call, a cluster applies with a PDF
 * letter of support, the administrator scores and selects it, and the applicant finds the draft event
 * with its template agenda, opens a pitch call there and runs the jury. Axe-clean throughout.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { BrowserSession, createUsers, makeOrganisationAdmin } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
const LGCA = 'lombardy-green-chemistry-association';
const SHOTS = '/work/helpers/shots';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

describe('call for host regions and pitches in the browser', {
  skip: executable ? false : SKIP_CHROMIUM,
}, () => {
  let e2e: BrowserSession;
  const password = 'calls password 1';
  const signedIn = (email: string) => e2e.signedIn(email, password);
  let callUrl = '';
  let eventSlug = '';

  async function audit(page: Page, label: string, shot?: string) {
    await e2e.audit(page, label);
    if (shot) await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
  }

  before(async () => {
    e2e = await BrowserSession.start(executable!, { acceptDialogs: true });
    const db = e2e.db;
    const users = await createUsers(db, password, [
      { email: 'manager@lgca.example', name: 'Cluster Manager' },
      { email: 'admin@nexum.example', name: 'Platform Admin', isAdmin: true },
    ]);
    await makeOrganisationAdmin(db, LGCA, users['manager@lgca.example']!);
  });
  after(() => e2e?.close());

  test('an administrator opens a call with weighted criteria', async () => {
    const page = await signedIn('admin@nexum.example');
    await page.goto(`${e2e.url}/calls`);
    await page.getByRole('button', { name: 'Open a new call' }).click();
    await page.getByLabel('Title').fill('Clusters meet Regions 2027');
    await page
      .getByLabel('Text of the call')
      .fill('Regions are invited to host a two-day workshop.\n\nPublic authorities and clusters may apply.');
    await page.getByLabel('Deadline').fill('2030-01-15T17:00');
    await page.getByLabel('Status').selectOption('open');
    await page.getByLabel('Criterion 1', { exact: true }).fill('Strength of the regional ecosystem');
    await page.getByLabel('Weight of criterion 1').fill('2');
    await page.getByRole('button', { name: 'Add a criterion' }).click();
    await page.getByLabel('Criterion 2', { exact: true }).fill('Venue and logistics');
    await audit(page, 'new call form', 'calls-new');
    await page.getByRole('button', { name: 'Create the call' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clusters meet Regions 2027' }).waitFor();
    callUrl = new URL(page.url()).pathname;
    assert.match(callUrl, /^\/calls\/[0-9a-f-]{36}$/);
    await page.getByText('Deadline: 15 Jan 2030, 17:00 (Europe/Brussels)').waitFor();
    await page.getByText('Venue and logistics').waitFor();
  });

  test('a cluster applies with a PDF letter of support; a non-PDF is refused', async () => {
    const page = await signedIn('manager@lgca.example');
    await page.goto(`${e2e.url}/calls`);
    await audit(page, 'calls list', 'calls-list');
    await page.getByRole('link', { name: 'Clusters meet Regions 2027' }).click();
    await page.getByRole('heading', { name: 'Apply to host a workshop' }).waitFor();
    await page
      .getByLabel('Organisation applying')
      .selectOption({ label: 'Lombardy Green Chemistry Association' });
    await page.getByLabel('Host region (NUTS 2)').selectOption('ITC4');
    await page.getByLabel('First day').fill('2027-10-20');
    await page.getByLabel('Last day').fill('2027-10-21');
    await page.getByLabel('Theme').fill('Green chemistry and the bio-based economy');
    await page.getByLabel('Venue').fill('Palazzo Lombardia, Milan');
    await page.getByLabel('Why your region?').fill('Lombardy hosts a dense green-chemistry ecosystem.');
    await page
      .getByLabel('Letter of support (PDF, up to 10 MB)')
      .setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
    await audit(page, 'apply form', 'calls-apply');
    await page.getByRole('button', { name: 'Submit the application' }).click();
    // The application exists; the letter was refused and can be uploaded again from the card.
    await page.getByRole('alert').getByText('Upload a PDF file').waitFor();
    await page.getByRole('heading', { name: 'Your applications' }).waitFor();
    await page
      .getByLabel('Letter of support (PDF, up to 10 MB)')
      .setInputFiles({ name: 'lettera-sostegno.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Upload the letter' }).click();
    await page.getByText('The letter of support has been uploaded.').waitFor();
    await page.getByRole('link', { name: /lettera-sostegno\.pdf/ }).waitFor();
    // LGCA has applied: nothing else to apply for.
    assert.equal(await page.getByRole('heading', { name: 'Apply to host a workshop' }).count(), 0);
    await audit(page, 'call page with my application', 'calls-my-application');
  });

  test('the administrator scores the application and selects it: a draft event is created', async () => {
    const page = await signedIn('admin@nexum.example');
    await page.goto(`${e2e.url}${callUrl}`);
    await page.getByRole('link', { name: 'Review the applications' }).click();
    await page.getByRole('heading', { level: 1, name: /Applications: Clusters meet Regions 2027/ }).waitFor();
    await page.getByLabel('Strength of the regional ecosystem (0–10)').selectOption('9');
    await page.getByLabel('Venue and logistics (0–10)').selectOption('6');
    await page.getByLabel('Comment').fill('A strong ecosystem.');
    await page.getByRole('button', { name: 'Save the review' }).click();
    await page.getByText('Review saved.').waitFor();
    // (2·9 + 6)/3 = 8
    await page.getByRole('cell', { name: '8', exact: true }).waitFor();
    await page.getByText('Platform Admin: 8 — A strong ecosystem.').waitFor();
    await audit(page, 'review page', 'calls-review');
    await page.getByRole('button', { name: 'Select as host' }).click();
    await page.getByRole('link', { name: 'Open the draft event' }).waitFor();
    const href = await page.getByRole('link', { name: 'Open the draft event' }).getAttribute('href');
    eventSlug = href!.replace('/events/', '');
    assert.equal(eventSlug, 'clusters-meet-regions-lombardia');
    await audit(page, 'review page after selection', 'calls-selected');
  });

  test('the applicant organises the draft event, with the template agenda, and runs a pitch jury', async () => {
    const page = await signedIn('manager@lgca.example');
    await page.goto(`${e2e.url}${callUrl}`);
    await page.getByText('Selected to host: the workshop is being prepared.').waitFor();
    await page.getByRole('link', { name: 'Open the draft event' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clusters meet Regions: Lombardia' }).waitFor();
    await page.getByText('20–21 October 2027, 09:00–17:00 (Europe/Rome)').first().waitFor();
    await page.getByRole('button', { name: 'Edit event' }).waitFor();
    await audit(page, 'draft event', 'calls-draft-event');
    await page.goto(`${e2e.url}/events/${eventSlug}/agenda/edit`);
    for (const title of ['Opening remarks', 'Keynote', 'Start-up pitching', 'B2B meetings', 'Site visits']) {
      await page.getByText(title, { exact: true }).first().waitFor();
    }
    await page.screenshot({ path: `${SHOTS}/calls-draft-agenda.png`, fullPage: true });

    // The organiser opens a pitch call, submits a pitch of their own, and sees the jury tools.
    await page.goto(`${e2e.url}/events/${eventSlug}/pitches`);
    await page.getByRole('button', { name: 'Open a pitch call' }).click();
    await page.getByLabel('Description').fill('Start-ups of Lombardy: pitch your solution.');
    await page.getByLabel('Criterion 1', { exact: true }).fill('Innovation');
    await page.getByRole('button', { name: 'Save the pitch call' }).click();
    await page.getByText('Open for submissions').waitFor();
    await page.getByLabel('Title').fill('Green solvent recovery');
    await page.getByLabel('Summary').fill('Recovering solvents from chemical plants.');
    await page.getByLabel('Find your organisation in the directory').fill('Green Chemistry');
    await page
      .getByLabel('Organisation', { exact: true })
      .locator('option', { hasText: 'Lombardy Green Chemistry Association' })
      .waitFor({ state: 'attached' });
    await page
      .getByLabel('Organisation', { exact: true })
      .selectOption({ label: 'Lombardy Green Chemistry Association' });
    await page
      .getByLabel('Pitch deck (PDF, up to 10 MB)')
      .setInputFiles({ name: 'deck.pdf', mimeType: 'application/pdf', buffer: PDF });
    await audit(page, 'pitch submit form', 'pitches-submit');
    await page.getByRole('button', { name: 'Submit the pitch' }).click();
    await page.getByText('Your pitch has been submitted.').waitFor();
    await page.getByRole('heading', { name: 'Your submissions' }).waitFor();
    await page.getByText('You submitted this pitch, so you do not score it.').waitFor();
    await page.getByRole('button', { name: 'Accept' }).click();
    const session = page.getByLabel('Pitching session');
    const value = await session.locator('option', { hasText: 'Start-up pitching' }).getAttribute('value');
    await session.selectOption(value!);
    await page.getByRole('button', { name: 'Place in the agenda' }).click();
    await page.getByText('Placed in the agenda.').waitFor();
    await page.getByRole('heading', { name: 'Accepted pitches' }).waitFor();
    await page.locator('.pitch-grid').getByText('Green solvent recovery').waitFor();
    await audit(page, 'organiser pitches page', 'pitches-organiser');
  });

  test('the Milan pitches are public, in English and Italian', async () => {
    const page = await e2e.newPage();
    await page.goto(`${e2e.url}/events/clusters-meet-regions-milan-2024/pitches`);
    const cards = page.locator('.pitch-grid h3');
    await cards.first().waitFor();
    assert.deepEqual(await cards.allTextContents(), ['SnowIt', 'SiWeGo', 'H3CUBE', 'BTF-SKI SYSTEM']);
    await page.getByText('Closed for submissions').waitFor();
    await audit(page, 'Milan pitches', 'pitches-milan');
    await page.getByRole('link', { name: 'Calls' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calls for host regions' }).waitFor();
    await page.getByLabel('Language', { exact: true }).selectOption('it');
    await page.getByRole('heading', { level: 1, name: 'Bandi per regioni ospitanti' }).waitFor();
    await audit(page, 'calls list in Italian', 'calls-list-it');
    await page.goto(`${e2e.url}/events/clusters-meet-regions-milan-2024/pitches`);
    await page.getByRole('heading', { name: 'Pitch accettati' }).waitFor();
    await audit(page, 'Milan pitches in Italian', 'pitches-milan-it');
  });

  test('no serious accessibility violations or page errors', () => {
    assert.deepEqual(e2e.problems, []);
  });
});
