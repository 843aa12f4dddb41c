/**
 * B2B teams by consent (issue 16): a profile names only an organisation the participant belongs to;
 * colleagues are users of the same organisation, invited, and booked only once they accept; anyone in a
 * meeting leaves it, and nobody removes anyone else.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { b2bEvent, organisation, register } from './b2b-fixtures.ts';

type U = { id: string; cookie: string; reg: string };

function assertError(res: LightMyRequestResponse, status: number, code?: string) {
  assert.equal(res.statusCode, status, res.body);
  if (code) assert.equal(res.json().error.code, code, res.body);
}

for (const backend of backends()) {
  describe(`B2B teams by consent (${backend})`, () => {
    let t: TestApp;
    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, who?: { cookie: string }, payload?: object) =>
      t.request({ method, url, ...(who ? { cookie: who.cookie } : {}), ...(payload ? { payload } : {}) });

    /**
     * An event where Anna and Carla are users of Alpha (Carla Anna's colleague), Bruno of Beta, and
     * Mallo registered "for Alpha" without belonging to it. Everyone opted in.
     */
    async function setUp(opts: Parameters<typeof b2bEvent>[1] = {}) {
      const db = t.database.db;
      const ev = await b2bEvent(db, opts);
      const organiser = await t.user({ name: 'Organiser' });
      await db
        .insertInto('event_members')
        .values({ event_id: ev.id, user_id: organiser.id, role: 'organiser' })
        .execute();
      const alpha = await organisation(db, 'Alpha Robotics');
      const beta = await organisation(db, 'Beta Foods');
      const base = `/api/v1/events/${ev.slug}/b2b`;
      const person = async (name: string, org: { id: string }, memberOf: { id: string } | null) => {
        const u = await t.user({ name });
        const reg = await register(db, ev.id, u.id, { organisationId: org.id });
        if (memberOf)
          await db
            .insertInto('organisation_users')
            .values({ organisation_id: memberOf.id, user_id: u.id, role: 'member' })
            .execute();
        const res = await call('PUT', `${base}/profile`, u, { offer: `${name} offers`, seek: 'Partners' });
        assert.equal(res.statusCode, 200, res.body);
        return { ...u, reg: reg.id } as U;
      };
      const anna = await person('Anna', alpha, alpha);
      const bruno = await person('Bruno', beta, beta);
      const carla = await person('Carla', alpha, alpha);
      const mallo = await person('Mallo', alpha, null);
      const ask = async (from: U, to: U, teamIds: string[] = []) => {
        const res = await call('POST', `${base}/requests`, from, { addresseeId: to.reg, teamIds });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const accept = (who: U, id: string, body: object = {}) =>
        call('POST', `${base}/requests/${id}/accept`, who, body);
      const answer = (who: { cookie: string }, id: string, a: 'accept' | 'decline') =>
        call('POST', `${base}/requests/${id}/team/${a}`, who);
      const leave = (who: { cookie: string }, id: string) =>
        call('POST', `${base}/requests/${id}/leave`, who);
      const meetings = async (who: U) => {
        const res = await call('GET', `${base}/meetings`, who);
        assert.equal(res.statusCode, 200, res.body);
        return res.json().items as { requestId: string; partners: { name: string }[] }[];
      };
      const requests = async (who: U) => (await call('GET', `${base}/requests`, who)).json();
      const mine = async (who: U) =>
        (await call('GET', base, who)).json().slots.map((s: { mine: string }) => s.mine) as string[];
      return {
        ev,
        organiser,
        alpha,
        beta,
        base,
        anna,
        bruno,
        carla,
        mallo,
        ask,
        accept,
        answer,
        leave,
        meetings,
        requests,
        mine,
      };
    }

    test('a profile names only an organisation its participant is a user of', async () => {
      const { base, anna, mallo, beta, alpha } = await setUp();
      const db = t.database.db;
      const put = (who: U, organisationId: string | null) =>
        call('PUT', `${base}/profile`, who, { offer: 'x', seek: 'y', organisationId });
      // Naming somebody else's organisation is refused, with a message that says why.
      const refused = await put(anna, beta.id);
      assertError(refused, 403, 'forbidden');
      assert.match(refused.json().error.message, /organisation you belong to/);
      assertError(await put(mallo, alpha.id), 403, 'forbidden');
      assert.equal((await put(anna, alpha.id)).statusCode, 200);
      // Without a choice the registration's organisation is kept only for one of its users.
      const stored = async (u: U) =>
        (
          await db
            .selectFrom('b2b_profiles')
            .select('organisation_id')
            .where('registration_id', '=', u.reg)
            .executeTakeFirstOrThrow()
        ).organisation_id;
      assert.equal(await stored(anna), alpha.id);
      assert.equal(await stored(mallo), null);
    });

    test('colleagues are users of the same organisation: a non-member is refused both ways', async () => {
      const { base, anna, bruno, carla, mallo, ask, accept } = await setUp();
      const refuse = async (res: LightMyRequestResponse, why: RegExp) => {
        assertError(res, 400, 'validation_failed');
        assert.match(res.json().error.message, why);
      };
      // Mallo registered "for Alpha" but is not one of its users: he cannot bring Anna along …
      await refuse(
        await call('POST', `${base}/requests`, mallo, { addresseeId: bruno.reg, teamIds: [anna.reg] }),
        /user of your B2B organisation/,
      );
      // … nor can Anna bring Mallo, nor Bruno (another organisation).
      for (const other of [mallo, bruno])
        await refuse(
          await call('POST', `${base}/requests`, anna, { addresseeId: bruno.reg, teamIds: [other.reg] }),
          /users of your organisation|confirmed participant/,
        );
      // The addressee's side: Bruno cannot bring Anna's colleague Carla.
      const id = await ask(anna, bruno);
      await refuse(await accept(bruno, id, { teamIds: [carla.reg] }), /users of your organisation/);
      // The colleagues offered are the organisation's other users only.
      const colleagues = (await call('GET', base, anna))
        .json()
        .me.colleagues.map((c: { name: string }) => c.name);
      assert.deepEqual(colleagues, ['Carla']);
      assert.deepEqual((await call('GET', base, mallo)).json().me.colleagues, []);
    });

    test('a colleague is not booked until they accept; then they are in the meeting, its agenda and slot', async () => {
      const s = await setUp({ mode: 'first_come' });
      const { anna, bruno, carla, ask, accept, answer, meetings, requests, mine, organiser, base } = s;
      const id = await ask(anna, bruno, [carla.reg]);
      const ok = await accept(bruno, id, { slot: s.ev.slotKeys[0] });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(
        ok.json().team.map((m: { name: string; status: string }) => [m.name, m.status]),
        [['Carla', 'pending']],
      );
      // Not booked: no meeting, the slot free, not a partner of the others, not on the table plan.
      assert.deepEqual(await meetings(carla), []);
      assert.deepEqual(await mine(carla), ['free', 'free']);
      assert.deepEqual(
        (await meetings(bruno))[0]!.partners.map((p) => p.name),
        ['Anna'],
      );
      const plan = async () =>
        (await call('GET', `${base}/table-plan`, organiser))
          .json()
          .slots.flatMap((x: { meetings: { participants: { name: string }[] }[] }) => x.meetings)
          .flatMap((m: { participants: { name: string }[] }) => m.participants.map((p) => p.name))
          .sort();
      assert.deepEqual(await plan(), ['Anna', 'Bruno']);
      // Carla sees the invitation, and only Carla answers it.
      const invitations = (await requests(carla)).team;
      assert.equal(invitations.length, 1);
      assert.equal(invitations[0].direction, 'team');
      assertError(await answer(anna, id, 'accept'), 403, 'forbidden');
      const yes = await answer(carla, id, 'accept');
      assert.equal(yes.statusCode, 200, yes.body);
      assert.equal(yes.json().team[0].status, 'accepted');
      assertError(await answer(carla, id, 'decline'), 409, 'conflict');
      assert.equal((await meetings(carla)).length, 1);
      assert.deepEqual(await mine(carla), ['meeting', 'free']);
      assert.deepEqual((await meetings(bruno))[0]!.partners.map((p) => p.name).sort(), ['Anna', 'Carla']);
      assert.deepEqual(await plan(), ['Anna', 'Bruno', 'Carla']);
    });

    test('declining keeps a colleague out of the meeting and the schedule; a declined invitation stays declined', async () => {
      const { anna, bruno, carla, ask, accept, answer, meetings, organiser, base } = await setUp();
      const id = await ask(anna, bruno, [carla.reg]);
      assert.equal((await answer(carla, id, 'decline')).statusCode, 200);
      assert.equal((await accept(bruno, id)).statusCode, 200);
      const run = (await call('POST', `${base}/schedule/preview`, organiser, {})).json();
      assert.equal(
        (await call('POST', `${base}/schedule/publish`, organiser, { runId: run.id })).statusCode,
        200,
      );
      assert.equal((await meetings(anna)).length, 1);
      assert.deepEqual(
        (await meetings(anna))[0]!.partners.map((p) => p.name),
        ['Bruno'],
      );
      assert.deepEqual(await meetings(carla), []);
      assertError(await answer(carla, id, 'accept'), 409, 'conflict');
    });

    test('the scheduler books a colleague only once they accepted; accepting later joins the published slot if free', async () => {
      const { anna, bruno, carla, ask, accept, answer, meetings, mine, organiser, base } = await setUp({
        slots: 2,
      });
      const id = await ask(anna, bruno, [carla.reg]);
      assert.equal((await accept(bruno, id)).statusCode, 200);
      const publish = async () => {
        const run = (await call('POST', `${base}/schedule/preview`, organiser, {})).json();
        const res = await call('POST', `${base}/schedule/publish`, organiser, { runId: run.id });
        assert.equal(res.statusCode, 200, res.body);
      };
      await publish();
      assert.deepEqual(await meetings(carla), [], 'pending: not scheduled');
      // Carla blocks the meeting's slot, so accepting is refused until she frees it.
      const slot = (await call('GET', base, anna))
        .json()
        .slots.find((x: { mine: string }) => x.mine === 'meeting');
      assert.equal((await call('PUT', `${base}/blocked`, carla, { slots: [slot.key] })).statusCode, 204);
      assertError(await answer(carla, id, 'accept'), 409, 'conflict');
      assert.equal((await call('PUT', `${base}/blocked`, carla, { slots: [] })).statusCode, 204);
      assert.equal((await answer(carla, id, 'accept')).statusCode, 200);
      assert.equal((await meetings(carla)).length, 1);
      assert.ok((await mine(carla)).includes('meeting'));
      // A new schedule keeps her in.
      await publish();
      assert.equal((await meetings(carla)).length, 1);
    });

    test('a colleague leaves and the meeting stays; a main party leaving frees the slot and the table', async () => {
      const s = await setUp({ mode: 'first_come', slots: 1, tables: 1 });
      const { anna, bruno, carla, mallo, ask, accept, answer, leave, meetings, requests, mine } = s;
      const slot = s.ev.slotKeys[0]!;
      const id = await ask(anna, bruno, [carla.reg]);
      assert.equal((await answer(carla, id, 'accept')).statusCode, 200);
      assert.equal((await accept(bruno, id, { slot })).statusCode, 200);
      assert.equal((await meetings(carla)).length, 1);
      // Nobody removes anyone else: an outsider learns nothing, organisers answer for nobody.
      assertError(await leave(mallo, id), 404, 'not_found');
      assertError(await leave(s.organiser, id), 403, 'forbidden');
      assertError(await answer(bruno, id, 'decline'), 403, 'forbidden');
      // Carla leaves: out of the meeting and the team; the meeting stays for Anna and Bruno.
      assert.equal((await leave(carla, id)).statusCode, 204);
      assert.deepEqual(await meetings(carla), []);
      assert.deepEqual(await mine(carla), ['free']);
      assert.deepEqual(
        (await meetings(anna))[0]!.partners.map((p) => p.name),
        ['Bruno'],
      );
      assert.deepEqual((await requests(anna)).outgoing[0].team, []);
      assertError(await leave(carla, id), 404, 'not_found');
      // Bruno (the addressee) leaves: the request is declined, the meeting gone, slot and table free.
      const other = await ask(carla, mallo);
      assertError(await accept(mallo, other, { slot }), 409, 'conflict');
      assert.equal((await leave(bruno, id)).statusCode, 204);
      assert.deepEqual(await meetings(anna), []);
      assert.deepEqual(await mine(anna), ['free']);
      assert.equal((await requests(anna)).outgoing[0].status, 'declined');
      assertError(await leave(anna, id), 409, 'conflict');
      assert.equal((await accept(mallo, other, { slot })).statusCode, 200, 'the table is free again');
      // The requester leaving withdraws.
      assert.equal((await leave(carla, other)).statusCode, 204);
      assert.equal((await requests(carla)).outgoing[0].status, 'withdrawn');
      assert.deepEqual(await meetings(mallo), []);
    });

    test('the database refuses to book a colleague who has not accepted', async () => {
      const s = await setUp({ mode: 'first_come' });
      const { anna, bruno, carla, ask, accept } = s;
      const id = await ask(anna, bruno, [carla.reg]);
      assert.equal((await accept(bruno, id, { slot: s.ev.slotKeys[0] })).statusCode, 200);
      const db = t.database.db;
      const meeting = await db
        .selectFrom('b2b_meetings')
        .select(['id', 'starts_at'])
        .where('request_id', '=', id)
        .executeTakeFirstOrThrow();
      await assert.rejects(
        db
          .insertInto('b2b_meeting_participants')
          .values({ meeting_id: meeting.id, registration_id: carla.reg, starts_at: meeting.starts_at })
          .execute(),
        (e: { code?: string }) => e.code === '23514',
      );
    });

    test('accepting an invitation and another meeting in the same slot at once: one wins, the other gets 409', async () => {
      const s = await setUp({ mode: 'first_come', slots: 1, tables: 3 });
      const { anna, bruno, carla, mallo, ask, accept, answer, meetings } = s;
      const slot = s.ev.slotKeys[0]!;
      const team = await ask(anna, bruno, [carla.reg]);
      assert.equal((await accept(bruno, team, { slot })).statusCode, 200);
      const direct = await ask(mallo, carla);
      const [a, b] = await Promise.all([answer(carla, team, 'accept'), accept(carla, direct, { slot })]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], `${a.body}\n${b.body}`);
      assert.ok([a, b].every((r) => r.statusCode === 200 || r.json().error.code === 'conflict'));
      assert.equal((await meetings(carla)).length, 1);
    });
  });
}
