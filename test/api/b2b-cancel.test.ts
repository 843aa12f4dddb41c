/** Leaving B2B: a cancelled registration frees partners and tables; opting out ends pending requests. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { b2bEvent, organisation, register } from './b2b-fixtures.ts';

for (const backend of backends()) {
  describe(`B2B after a cancelled registration (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    test('meetings, requests and the profile of a cancelled registration end; the slot is free again', async () => {
      const db = t.database.db;
      const ev = await b2bEvent(db, { mode: 'first_come', tables: 1, slots: 1 });
      const org = await organisation(db, 'Gamma Systems');
      const people = [];
      for (const name of ['Anna', 'Bruno', 'Carla']) {
        const u = await t.user({ name });
        const reg = await register(db, ev.id, u.id, { organisationId: org.id });
        const res = await t.request({
          method: 'PUT',
          url: `/api/v1/events/${ev.slug}/b2b/profile`,
          cookie: u.cookie,
          payload: { offer: 'Robots', seek: 'Partners' },
        });
        assert.equal(res.statusCode, 200, res.body);
        people.push({ ...u, reg: reg.id });
      }
      const [a, b, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
      const base = `/api/v1/events/${ev.slug}/b2b`;
      const ask = async (from: typeof a, to: typeof a) => {
        const res = await t.request({
          method: 'POST',
          url: `${base}/requests`,
          cookie: from.cookie,
          payload: { addresseeId: to.reg, message: 'Hello' },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const accept = (who: typeof a, id: string) =>
        t.request({
          method: 'POST',
          url: `${base}/requests/${id}/accept`,
          cookie: who.cookie,
          payload: { slot: ev.slotKeys[0] },
        });
      const ab = await ask(a, b);
      assert.equal((await accept(b, ab)).statusCode, 200);
      const cb = await ask(c, b);
      // One table, one slot: the second meeting does not fit while the first holds it.
      assert.notEqual((await accept(b, cb)).statusCode, 200);

      const cancelled = await t.request({
        method: 'POST',
        url: `/api/v1/registrations/${a.reg}/cancel`,
        cookie: a.cookie,
      });
      assert.equal(cancelled.statusCode, 200, cancelled.body);

      const meetingsOfB = (
        await t.request({ method: 'GET', url: `${base}/meetings`, cookie: b.cookie })
      ).json();
      assert.equal(meetingsOfB.items.length, 0, JSON.stringify(meetingsOfB));
      const request = await db
        .selectFrom('b2b_requests')
        .select('status')
        .where('id', '=', ab)
        .executeTakeFirst();
      assert.equal(request?.status, 'withdrawn');
      const profile = await db
        .selectFrom('b2b_profiles')
        .select('active')
        .where('registration_id', '=', a.reg)
        .executeTakeFirst();
      assert.equal(profile?.active, false);
      // The table and B's slot are free again.
      const retry = await accept(b, cb);
      assert.equal(retry.statusCode, 200, retry.body);
    });

    test('only colleagues who opted in can be brought into a meeting', async () => {
      const db = t.database.db;
      const ev = await b2bEvent(db, { mode: 'first_come' });
      const org = await organisation(db, 'Delta Labs');
      const other = await organisation(db, 'Epsilon Foods');
      const asker = await t.user({ name: 'Asker' });
      const shy = await t.user({ name: 'Shy colleague' });
      const partner = await t.user({ name: 'Partner' });
      const askerReg = await register(db, ev.id, asker.id, { organisationId: org.id });
      const shyReg = await register(db, ev.id, shy.id, { organisationId: org.id });
      const partnerReg = await register(db, ev.id, partner.id, { organisationId: other.id });
      for (const u of [asker, partner]) {
        const res = await t.request({
          method: 'PUT',
          url: `/api/v1/events/${ev.slug}/b2b/profile`,
          cookie: u.cookie,
          payload: { offer: 'x', seek: 'y' },
        });
        assert.equal(res.statusCode, 200, res.body);
      }
      const ask = (teamIds: string[]) =>
        t.request({
          method: 'POST',
          url: `/api/v1/events/${ev.slug}/b2b/requests`,
          cookie: asker.cookie,
          payload: { addresseeId: partnerReg.id, teamIds },
        });
      const refused = await ask([shyReg.id]);
      assert.equal(refused.statusCode, 400, refused.body);
      const overview = await t.request({
        method: 'GET',
        url: `/api/v1/events/${ev.slug}/b2b`,
        cookie: asker.cookie,
      });
      assert.ok(!overview.body.includes('Shy colleague'), 'a colleague who did not opt in is not listed');
      const ok = await ask([]);
      assert.equal(ok.statusCode, 201, ok.body);
      assert.ok(askerReg.id);
    });

    test('opting out ends pending requests both ways and keeps accepted meetings', async () => {
      const db = t.database.db;
      const ev = await b2bEvent(db, { mode: 'first_come', tables: 2, slots: 2 });
      const org = await organisation(db, 'Zeta Works');
      const people = [];
      for (const name of ['Ada', 'Ben', 'Cleo', 'Dan']) {
        const u = await t.user({ name });
        const reg = await register(db, ev.id, u.id, { organisationId: org.id });
        const res = await t.request({
          method: 'PUT',
          url: `/api/v1/events/${ev.slug}/b2b/profile`,
          cookie: u.cookie,
          payload: { offer: 'x', seek: 'y' },
        });
        assert.equal(res.statusCode, 200, res.body);
        people.push({ ...u, reg: reg.id });
      }
      const [a, b, c, d] = people as [
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
        (typeof people)[0],
      ];
      const base = `/api/v1/events/${ev.slug}/b2b`;
      const ask = async (from: typeof a, to: typeof a) => {
        const res = await t.request({
          method: 'POST',
          url: `${base}/requests`,
          cookie: from.cookie,
          payload: { addresseeId: to.reg },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const asked = await ask(a, b);
      const askedBy = await ask(c, a);
      const agreed = await ask(a, d);
      const accepted = await t.request({
        method: 'POST',
        url: `${base}/requests/${agreed}/accept`,
        cookie: d.cookie,
        payload: { slot: ev.slotKeys[0] },
      });
      assert.equal(accepted.statusCode, 200, accepted.body);
      const out = await t.request({ method: 'DELETE', url: `${base}/profile`, cookie: a.cookie });
      assert.ok(out.statusCode < 300, out.body);
      const status = async (id: string) =>
        (await db.selectFrom('b2b_requests').select('status').where('id', '=', id).executeTakeFirstOrThrow())
          .status;
      assert.equal(await status(asked), 'withdrawn');
      assert.equal(await status(askedBy), 'declined');
      assert.equal(await status(agreed), 'accepted');
      const meetingsOfD = (
        await t.request({ method: 'GET', url: `${base}/meetings`, cookie: d.cookie })
      ).json();
      assert.equal(meetingsOfD.items.length, 1);
    });
  });
}
