/**
 * Registration rules: seats and the waiting list, promotion on cancel and on a higher capacity, organiser
 * approval, refusals (draft, cancelled, past, window, twice), a new organisation as a draft, the person
 * of the account, permissions, and the e-mails each step writes to the outbox.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { BASIC, registrationEvent } from './registrations-fixtures.ts';

for (const backend of backends()) {
  describe(`registrations (${backend})`, () => {
    let t: TestApp;
    let organiser: Awaited<ReturnType<TestApp['user']>>;

    before(async () => {
      t = await testApp(backend);
      organiser = await t.user({ name: 'Olga Organiser' });
    });
    after(() => t.close());

    const register = (cookie: string, slug: string, body: object = BASIC) =>
      t.request({ method: 'POST', url: `/api/v1/events/${slug}/registrations`, cookie, payload: body });
    const post = (cookie: string, url: string) => t.request({ method: 'POST', url, cookie });
    const mails = async (userId: string) =>
      (
        await t.database.db
          .selectFrom('email_outbox')
          .select(['kind', 'status', 'subject', 'body_text'])
          .where('to_user_id', '=', userId)
          .orderBy('created_at')
          .execute()
      ).map((m) => m.kind);

    test('seats, waiting list in order, promotion when someone cancels', async () => {
      const ev = await registrationEvent(t.database.db, { capacity: 2, organiserId: organiser.id });
      const users = [];
      for (let i = 0; i < 4; i++) users.push(await t.user({ name: `Seat ${i}` }));
      const regs = [];
      for (const u of users) {
        const res = await register(u.cookie, ev.slug);
        assert.equal(res.statusCode, 201, res.body);
        regs.push(res.json());
      }
      assert.deepEqual(
        regs.map((r) => r.status),
        ['confirmed', 'confirmed', 'waitlisted', 'waitlisted'],
      );
      assert.deepEqual(
        regs.map((r) => r.waitlistPosition),
        [null, null, 1, 2],
      );
      assert.match(regs[0].calendarUrl, /^http:\/\/localhost:3000\/api\/v1\/calendar\/[\w-]+\.ics$/);
      assert.match(regs[0].badgeCode, /^[0-9A-Z]{10}$/);

      const state = await t.request({
        method: 'GET',
        url: `/api/v1/events/${ev.slug}/registration`,
        cookie: users[3]!.cookie,
      });
      assert.equal(state.json().event.confirmed, 2);
      assert.equal(state.json().event.waitlisted, 2);
      assert.equal(state.json().registration.waitlistPosition, 2);

      const cancel = await post(users[1]!.cookie, `/api/v1/registrations/${regs[1].id}/cancel`);
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.equal(cancel.json().status, 'cancelled');
      const promoted = await t.request({
        method: 'GET',
        url: `/api/v1/registrations/${regs[2].id}`,
        cookie: users[2]!.cookie,
      });
      assert.equal(promoted.json().status, 'confirmed');
      const still = await t.request({
        method: 'GET',
        url: `/api/v1/registrations/${regs[3].id}`,
        cookie: users[3]!.cookie,
      });
      assert.equal(still.json().status, 'waitlisted');
      assert.equal(still.json().waitlistPosition, 1);

      assert.deepEqual(await mails(users[0]!.id), ['registration_confirmed']);
      assert.deepEqual(await mails(users[2]!.id), ['registration_waitlisted', 'registration_promoted']);
      const [promotion] = await t.database.db
        .selectFrom('email_outbox')
        .selectAll()
        .where('to_user_id', '=', users[2]!.id)
        .where('kind', '=', 'registration_promoted')
        .execute();
      // No SMTP configured: recorded for the outbox page, with a link back to the registration page.
      assert.equal(promotion!.status, 'recorded');
      assert.match(promotion!.body_text, new RegExp(`/events/${ev.slug}/register`));

      // Cancelling twice is refused; registering again reuses the row and joins the end of the queue.
      assert.equal(
        (await post(users[1]!.cookie, `/api/v1/registrations/${regs[1].id}/cancel`)).statusCode,
        409,
      );
      const again = await register(users[1]!.cookie, ev.slug);
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.json().id, regs[1].id);
      assert.equal(again.json().status, 'waitlisted');
      assert.equal(again.json().waitlistPosition, 2);
      const twice = await register(users[1]!.cookie, ev.slug);
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().error.details.reason, 'already_registered');

      // An organiser raises the capacity: the waiting list moves up at once, in order.
      const raised = await t.request({
        method: 'PUT',
        url: `/api/v1/events/${ev.slug}/registration-settings`,
        cookie: organiser.cookie,
        payload: { capacity: 3 },
      });
      assert.equal(raised.statusCode, 200, raised.body);
      assert.equal(raised.json().event.confirmed, 3);
      const after3 = await t.request({
        method: 'GET',
        url: `/api/v1/registrations/${regs[3].id}`,
        cookie: users[3]!.cookie,
      });
      assert.equal(after3.json().status, 'confirmed');
      const after1 = await t.request({
        method: 'GET',
        url: `/api/v1/registrations/${regs[1].id}`,
        cookie: users[1]!.cookie,
      });
      assert.equal(after1.json().status, 'waitlisted');
      // An organiser cancels a participant: the participant is told, the next one promoted.
      const byOrganiser = await post(organiser.cookie, `/api/v1/registrations/${regs[0].id}/cancel`);
      assert.equal(byOrganiser.statusCode, 200, byOrganiser.body);
      assert.deepEqual(await mails(users[0]!.id), ['registration_confirmed', 'registration_cancelled']);
      assert.deepEqual((await mails(users[1]!.id)).slice(-1), ['registration_promoted']);

      // Raising the capacity in the event's own edit form promotes in the same way.
      const lowered = await t.request({
        method: 'PATCH',
        url: `/api/v1/events/${ev.slug}`,
        cookie: organiser.cookie,
        payload: { capacity: 2 },
      });
      assert.equal(lowered.statusCode, 200, lowered.body);
      const back = await register(users[0]!.cookie, ev.slug);
      assert.equal(back.statusCode, 201, back.body);
      assert.equal(back.json().status, 'waitlisted');
      const patched = await t.request({
        method: 'PATCH',
        url: `/api/v1/events/${ev.slug}`,
        cookie: organiser.cookie,
        payload: { capacity: 10, summary: 'More seats' },
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().capacity, 10);
      assert.equal(patched.json().summary, 'More seats');
      const afterPatch = await t.request({
        method: 'GET',
        url: `/api/v1/events/${ev.slug}/registration`,
        cookie: organiser.cookie,
      });
      assert.equal(afterPatch.json().event.waitlisted, 0, afterPatch.body);
    });

    test('organiser approval: pending, approved into a seat or the waiting list, rejected', async () => {
      const ev = await registrationEvent(t.database.db, {
        capacity: 1,
        requiresApproval: true,
        organiserId: organiser.id,
      });
      const [a, b, c] = [await t.user(), await t.user(), await t.user()];
      const ra = (await register(a.cookie, ev.slug)).json();
      const rb = (await register(b.cookie, ev.slug)).json();
      const rc = (await register(c.cookie, ev.slug)).json();
      assert.deepEqual([ra.status, rb.status, rc.status], ['pending', 'pending', 'pending']);
      // Participants do not decide.
      assert.equal((await post(a.cookie, `/api/v1/registrations/${ra.id}/approve`)).statusCode, 403);
      assert.equal((await post(b.cookie, `/api/v1/registrations/${ra.id}/approve`)).statusCode, 404);
      const ok = await post(organiser.cookie, `/api/v1/registrations/${ra.id}/approve`);
      assert.equal(ok.json().status, 'confirmed');
      const full = await post(organiser.cookie, `/api/v1/registrations/${rb.id}/approve`);
      assert.equal(full.json().status, 'waitlisted');
      const no = await post(organiser.cookie, `/api/v1/registrations/${rc.id}/reject`);
      assert.equal(no.json().status, 'rejected');
      assert.equal((await post(organiser.cookie, `/api/v1/registrations/${rc.id}/approve`)).statusCode, 409);
      const retry = await register(c.cookie, ev.slug);
      assert.equal(retry.statusCode, 409);
      assert.equal(retry.json().error.details.reason, 'rejected');
      assert.deepEqual(await mails(a.id), ['registration_pending', 'registration_approved']);
      assert.deepEqual(await mails(b.id), ['registration_pending', 'registration_waitlisted']);
      assert.deepEqual(await mails(c.id), ['registration_pending', 'registration_rejected']);
      // The approved participant cancels: the approved-but-waiting one takes the seat.
      await post(a.cookie, `/api/v1/registrations/${ra.id}/cancel`);
      const moved = await t.request({
        method: 'GET',
        url: `/api/v1/registrations/${rb.id}`,
        cookie: b.cookie,
      });
      assert.equal(moved.json().status, 'confirmed');
    });

    test('refused: drafts, cancelled and past events, outside the window', async () => {
      const db = t.database.db;
      const u = await t.user();
      const day = 86_400_000;
      const cases = [
        [await registrationEvent(db, { status: 'cancelled' }), 'cancelled'],
        [await registrationEvent(db, { startsInDays: -3 }), 'past'],
        [await registrationEvent(db, { opensAt: new Date(Date.now() + day) }), 'not_yet_open'],
        [await registrationEvent(db, { closesAt: new Date(Date.now() - day) }), 'closed'],
      ] as const;
      for (const [ev, reason] of cases) {
        const res = await register(u.cookie, ev.slug);
        assert.equal(res.statusCode, 409, `${reason}: ${res.body}`);
        assert.equal(res.json().error.details.reason, reason);
        const state = await t.request({ method: 'GET', url: `/api/v1/events/${ev.slug}/registration` });
        assert.equal(state.json().event.open, false);
        assert.equal(state.json().event.closedReason, reason);
      }
      const draft = await registrationEvent(db, { status: 'draft', organiserId: organiser.id });
      assert.equal((await register(u.cookie, draft.slug)).statusCode, 404);
      const own = await register(organiser.cookie, draft.slug);
      assert.equal(own.statusCode, 409);
      assert.equal(own.json().error.details.reason, 'draft');
      const open = await registrationEvent(db, {
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + day),
      });
      assert.equal((await register(u.cookie, open.slug)).statusCode, 201);
      assert.equal((await register('', open.slug)).statusCode, 401);
      const bad = await register(u.cookie, open.slug, { ...BASIC, category: 'alien', countryCode: 'Italy' });
      assert.equal(bad.statusCode, 400);
    });

    test('organisation from the directory or a new draft; the person of the account', async () => {
      const db = t.database.db;
      const ev = await registrationEvent(db, { organiserId: organiser.id });
      const afil = await db
        .selectFrom('organisations')
        .select('id')
        .where('slug', '=', 'afil')
        .executeTakeFirstOrThrow();
      const u = await t.user({ name: 'Paola Rossi' });
      const res = await register(u.cookie, ev.slug, {
        ...BASIC,
        category: 'startup',
        jobTitle: 'CEO',
        newOrganisation: { name: 'Robotica Nuova', type: 'startup' },
        consentPhotos: true,
      });
      assert.equal(res.statusCode, 201, res.body);
      const reg = res.json();
      assert.equal(reg.organisation.name, 'Robotica Nuova');
      assert.equal(reg.organisation.status, 'draft');
      assert.ok(reg.consentContactAt && reg.consentPhotosAt);
      const person = await db.selectFrom('people').selectAll().where('user_id', '=', u.id).execute();
      assert.equal(person.length, 1);
      assert.equal(person[0]!.full_name, 'Paola Rossi');
      assert.equal(reg.person.id, person[0]!.id);
      // The creator administers the draft (the directory's own rule for new profiles).
      const role = await db
        .selectFrom('organisation_users')
        .select('role')
        .where('organisation_id', '=', reg.organisation.id)
        .where('user_id', '=', u.id)
        .executeTakeFirst();
      assert.equal(role?.role, 'admin');

      // A second event: the same person is reused; the organisation picked from the directory.
      const ev2 = await registrationEvent(db);
      const res2 = await register(u.cookie, ev2.slug, { ...BASIC, organisationId: afil.id });
      assert.equal(res2.json().person.id, person[0]!.id);
      assert.equal(res2.json().organisation.id, afil.id);
      const both = await register(u.cookie, ev2.slug, {
        ...BASIC,
        organisationId: afil.id,
        newOrganisation: { name: 'X Co', type: 'company' },
      });
      assert.equal(both.statusCode, 400);
      const unknown = await register((await t.user()).cookie, ev2.slug, {
        ...BASIC,
        organisationId: '00000000-0000-4000-8000-000000000000',
      });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.details.fields[0].field, 'body.organisationId');

      // The participant changes consents; withdrawing clears the time, giving again sets a new one.
      const off = await t.request({
        method: 'PATCH',
        url: `/api/v1/registrations/${reg.id}`,
        cookie: u.cookie,
        payload: { consentContact: false, jobTitle: 'Founder' },
      });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().consentContactAt, null);
      assert.equal(off.json().consentPhotosAt, reg.consentPhotosAt);
      assert.equal(off.json().jobTitle, 'Founder');
    });

    test('permissions: own registration only; organisers see and manage all', async () => {
      const ev = await registrationEvent(t.database.db, { organiserId: organiser.id });
      const [p, other] = [await t.user(), await t.user()];
      const reg = (await register(p.cookie, ev.slug)).json();
      const get = (cookie: string, url: string) => t.request({ method: 'GET', url, cookie });
      assert.equal((await get(other.cookie, `/api/v1/registrations/${reg.id}`)).statusCode, 404);
      assert.equal((await get('', `/api/v1/registrations/${reg.id}`)).statusCode, 401);
      assert.equal((await get(organiser.cookie, `/api/v1/registrations/${reg.id}`)).statusCode, 200);
      assert.equal((await post(other.cookie, `/api/v1/registrations/${reg.id}/cancel`)).statusCode, 404);
      assert.equal((await get(p.cookie, `/api/v1/events/${ev.slug}/registrations`)).statusCode, 403);
      assert.equal(
        (await get(p.cookie, `/api/v1/events/${ev.slug}/registrations/export.csv`)).statusCode,
        403,
      );
      const patch = await t.request({
        method: 'PATCH',
        url: `/api/v1/registrations/${reg.id}`,
        cookie: organiser.cookie,
        payload: { consentContact: true },
      });
      assert.equal(patch.statusCode, 403);
      // Another user's state shows only their own (absent) registration.
      const state = await get(other.cookie, `/api/v1/events/${ev.slug}/registration`);
      assert.equal(state.json().registration, null);
      assert.equal(state.json().event.canManage, false);
      const list = await get(organiser.cookie, `/api/v1/events/${ev.slug}/registrations?status=confirmed`);
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().total, 1);
      assert.equal(list.json().items[0].user.email, p.email);
      const admin = await t.user({ admin: true });
      assert.equal((await get(admin.cookie, `/api/v1/events/${ev.slug}/registrations`)).statusCode, 200);
      const settings = await t.request({
        method: 'PUT',
        url: `/api/v1/events/${ev.slug}/registration-settings`,
        cookie: p.cookie,
        payload: { capacity: 1 },
      });
      assert.equal(settings.statusCode, 403);
      const wrongWindow = await t.request({
        method: 'PUT',
        url: `/api/v1/events/${ev.slug}/registration-settings`,
        cookie: organiser.cookie,
        payload: {
          registrationOpensAt: '2030-02-01T00:00:00Z',
          registrationClosesAt: '2030-01-01T00:00:00Z',
        },
      });
      assert.equal(wrongWindow.statusCode, 400);
    });
  });
}
