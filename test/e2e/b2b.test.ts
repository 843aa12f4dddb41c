/**
 * B2B meetings in the browser: a participant opts in and requests a meeting, the partner accepts, the
 * organiser previews and publishes the schedule, both see the meeting with its table on their page and
 * in their calendar feed; a colleague invited along joins, then leaves with a confirmation. axe-core on
 * every page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../../src/features/accounts/password.ts';
import { b2bEvent, organisation, register } from '../api/b2b-fixtures.ts';
import { BrowserSession } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
const SHOTS = '/work/helpers/shots';

describe('B2B meetings in the browser', { skip: executable ? false : SKIP_CHROMIUM }, () => {
  let e2e: BrowserSession;
  const password = 'b2b password 1';
  const signedIn = (email: string) => e2e.signedIn(email, password);
  let slug = '';
  const tokens: Record<string, string> = {};
  // Pages of the first test, reused by the second (fewer sign-ins, which are rate-limited per address).
  const pages: Record<string, Page> = {};

  before(async () => {
    e2e = await BrowserSession.start(executable!);
    const db = e2e.db;
    const ev = await b2bEvent(db, { start: '2031-05-06T13:00:00Z', slots: 4, tables: 3 });
    slug = ev.slug;
    const hash = await hashPassword(password);
    const people = [
      ['alice@b2b.example', 'Alice Bianchi', 'Robotica Lombarda', 'IT'],
      ['bruno@b2b.example', 'Bruno Costa', 'Agrifood Valencia', 'ES'],
      ['clara@b2b.example', 'Clara Moreau', 'Chimie Verte Lyon', 'FR'],
      ['dieter@b2b.example', 'Dieter Wolf', 'Bayern Photonics', 'DE'],
      ['elena@b2b.example', 'Elena Rossi', 'Robotica Lombarda', 'IT'],
    ] as const;
    const orgs = new Map<string, string>();
    for (const [email, name, orgName, country] of people) {
      const u = await db
        .insertInto('users')
        .values({ email, name, password_hash: hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      const org = orgs.has(orgName)
        ? { id: orgs.get(orgName)! }
        : await organisation(db, orgName, country, [country === 'ES' ? 'agri-food' : 'digital']);
      orgs.set(orgName, org.id);
      // Alice and Elena are users of Robotica Lombarda: colleagues who can meet together.
      if (orgName === 'Robotica Lombarda')
        await db
          .insertInto('organisation_users')
          .values({ organisation_id: org.id, user_id: u.id, role: 'member' })
          .execute();
      const reg = await register(db, ev.id, u.id, { organisationId: org.id, consent: true });
      tokens[email] = reg.calendar_token;
      if (email !== 'alice@b2b.example')
        await db
          .insertInto('b2b_profiles')
          .values({
            registration_id: reg.id,
            event_id: ev.id,
            organisation_id: org.id,
            offer: `${orgName}: pilot lines and testing facilities`,
            seek: 'Partners for a Horizon Europe proposal',
          })
          .execute();
    }
    const olga = await db
      .insertInto('users')
      .values({ email: 'olga@b2b.example', name: 'Olga Organiser', password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('event_members')
      .values({ event_id: ev.id, user_id: olga.id, role: 'organiser' })
      .execute();
  });
  after(() => e2e?.close());

  test('request, accept, schedule, publish: both see the meeting with its table', async () => {
    // Alice opts in and asks Bruno for a meeting.
    const alice = await signedIn('alice@b2b.example');
    pages.alice = alice;
    await alice.goto(`${e2e.url}/events/${slug}/b2b`);
    await alice.getByRole('heading', { name: 'B2B meetings', level: 1 }).waitFor();
    await alice.getByLabel('What you offer').fill('Collaborative robots for food packaging');
    await alice.getByLabel('What you seek').fill('Pilot customers in agri-food');
    await alice.getByRole('button', { name: 'Opt in to B2B meetings' }).click();
    await alice.getByRole('button', { name: 'Request a meeting with Bruno Costa' }).click();
    const form = alice.getByRole('form', { name: 'Request a meeting with Bruno Costa' });
    await form.getByLabel('Message').fill('Your pilot lines could test our packaging robot.');
    await form.getByRole('button', { name: 'Send request' }).click();
    await alice.getByText('Request sent.').waitFor();
    await alice.getByText('To Bruno Costa').waitFor();
    await e2e.audit(alice, 'participant page (Alice)');
    await alice.screenshot({ path: `${SHOTS}/b2b-participant.png`, fullPage: true });

    // Bruno accepts.
    const bruno = await signedIn('bruno@b2b.example');
    await bruno.goto(`${e2e.url}/events/${slug}/b2b`);
    await bruno.getByText('From Alice Bianchi').waitFor();
    await bruno.getByRole('button', { name: 'Accept' }).click();
    await bruno.getByText('Accepted').first().waitFor();

    // Olga previews and publishes.
    const olga = await signedIn('olga@b2b.example');
    pages.olga = olga;
    await olga.goto(`${e2e.url}/events/${slug}/b2b/manage`);
    await olga.getByRole('heading', { name: 'B2B dashboard', level: 1 }).waitFor();
    await olga.getByRole('button', { name: 'Run preview' }).click();
    await olga.getByRole('button', { name: 'Publish schedule' }).waitFor();
    await olga.screenshot({ path: `${SHOTS}/b2b-preview.png`, fullPage: true });
    await olga.getByRole('button', { name: 'Publish schedule' }).click();
    await olga.getByText(/^Published /).waitFor();
    await olga.getByRole('cell', { name: /Alice Bianchi.*Bruno Costa|Bruno Costa.*Alice Bianchi/ }).waitFor();
    await e2e.audit(olga, 'organiser dashboard');
    await olga.screenshot({ path: `${SHOTS}/b2b-manage.png`, fullPage: true });
    // Printing the dashboard prints the table plan alone.
    await olga.emulateMedia({ media: 'print' });
    assert.equal(await olga.getByRole('heading', { name: 'Scheduler' }).isVisible(), false);
    assert.equal(await olga.getByRole('heading', { name: 'Table plan' }).isVisible(), true);
    await olga.screenshot({ path: `${SHOTS}/b2b-print.png`, fullPage: true });
    await olga.emulateMedia({ media: 'screen' });

    // Both see the meeting with its table.
    for (const [page, partner] of [
      [alice, 'Bruno Costa'],
      [bruno, 'Alice Bianchi'],
    ] as const) {
      await page.reload();
      const meetings = page.locator('section', { has: page.getByRole('heading', { name: 'My meetings' }) });
      await meetings.getByText(partner).waitFor();
      await meetings.getByText(/^Table \d+$/).waitFor();
    }
    await e2e.audit(bruno, 'participant page (Bruno)');
    await bruno.screenshot({ path: `${SHOTS}/b2b-meetings.png`, fullPage: true });

    // And in their personal calendar feed.
    for (const email of ['alice@b2b.example', 'bruno@b2b.example']) {
      const ics = await (await fetch(`${e2e.url}/api/v1/calendar/${tokens[email]}.ics`)).text();
      assert.match(ics, /SUMMARY:B2B meeting: /, email);
      assert.match(ics, /LOCATION:Table \d+/, email);
    }

    // The Italian page passes axe too.
    await alice.getByLabel('Language', { exact: true }).selectOption('it');
    await alice.getByRole('heading', { name: 'Incontri B2B', level: 1 }).waitFor();
    await alice.getByRole('heading', { name: 'I miei incontri' }).waitFor();
    await e2e.audit(alice, 'participant page in Italian');
    await alice.screenshot({ path: `${SHOTS}/b2b-participant-it.png`, fullPage: true });
    assert.deepEqual(e2e.problems, []);
  });

  test('a colleague invited along joins the meeting, then leaves it after confirming', async () => {
    const alice = pages.alice!;
    await alice.getByLabel('Lingua').selectOption('en');
    await alice.goto(`${e2e.url}/events/${slug}/b2b`);
    await alice.getByRole('button', { name: 'Request a meeting with Clara Moreau' }).click();
    const form = alice.getByRole('form', { name: 'Request a meeting with Clara Moreau' });
    await form.getByText('Only other users of your organisation can be invited').waitFor();
    await form.getByLabel('Elena Rossi').check();
    await form.getByRole('button', { name: 'Send request' }).click();
    await alice.getByText('To Clara Moreau').waitFor();
    await alice.getByText('Elena Rossi (invited)').waitFor();
    const clara = await signedIn('clara@b2b.example');
    await clara.goto(`${e2e.url}/events/${slug}/b2b`);
    await clara.getByText('From Alice Bianchi').waitFor();
    await clara.getByRole('button', { name: 'Accept' }).click();
    await clara.getByText('Accepted').first().waitFor();

    // Elena sees the invitation and joins.
    const elena = await signedIn('elena@b2b.example');
    await elena.goto(`${e2e.url}/events/${slug}/b2b`);
    await elena.getByRole('heading', { name: 'Invitations as a colleague' }).waitFor();
    await elena.getByText('Meeting of Alice Bianchi with Clara Moreau').waitFor();
    await e2e.audit(elena, 'participant page with a team invitation (Elena)');
    await elena.screenshot({ path: `${SHOTS}/b2b-team-invitation.png`, fullPage: true });
    await elena.getByRole('button', { name: 'Join' }).click();
    await elena.getByText('Elena Rossi (joining)').waitFor();

    // The organiser schedules again: Elena is in the meeting.
    const olga = pages.olga!;
    await olga.reload();
    await olga.getByRole('button', { name: 'Run preview' }).click();
    await olga.getByRole('button', { name: 'Publish schedule' }).click();
    await olga.getByRole('cell', { name: /Elena Rossi/ }).waitFor();
    await elena.reload();
    const meetings = elena.locator('section', { has: elena.getByRole('heading', { name: 'My meetings' }) });
    await meetings.getByText('Clara Moreau').waitFor();

    // Leaving asks first; dismissing keeps the meeting, confirming leaves it.
    let asked = '';
    elena.once('dialog', (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await meetings.getByRole('button', { name: 'Leave meeting' }).click();
    assert.match(asked, /The others keep it/);
    await meetings.getByText('Clara Moreau').waitFor();
    elena.once('dialog', (d) => void d.accept());
    await meetings.getByRole('button', { name: 'Leave meeting' }).click();
    await meetings.getByText('No meetings scheduled yet.').waitFor();
    await e2e.audit(elena, 'participant page after leaving (Elena)');
    // Alice and Clara keep their meeting.
    await alice.reload();
    const aliceMeetings = alice.locator('section', {
      has: alice.getByRole('heading', { name: 'My meetings' }),
    });
    await aliceMeetings.getByText('Clara Moreau').waitFor();
    assert.equal(await aliceMeetings.getByText('Elena Rossi').count(), 0);
    assert.deepEqual(e2e.problems, []);
  });
});
