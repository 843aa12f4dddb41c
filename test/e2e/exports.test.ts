import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import {
  buildClient,
  describeViolations,
  launchChromium,
  seriousViolations,
  startServer,
} from '../helpers/browser.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';
import { pdfPages } from '../helpers/pdf.ts';

const executable = chromiumPath();
const MILAN = 'clusters-meet-regions-milan-2024';

describe('agenda exports in the browser', { skip: executable ? false : SKIP_CHROMIUM }, () => {
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

  test('the agenda page links to the calendar, the PDF and the frab JSON with the right content types', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/events/${MILAN}/agenda`);
    const section = page.getByRole('region', { name: 'Calendar and downloads' });
    await section.waitFor();

    // The calendar link downloads an .ics file that an independent parser reads.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Add to calendar (.ics)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `${MILAN}.ics`);
    const ics = readFileSync((await download.path())!, 'utf8');
    const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    assert.ok(vevents.length > 5, `${vevents.length} sessions`);

    const expectations: [string, RegExp][] = [
      ['Add to calendar (.ics)', /^text\/calendar; charset=utf-8$/],
      ['Download PDF agenda', /^application\/pdf$/],
      ['Schedule JSON (frab)', /^application\/json/],
    ];
    for (const [name, type] of expectations) {
      const href = await section.getByRole('link', { name }).getAttribute('href');
      const res = await page.request.get(new URL(href!, server.url).toString());
      assert.equal(res.status(), 200, name);
      assert.match(res.headers()['content-type'] ?? '', type, name);
      if (name === 'Download PDF agenda') {
        const text = (await pdfPages(await res.body())).join('\n');
        assert.ok(text.includes('Clusters meet Regions'), text.slice(0, 200));
      }
      if (name.startsWith('Schedule')) assert.equal((await res.json()).schedule.conference.acronym, MILAN);
    }
    const subscribe = await section
      .getByRole('link', { name: 'Subscribe in your calendar app' })
      .getAttribute('href');
    assert.equal(
      subscribe,
      `${server.url.replace(/^http:/, 'webcal:')}/api/v1/events/${await eventId()}/calendar.ics`,
    );

    // Each speaker's own calendar.
    await section.getByText('Calendars of each speaker’s sessions').click();
    const tolio = section.getByRole('link', { name: /Tullio Tolio/ });
    const res = await page.request.get(new URL((await tolio.getAttribute('href'))!, server.url).toString());
    assert.match(res.headers()['content-type'] ?? '', /^text\/calendar/);
    const own = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents('vevent');
    assert.ok(own.length >= 1 && own.length < vevents.length, `${own.length} of ${vevents.length}`);

    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: '/work/helpers/shots/h7-agenda-exports.png', fullPage: true });
    await section.screenshot({ path: '/work/helpers/shots/h7-agenda-exports-section.png' });
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    assert.deepEqual(errors, []);
    await context.close();
  });

  async function eventId(): Promise<string> {
    return ((await (await fetch(`${server.url}/api/v1/events/${MILAN}`)).json()) as { id: string }).id;
  }
});
