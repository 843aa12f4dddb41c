import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { picture, registration, summaryEvent } from '../api/summary-fixtures.ts';
import { BrowserSession, createUsers } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
const SHOTS = '/work/helpers/shots';

describe('the summary after an event, in the browser', { skip: executable ? false : SKIP_CHROMIUM }, () => {
  let e2e: BrowserSession;
  const password = 'summary password 1';
  let event: { id: string; slug: string };

  before(async () => {
    e2e = await BrowserSession.start(executable!);
    const db = e2e.db;
    const users = await createUsers(db, password, [
      { email: 'organiser@summary.example', name: 'Event Organiser' },
    ]);
    event = await summaryEvent(db, { organiserId: users['organiser@summary.example']!, endsInDays: -2 });
    await db
      .updateTable('events')
      .set({ title: 'Clusters meet Regions — Turin' })
      .where('id', '=', event.id)
      .execute();
    await registration(db, event.id, {
      name: 'Ada Consenting',
      category: 'cluster',
      country: 'IT',
      checkedIn: true,
    });
    await registration(db, event.id, {
      name: 'Bo Refusing',
      category: 'cluster',
      country: 'IT',
      consentPhotos: false,
      checkedIn: true,
    });
    for (let i = 0; i < 4; i++)
      await registration(db, event.id, { category: 'company', country: 'IT', checkedIn: true });
    for (let i = 0; i < 3; i++)
      await registration(db, event.id, { category: 'research', country: 'ES', checkedIn: true });
    await registration(db, event.id, { category: 'startup', country: 'DE', checkedIn: true });
  });
  after(() => e2e?.close());

  test('an organiser writes the summary, adds a quote and photos; a visitor sees them and the chart', async () => {
    const page = await e2e.signedIn('organiser@summary.example', password);

    // A banner, uploaded from the event page's edit mode.
    await page.goto(`${e2e.url}/events/${event.slug}`);
    await page.getByRole('button', { name: 'Edit event' }).click();
    await page.getByLabel('Themes').fill('Twin transition, Robotics');
    await page.getByLabel('Image file').setInputFiles({
      name: 'banner.jpg',
      mimeType: 'image/jpeg',
      buffer: await picture(2400, 900),
    });
    await page.getByRole('button', { name: 'Upload banner' }).click();
    await page.getByText('Banner saved.').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await page.locator('img.event-banner').waitFor();
    await page.getByRole('list', { name: 'Themes' }).getByText('Robotics').waitFor();
    await e2e.audit(page, 'event page with banner');
    await page.screenshot({ path: `${SHOTS}/event-banner.png`, fullPage: true });

    await page
      .getByRole('navigation', { name: 'Pages of this event' })
      .getByRole('link', { name: 'Summary' })
      .click();
    await page.getByText('Only the organisers see this summary until it is published.').waitFor();
    await page.getByRole('button', { name: 'Edit article' }).click();
    await page
      .getByLabel('Article (HTML)')
      .fill(
        '<h2>Highlights</h2><p>Two days on robotics in Piedmont.</p><script>alert(1)</script>' +
          '<ul><li>Panels</li><li>Pitches</li></ul>',
      );
    await page.getByLabel('Published: everyone can read the summary').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Summary saved.').waitFor();
    await page.getByRole('heading', { name: 'Highlights' }).waitFor();
    assert.equal(await page.locator('.summary-article script').count(), 0);

    // A quote of a directory person.
    await page.getByLabel('Person quoted').fill('Tullio');
    await page.getByRole('button', { name: /Tullio Tolio/ }).click();
    await page.getByLabel('Words', { exact: true }).fill('Robots need people who understand them.');
    await page.getByLabel('These are not the exact words: show the quote as paraphrased').check();
    await page.getByRole('button', { name: 'Add a quote' }).click();
    await page.getByText('Robots need people who understand them.').waitFor();

    // A photo of a consenting participant, and one showing someone without photo consent.
    const upload = async (caption: string, who: string) => {
      await page.getByLabel('Photo (JPEG, PNG or WebP, up to 20 MB)').setInputFiles({
        name: 'photo.jpg',
        mimeType: 'image/jpeg',
        buffer: await picture(1600, 1200),
      });
      await page
        .getByLabel(/^Caption/)
        .last()
        .fill(caption);
      await page.getByLabel('Registered participants shown').fill(who.slice(0, 4));
      await page.getByRole('button', { name: new RegExp(who) }).click();
      await page
        .getByLabel(
          'I confirm that the people shown agreed to be photographed and to the photo being published.',
        )
        .check();
      await page.getByRole('button', { name: 'Add a photo' }).click();
      await page.getByText('Photo added.').waitFor();
      await page.locator('figcaption', { hasText: caption }).waitFor();
    };
    await upload('The robotics panel', 'Ada Consenting');
    await upload('Networking in the hall', 'Bo Refusing');
    await page.getByText('No photo consent: Bo Refusing').waitFor();
    await page.getByRole('img', { name: /By category/ }).waitFor();
    await e2e.audit(page, 'summary page (organiser)');
    await page.screenshot({ path: `${SHOTS}/event-summary-organiser.png`, fullPage: true });

    // A visitor.
    const visitor = await e2e.newPage();
    await visitor.goto(`${e2e.url}/events/${event.slug}/summary`);
    await visitor.getByRole('heading', { name: 'Highlights' }).waitFor();
    await visitor.getByText('Robots need people who understand them.').waitFor();
    await visitor.getByText('Paraphrased').waitFor();
    await visitor.locator('figcaption', { hasText: 'The robotics panel' }).waitFor();
    assert.equal(await visitor.getByText('Networking in the hall').count(), 0, 'no photo without consent');
    const thumb = visitor.locator('.photo img').first();
    await thumb.waitFor();
    assert.ok(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 400));
    const chart = visitor.getByRole('img', { name: /By category/ });
    await chart.waitFor();
    assert.match((await chart.locator('desc').textContent()) ?? '', /Company 4.*Research \/ university 3/);
    await visitor.getByText('10 participants checked in.').waitFor();
    assert.equal(await visitor.getByRole('button', { name: 'Edit article' }).count(), 0);
    await e2e.audit(visitor, 'summary page (visitor)');
    await visitor.screenshot({ path: `${SHOTS}/event-summary-visitor.png`, fullPage: true });

    // The Milan demo's summary.
    await visitor.goto(`${e2e.url}/events/clusters-meet-regions-milan-2024/summary`);
    await visitor.getByRole('heading', { name: 'Next: the Euroclusters call' }).waitFor();
    await e2e.audit(visitor, 'Milan summary');
    await visitor.screenshot({ path: `${SHOTS}/event-summary-milan.png`, fullPage: true });
    assert.deepEqual(e2e.problems, []);
  });
});
