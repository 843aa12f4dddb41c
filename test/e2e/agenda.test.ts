import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { loadAgendaSessions } from '../../src/features/events/agenda.repo.ts';
import { BrowserSession, createUsers, makeEventOrganiser } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
const MILAN = 'clusters-meet-regions-milan-2024';
const SHOTS = '/work/helpers/shots';

describe('the event agenda in the browser', { skip: executable ? false : SKIP_CHROMIUM }, () => {
  let e2e: BrowserSession;
  const password = 'agenda password 1';
  const signedIn = (email: string) => e2e.signedIn(email, password);
  let lisbonSlug: string;

  before(async () => {
    e2e = await BrowserSession.start(executable!);
    const db = e2e.db;
    const users = await createUsers(db, password, [
      { email: 'organiser@eccp.example', name: 'Event Organiser' },
      { email: 'visitor@cluster.example', name: 'Site Visitor' },
    ]);
    await makeEventOrganiser(db, MILAN, users['organiser@eccp.example']!);

    // A coming event with a published site visit, where the visitor has a confirmed registration.
    const lisbon = await db
      .insertInto('events')
      .values({
        slug: 'clusters-meet-regions-lisbon-2031',
        title: 'Clusters meet Regions — Lisbon',
        starts_at: '2031-04-08T09:00:00+01:00',
        ends_at: '2031-04-09T17:00:00+01:00',
        time_zone: 'Europe/Lisbon',
        status: 'published',
        updated_at: new Date(),
      })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow();
    lisbonSlug = lisbon.slug;
    await db
      .insertInto('event_sessions')
      .values({
        event_id: lisbon.id,
        type: 'site_visit',
        title: 'Visit to the port of Lisbon',
        starts_at: '2031-04-09T14:00:00+01:00',
        ends_at: '2031-04-09T16:00:00+01:00',
        room: 'Port of Lisbon',
        capacity: 12,
      })
      .execute();
    const sessions = await loadAgendaSessions(db, lisbon.id);
    const publishedAt = new Date().toISOString();
    await db
      .insertInto('agenda_versions')
      .values({
        event_id: lisbon.id,
        version: 1,
        snapshot: JSON.stringify({
          eventId: lisbon.id,
          version: 1,
          timeZone: 'Europe/Lisbon',
          publishedAt,
          sessions,
        }),
        published_at: publishedAt,
      })
      .execute();
    await db.updateTable('events').set({ agenda_version: 1 }).where('id', '=', lisbon.id).execute();
    await db
      .insertInto('registrations')
      .values({
        event_id: lisbon.id,
        user_id: users['visitor@cluster.example']!,
        category: 'cluster',
        status: 'confirmed',
        badge_code: randomBytes(12).toString('hex'),
        calendar_token: randomBytes(12).toString('hex'),
      })
      .execute();
  });
  after(() => e2e?.close());

  test('an organiser adds a session that clashes, sees the warning, publishes; a visitor sees what changed', async () => {
    const page = await signedIn('organiser@eccp.example');
    await page.goto(`${e2e.url}/events/${MILAN}/agenda/edit`);
    await page.getByRole('heading', { level: 1, name: 'Edit the agenda' }).waitFor();
    await page.getByRole('heading', { name: /Day 1/ }).waitFor();
    await e2e.audit(page, 'agenda editor');

    await page.getByRole('button', { name: 'Add a session' }).click();
    const form = page.locator('form.agenda-form');
    await form.getByLabel('Type').selectOption('presentation');
    await form.getByLabel('Title').fill('Robotics showcase');
    await form.getByLabel('Starts').fill('2024-03-26T10:00');
    await form.getByLabel('Ends').fill('2024-03-26T10:30');
    await form.getByLabel('Room or place').fill('Auditorium');
    await form.getByLabel('Add a person from the directory').fill('Tolio');
    await form.getByRole('button', { name: 'Add Tullio Tolio' }).click();
    await form.getByLabel('Role of Tullio Tolio').selectOption('speaker');
    await e2e.audit(page, 'session form');
    await page.screenshot({ path: `${SHOTS}/agenda-session-form.png`, fullPage: true });
    await form.getByRole('button', { name: 'Add a session' }).click();

    await page.getByText('Saved, with 1 clash').waitFor();
    const added = page.locator('li.agenda-session', {
      has: page.getByRole('heading', { name: 'Robotics showcase' }),
    });
    await added
      .getByText(
        'Clash: Tullio Tolio is also in “Keynote: manufacturing and the twin transition” (09:50–10:20).',
      )
      .waitFor();
    const keynote = page.locator('li.agenda-session', {
      has: page.getByRole('heading', { name: 'Keynote: manufacturing and the twin transition' }),
    });
    await keynote.getByText('Clash: Tullio Tolio is also in “Robotics showcase” (10:00–10:30).').waitFor();
    const publish = page.locator('section.agenda-publish');
    await publish.getByText('Robotics showcase').waitFor();
    await e2e.audit(page, 'agenda editor with a clash');
    await page.screenshot({ path: `${SHOTS}/agenda-editor-clash.png`, fullPage: true });

    await publish.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText('Version 2 is published.').waitFor();
    await publish.getByText('Nothing changed since the last version.').waitFor();

    const visitor = await e2e.newPage();
    await visitor.goto(`${e2e.url}/events/${MILAN}/agenda`);
    const panel = visitor.locator('section.agenda-changes-panel');
    await panel.getByRole('heading', { name: 'What changed in version 2' }).waitFor();
    await panel.getByText('Robotics showcase').waitFor();
    const session = visitor.locator('li.agenda-session', {
      has: visitor.getByRole('heading', { name: 'Robotics showcase' }),
    });
    await session.getByText('New in version 2').waitFor();
    await session.getByText('Tullio Tolio').waitFor();
    assert.equal(await visitor.getByRole('link', { name: 'Edit agenda' }).count(), 0, 'visitors do not edit');
    await visitor.getByRole('link', { name: 'Version 1' }).click();
    await visitor.getByText('You are looking at version 1; the current agenda is version 2.').waitFor();
    assert.equal(await visitor.getByRole('heading', { name: 'Robotics showcase' }).count(), 0);
    await visitor.getByRole('link', { name: 'Show the current agenda' }).click();
    await visitor.getByRole('heading', { name: 'Robotics showcase' }).waitFor();
    await e2e.audit(visitor, 'public agenda');
    await visitor.screenshot({ path: `${SHOTS}/agenda-public.png`, fullPage: true });

    // In Italian: headings, badges and the changes banner are translated; times stay in the event's zone.
    await visitor.getByLabel('Language', { exact: true }).selectOption('it');
    await visitor.getByRole('heading', { name: 'Cosa è cambiato nella versione 2' }).waitFor();
    await visitor.getByRole('heading', { name: /Giorno 1/ }).waitFor();
    await visitor.getByText('Nuova nella versione 2').waitFor();
    await e2e.audit(visitor, 'public agenda in Italian');
    await visitor.screenshot({ path: `${SHOTS}/agenda-public-it.png` });
  });

  test('a participant with a confirmed registration takes a seat on a site visit and gives it back', async () => {
    const page = await signedIn('visitor@cluster.example');
    await page.goto(`${e2e.url}/events/${lisbonSlug}/agenda`);
    await page.getByText('12 seats left of 12').waitFor();
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByText('You are signed up').waitFor();
    await page.getByText('11 seats left of 12').waitFor();
    await e2e.audit(page, 'agenda with a seat');
    await page.screenshot({ path: `${SHOTS}/agenda-signed-up.png`, fullPage: true });
    await page.getByRole('button', { name: 'Give up my seat' }).click();
    await page.getByText('12 seats left of 12').waitFor();

    // Visitors who are not signed in are asked to sign in first.
    const anonymous = await e2e.newPage();
    await anonymous.goto(`${e2e.url}/events/${lisbonSlug}/agenda`);
    await anonymous.getByRole('link', { name: 'Sign in to sign up' }).waitFor();
    assert.equal(await anonymous.getByRole('button', { name: 'Sign up' }).count(), 0);
    await e2e.audit(anonymous, 'anonymous agenda');
  });

  test('no accessibility violations or page errors', () => {
    assert.deepEqual(e2e.problems, []);
  });
});
