/**
 * Registration in the browser: a newcomer signs up and registers for a nearly full event, lands on the
 * waiting list, is promoted when another participant cancels (sees "Confirmed" after a reload; the
 * outbox has the promotion e-mail), and downloads the calendar. The organiser checks the newcomer in
 * with the badge code; an administrator reads the outbox. axe-core on every page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { registrationEvent } from '../api/registrations-fixtures.ts';
import { BrowserSession, createUsers } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
const SHOTS = '/work/helpers/shots';

describe('registration in the browser', { skip: executable ? false : SKIP_CHROMIUM }, () => {
  let e2e: BrowserSession;
  const password = 'registration password 1';
  const signedIn = (email: string) => e2e.signedIn(email, password);
  let slug = '';

  /** The API as another participant would use it: sign in, then JSON calls with the session cookie. */
  async function apiAs(email: string) {
    const res = await fetch(`${e2e.url}/api/v1/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: e2e.url },
      body: JSON.stringify({ email, password }),
    });
    assert.equal(res.status, 200);
    const cookie = String(res.headers.get('set-cookie')).split(';')[0]!;
    return async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${e2e.url}${path}`, {
        method,
        headers: { cookie, origin: e2e.url, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await r.json();
      assert.ok(r.ok, JSON.stringify(json));
      return json;
    };
  }

  before(async () => {
    e2e = await BrowserSession.start(executable!, { context: { acceptDownloads: true } });
    const db = e2e.db;
    const ids = await createUsers(db, password, [
      { email: 'olga@reg.example', name: 'Olga Organiser' },
      { email: 'alice@reg.example', name: 'Alice Bianchi' },
      { email: 'bruno@reg.example', name: 'Bruno Costa' },
      { email: 'ada@reg.example', name: 'Ada Admin', isAdmin: true },
    ]);
    const ev = await registrationEvent(db, { organiserId: ids['olga@reg.example'], startsInDays: 20 });
    slug = ev.slug;
    // Whole hours in the event's time zone, three weeks ahead, as a real workshop.
    const day = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    await db
      .updateTable('events')
      .set({
        title: 'Clusters meet Regions — Valencia',
        starts_at: `${day}T09:00:00+01:00`,
        ends_at: `${day}T17:30:00+01:00`,
      })
      .where('id', '=', ev.id)
      .execute();
  });
  after(() => e2e?.close());

  test('wait-listed newcomer is promoted when someone cancels, then downloads the calendar', async () => {
    // A nearly full event: capacity 2, one seat taken, then filled.
    const olga = await apiAs('olga@reg.example');
    await olga('PUT', `/api/v1/events/${slug}/registration-settings`, { capacity: 2 });
    const alice = await apiAs('alice@reg.example');
    const body = { category: 'cluster', countryCode: 'IT', consentContact: true, consentPhotos: true };
    await alice('POST', `/api/v1/events/${slug}/registrations`, body);
    const bruno = await apiAs('bruno@reg.example');
    const brunoReg = await bruno('POST', `/api/v1/events/${slug}/registrations`, {
      ...body,
      category: 'company',
    });
    assert.equal(brunoReg.status, 'confirmed');

    // The newcomer signs up from the registration page and registers.
    const page = await e2e.newPage();
    await page.goto(`${e2e.url}/events/${slug}/register`);
    await page.getByRole('heading', { level: 1, name: 'Registration' }).waitFor();
    await e2e.audit(page, 'register (anonymous)');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Full name').fill('Nina Newcomer');
    await page.getByLabel('E-mail address').fill('nina@newcomer.example');
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('I accept the terms of use and the privacy notice.').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 2, name: 'Register for this event' }).waitFor();
    await page.getByLabel('Participant category').selectOption('startup');
    await page.getByLabel('Your organisation').fill('AFIL');
    await page.getByRole('button', { name: /Associazione Fabbrica Intelligente Lombardia/ }).click();
    await page.getByLabel(/^Job title/).fill('Founder');
    await page.getByLabel(/^Country/).selectOption('IT');
    await page.getByLabel(/Share my contact details/).check();
    await e2e.audit(page, 'register form');
    await page.screenshot({ path: `${SHOTS}/registration-form.png`, fullPage: true });
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const status = page.getByTestId('registration-status');
    await status.waitFor();
    assert.match(String(await status.textContent()), /number 1 on the waiting list/);
    await e2e.audit(page, 'register (waitlisted)');
    await page.screenshot({ path: `${SHOTS}/registration-waitlisted.png`, fullPage: true });

    // Another participant cancels: the newcomer's seat is confirmed at once.
    await bruno('POST', `/api/v1/registrations/${brunoReg.id}/cancel`);
    await page.reload();
    await status.waitFor();
    assert.match(String(await status.textContent()), /your seat is confirmed/);
    await e2e.audit(page, 'register (confirmed)');
    await page.screenshot({ path: `${SHOTS}/registration-confirmed.png`, fullPage: true });
    const mails = await e2e.db
      .selectFrom('email_outbox')
      .select(['kind', 'subject'])
      .where('to_address', '=', 'nina@newcomer.example')
      .orderBy('created_at')
      .execute();
    assert.deepEqual(
      mails.map((m) => m.kind),
      ['registration_waitlisted', 'registration_promoted'],
    );

    // The calendar: the personal feed of the registration.
    const calendar = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Add to my calendar' }).click();
    const ics = readFileSync((await (await calendar).path())!, 'utf8');
    assert.ok(ics.startsWith('BEGIN:VCALENDAR'), ics.slice(0, 200));
    const badge = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download your badge (PDF)' }).click();
    assert.ok(
      readFileSync((await (await badge).path())!)
        .subarray(0, 5)
        .toString() === '%PDF-',
    );

    // The organiser checks the newcomer in by badge code at the door.
    const code = (
      await e2e.db
        .selectFrom('registrations as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select('r.badge_code')
        .where('u.email', '=', 'nina@newcomer.example')
        .executeTakeFirstOrThrow()
    ).badge_code;
    const organiser = await signedIn('olga@reg.example');
    await organiser.goto(`${e2e.url}/events/${slug}/registrations`);
    await organiser.getByRole('heading', { level: 1, name: 'Registrations' }).waitFor();
    await organiser.getByLabel('Badge code', { exact: true }).fill(code);
    await organiser.getByLabel('Badge code', { exact: true }).press('Enter');
    await organiser.getByText('Checked in now.').waitFor();
    await organiser.getByRole('cell', { name: /Nina Newcomer/ }).waitFor();
    await e2e.audit(organiser, 'registrations (organiser)');
    await organiser.screenshot({ path: `${SHOTS}/registrations-manage.png`, fullPage: true });

    // An administrator reads the promotion e-mail in the outbox.
    const admin = await signedIn('ada@reg.example');
    await admin.goto(`${e2e.url}/admin/outbox`);
    await admin.getByLabel('Recipient or subject').fill('nina@');
    await admin.getByText(/A seat is yours: Clusters meet Regions — Valencia/).waitFor();
    await e2e.audit(admin, 'outbox');
    await admin.screenshot({ path: `${SHOTS}/outbox.png`, fullPage: true });

    // The Milan demo: 162 participants, all checked in but a few no-shows; the event is over.
    await admin.goto(`${e2e.url}/events/clusters-meet-regions-milan-2024/registrations`);
    await admin.getByRole('heading', { level: 1, name: 'Registrations' }).waitFor();
    await admin.getByText('162 registrations').waitFor();
    await e2e.audit(admin, 'registrations (Milan demo)');
    await admin.screenshot({ path: `${SHOTS}/registrations-milan.png` });
    await page.goto(`${e2e.url}/events/clusters-meet-regions-milan-2024/register`);
    await page.getByText('This event is over: registration is closed.').waitFor();
    await e2e.audit(page, 'register (past event)');

    assert.deepEqual(e2e.problems, []);
  });
});
