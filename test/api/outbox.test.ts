/**
 * The e-mail outbox: with SMTP configured, registration mails are delivered (to a tiny SMTP server in
 * this process) and marked sent, or failed with the server's error; reminders go out once per
 * registration; platform administrators page and filter the outbox, nobody else reads it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { remindersCommand } from '../../src/cli/reminders.ts';
import { sendReminders } from '../../src/features/notifications/reminders.ts';
import { ORIGIN, type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { smtpServer } from './outbox-smtp.ts';
import { BASIC, registrationEvent } from './registrations-fixtures.ts';

for (const backend of backends()) {
  describe(`e-mail outbox (${backend})`, () => {
    let t: TestApp;
    let smtp: Awaited<ReturnType<typeof smtpServer>>;

    before(async () => {
      smtp = await smtpServer();
      t = await testApp(backend, {
        env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'Nexum <events@nexum.test>' },
      });
    });
    after(async () => {
      await t.services.mailer.idle();
      await t.close();
      await smtp.close();
    });

    const register = (cookie: string, slug: string) =>
      t.request({ method: 'POST', url: `/api/v1/events/${slug}/registrations`, cookie, payload: BASIC });
    const rows = (userId: string) =>
      t.database.db
        .selectFrom('email_outbox')
        .selectAll()
        .where('to_user_id', '=', userId)
        .orderBy('created_at')
        .execute();

    test('SMTP: delivered mails are sent, refused ones failed with the error', async () => {
      const ev = await registrationEvent(t.database.db, { capacity: 1 });
      const ok = await t.user({ name: 'Giulia Verdi' });
      const bounce = await t.user({ email: `bounce-${Date.now()}@example.org`, name: 'Bo Unce' });
      assert.equal((await register(ok.cookie, ev.slug)).statusCode, 201);
      assert.equal((await register(bounce.cookie, ev.slug)).statusCode, 201);
      await t.services.mailer.idle();
      const [sent] = await rows(ok.id);
      assert.equal(sent!.status, 'sent', String(sent!.last_error));
      assert.ok(sent!.sent_at);
      assert.equal(sent!.attempts, 1);
      const [failed] = await rows(bounce.id);
      assert.equal(failed!.status, 'failed');
      assert.equal(failed!.kind, 'registration_waitlisted');
      assert.match(String(failed!.last_error), /550|rejected/i);
      const mail = smtp.received.find((m) => m.to.includes(ok.email));
      assert.ok(mail, 'the SMTP server received the confirmation');
      assert.equal(mail!.from, 'events@nexum.test');
      assert.match(mail!.data, /Subject: Registration confirmed: Registration test/);
      assert.match(mail!.data, /Giulia Verdi/);
    });

    test('reminders: once per confirmed registration, two days ahead', async () => {
      const db = t.database.db;
      const soon = await registrationEvent(db, { startsInDays: 1 });
      const later = await registrationEvent(db, { startsInDays: 5 });
      const u = await t.user();
      const waiting = await t.user();
      await register(u.cookie, soon.slug);
      await register(u.cookie, later.slug);
      await db.updateTable('events').set({ capacity: 1 }).where('id', '=', soon.id).execute();
      await register(waiting.cookie, soon.slug);
      const first = await sendReminders(db, t.services.mailer, ORIGIN);
      assert.ok(first.reminders >= 1);
      const again = await sendReminders(db, t.services.mailer, ORIGIN);
      assert.equal(again.reminders, 0);
      const lines: string[] = [];
      const code = await remindersCommand(t.database, { smtp: null, publicUrl: ORIGIN }, (l) =>
        lines.push(l),
      );
      assert.equal(code, 0);
      assert.match(lines[0]!, /reminders written: 0/);
      const reminders = (await rows(u.id)).filter((m) => m.kind === 'event_reminder');
      assert.equal(reminders.length, 1);
      assert.equal(reminders[0]!.event_id, soon.id);
      assert.equal(reminders[0]!.status, 'sent');
      assert.equal((await rows(waiting.id)).filter((m) => m.kind === 'event_reminder').length, 0);
    });

    test('the outbox page: administrators only, paged and filtered', async () => {
      const admin = await t.user({ admin: true });
      const user = await t.user();
      const url = '/api/v1/admin/outbox';
      assert.equal((await t.request({ method: 'GET', url })).statusCode, 401);
      assert.equal((await t.request({ method: 'GET', url, cookie: user.cookie })).statusCode, 403);
      const all = await t.request({ method: 'GET', url: `${url}?pageSize=2`, cookie: admin.cookie });
      assert.equal(all.statusCode, 200, all.body);
      const body = all.json();
      assert.equal(body.items.length, 2);
      assert.ok(body.total >= 4);
      assert.equal(body.smtp, true);
      assert.ok(body.kinds.includes('event_reminder'));
      const page2 = await t.request({ method: 'GET', url: `${url}?pageSize=2&page=2`, cookie: admin.cookie });
      assert.notEqual(page2.json().items[0].id, body.items[0].id);
      const failed = await t.request({ method: 'GET', url: `${url}?status=failed`, cookie: admin.cookie });
      assert.ok(failed.json().items.length >= 1);
      for (const m of failed.json().items) {
        assert.equal(m.status, 'failed');
        assert.ok(m.lastError);
      }
      const bounce = await t.request({
        method: 'GET',
        url: `${url}?q=bounce&kind=registration_waitlisted`,
        cookie: admin.cookie,
      });
      assert.equal(bounce.json().total, 1);
      assert.match(bounce.json().items[0].to, /^bounce-/);
      assert.equal(bounce.json().items[0].event.title.startsWith('Registration test'), true);
      assert.equal(
        (await t.request({ method: 'GET', url: `${url}?status=lost`, cookie: admin.cookie })).statusCode,
        400,
      );
    });
  });
}
