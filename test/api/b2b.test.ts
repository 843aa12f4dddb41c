/** B2B matchmaking: opt-in and browsing, requests, both modes, blocking, scheduling, outcomes, exports. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { b2bCalendarItems } from '../../src/features/matchmaking/meetings.service.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { b2bEvent, organisation, register } from './b2b-fixtures.ts';

type U = { id: string; cookie: string; reg: string };

function assertError(res: LightMyRequestResponse, status: number, code?: string) {
  assert.equal(res.statusCode, status, res.body);
  if (code) assert.equal(res.json().error.code, code, res.body);
}

for (const backend of backends()) {
  describe(`B2B meetings (${backend})`, () => {
    let t: TestApp;
    const call = (
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      who?: { cookie: string },
      payload?: object,
    ) => t.request({ method, url, ...(who ? { cookie: who.cookie } : {}), ...(payload ? { payload } : {}) });

    /** An event with an organiser and participants (all opted in unless `optIn` is false). */
    async function setUp(opts: Parameters<typeof b2bEvent>[1] & { people?: number; optIn?: boolean } = {}) {
      const db = t.database.db;
      const ev = await b2bEvent(db, opts);
      const organiser = await t.user({ name: 'Organiser' });
      await db
        .insertInto('event_members')
        .values({ event_id: ev.id, user_id: organiser.id, role: 'organiser' })
        .execute();
      const orgA = await organisation(db, 'Alpha Robotics', 'IT', ['digital', 'mobility']);
      const orgB = await organisation(db, 'Beta Foods', 'ES', ['agri-food']);
      const people: U[] = [];
      for (let i = 0; i < (opts.people ?? 3); i++) {
        const u = await t.user({ name: `Person ${String.fromCharCode(65 + i)}` });
        const reg = await register(db, ev.id, u.id, {
          organisationId: i % 2 === 0 ? orgA.id : orgB.id,
          category: i === 1 ? 'startup' : 'company',
          consent: i === 1,
        });
        people.push({ ...u, reg: reg.id });
        if (opts.optIn !== false) {
          const res = await call('PUT', `/api/v1/events/${ev.slug}/b2b/profile`, u, {
            offer: `Offer ${i} robots`,
            seek: `Seek ${i}`,
          });
          assert.equal(res.statusCode, 200, res.body);
        }
      }
      const base = `/api/v1/events/${ev.slug}/b2b`;
      const ask = async (from: U, to: U, body: object = {}) => {
        const res = await call('POST', `${base}/requests`, from, {
          addresseeId: to.reg,
          message: 'Hello',
          ...body,
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const accept = (who: { cookie: string }, id: string, body: object = {}) =>
        call('POST', `${base}/requests/${id}/accept`, who, body);
      return { ev, organiser, people, orgA, orgB, base, ask, accept };
    }

    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    test('confirmed participants opt in and browse with filters; others are refused', async () => {
      const { ev, people, base, organiser } = await setUp({ optIn: false });
      const [a, b, c] = people as [U, U, U];
      const waiting = await t.user({ name: 'Waiting' });
      await register(t.database.db, ev.id, waiting.id, { status: 'waitlisted' });
      assertError(await call('PUT', `${base}/profile`, waiting, { offer: 'x' }), 403, 'forbidden');
      assertError(await call('GET', `${base}/participants`, waiting), 403, 'forbidden');
      assertError(await call('GET', `${base}/participants`), 401, 'unauthenticated');
      for (const [u, offer] of [
        [a, 'Collaborative robots'],
        [b, 'Plant-based snacks'],
      ] as const) {
        const res = await call('PUT', `${base}/profile`, u, { offer, seek: 'Partners' });
        assert.equal(res.statusCode, 200, res.body);
      }
      const list = async (q: string, who: { cookie: string } = c) => {
        const res = await call('GET', `${base}/participants${q}`, who);
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      const all = await list('');
      assert.deepEqual(all.items.map((p: { name: string }) => p.name).sort(), ['Person A', 'Person B']);
      assert.deepEqual(all.facets.countries, ['ES', 'IT']);
      assert.equal((await list('?category=startup')).items[0].name, 'Person B');
      assert.equal((await list('?country=IT')).items[0].name, 'Person A');
      assert.equal((await list('?ecosystem=agri-food')).items[0].name, 'Person B');
      assert.equal((await list('?q=robots')).items[0].name, 'Person A');
      assert.equal((await list('?q=beta')).items[0].name, 'Person B');
      assert.equal((await list('', organiser)).total, 2, 'organisers browse too');
      // Opting out removes one from the list.
      assert.equal((await call('DELETE', `${base}/profile`, b)).statusCode, 204);
      assert.equal((await list('')).total, 1);
      const overview = (await call('GET', base, a)).json();
      assert.equal(overview.me.optedIn, true);
      assert.equal(overview.slots.length, 2);
      assert.equal(overview.slots[0].mine, 'free');
    });

    test('requests: only opted-in participants ask and are asked; answers and withdrawals by the right side', async () => {
      const { people, base, ask, accept, organiser } = await setUp();
      const [a, b, c] = people as [U, U, U];
      const outsider = await t.user({ name: 'Outsider' });
      assertError(await call('POST', `${base}/requests`, outsider, { addresseeId: b.reg }), 403, 'forbidden');
      assertError(
        await call('POST', `${base}/requests`, a, { addresseeId: a.reg }),
        400,
        'validation_failed',
      );
      const id = await ask(a, b);
      assertError(await call('POST', `${base}/requests`, a, { addresseeId: b.reg }), 409, 'conflict');
      assertError(await call('POST', `${base}/requests`, b, { addresseeId: a.reg }), 409, 'conflict');
      assertError(await accept(a, id), 403, 'forbidden');
      assertError(await accept(c, id), 404, 'not_found');
      assertError(await accept(organiser, id), 403, 'forbidden');
      assertError(await call('POST', `${base}/requests/${id}/withdraw`, b), 403, 'forbidden');
      const incoming = (await call('GET', `${base}/requests`, b)).json().incoming;
      assert.equal(incoming.length, 1);
      assert.equal(incoming[0].requester.name, 'Person A');
      assert.equal(incoming[0].message, 'Hello');
      assert.equal((await call('GET', `${base}/requests`, c)).json().incoming.length, 0, 'C sees nothing');
      const ok = await accept(b, id);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().status, 'accepted');
      assert.equal(ok.json().meeting, null, 'scheduler mode: no slot until published');
      assertError(await call('POST', `${base}/requests/${id}/decline`, b), 409, 'conflict');
      const w = await call('POST', `${base}/requests/${id}/withdraw`, a);
      assert.equal(w.json().status, 'withdrawn');
      // Declining.
      const id2 = await ask(c, b);
      assert.equal((await call('POST', `${base}/requests/${id2}/decline`, b)).json().status, 'declined');
      // Expiry: an expired request reads as expired and cannot be accepted.
      assertError(
        await call('POST', `${base}/requests`, a, { addresseeId: c.reg, expiresAt: '2020-01-01T00:00:00Z' }),
        400,
      );
      const id3 = await ask(a, c, { expiresAt: new Date(Date.now() + 3600_000).toISOString() });
      await t.database.db
        .updateTable('b2b_requests')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', id3)
        .execute();
      assertError(await accept(c, id3), 409, 'conflict');
      const out = (await call('GET', `${base}/requests`, a)).json().outgoing;
      assert.equal(out.find((r: { id: string }) => r.id === id3).status, 'expired');
    });

    test('first come: the acceptor picks a free common slot, a table is assigned; blocked and agenda slots are not offered', async () => {
      const { ev, people, base, ask, accept, organiser } = await setUp({
        mode: 'first_come',
        tables: 1,
        people: 4,
      });
      const [a, b, c, d] = people as [U, U, U, U];
      const [s1, s2] = ev.slotKeys as [string, string];
      // C speaks in a session overlapping the first slot: that slot is taken by the agenda.
      const db = t.database.db;
      const person = await db
        .insertInto('people')
        .values({ slug: `b2b-speaker-${c.reg}`, full_name: 'Person C' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.updateTable('registrations').set({ person_id: person.id }).where('id', '=', c.reg).execute();
      const panel = await db
        .insertInto('event_sessions')
        .values({
          event_id: ev.id,
          type: 'panel',
          title: 'Panel',
          starts_at: s1.split('@')[1]!,
          ends_at: new Date(Date.parse(s1.split('@')[1]!) + 20 * 60_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('session_people')
        .values({ session_id: panel.id, person_id: person.id, role: 'speaker' })
        .execute();
      const mine = (await call('GET', base, c)).json().slots.map((s: { mine: string }) => s.mine);
      assert.deepEqual(mine, ['agenda', 'free']);
      // D blocks the second slot by hand.
      assert.equal((await call('PUT', `${base}/blocked`, d, { slots: [s2] })).statusCode, 204);
      assertError(await call('PUT', `${base}/blocked`, d, { slots: ['x'] }), 400);

      const ac = await ask(a, c);
      const incoming = (await call('GET', `${base}/requests`, c)).json().incoming[0];
      assert.deepEqual(incoming.freeSlots, [s2]);
      assertError(await accept(c, ac), 400, 'validation_failed');
      assertError(await accept(c, ac, { slot: s1 }), 409, 'conflict');
      const ok = await accept(c, ac, { slot: s2 });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().meeting.table, 1);
      // The only table of s2 is taken: B and D cannot meet there (D has blocked it anyway), nor in s2 at all.
      const bd = await ask(b, d);
      assert.deepEqual((await call('GET', `${base}/requests`, d)).json().incoming[0].freeSlots, [s1]);
      assertError(await accept(d, bd, { slot: s2 }), 409, 'conflict');
      assert.equal((await accept(d, bd, { slot: s1 })).statusCode, 200);
      // A third meeting in s1 finds no table.
      const ab = await ask(a, b);
      assertError(await accept(b, ab, { slot: s1 }), 409, 'conflict');
      // Blocking a slot with a meeting is refused.
      assertError(await call('PUT', `${base}/blocked`, c, { slots: [s2] }), 400);
      // Mode: only organisers switch.
      assertError(await call('PUT', `${base}/settings`, a, { mode: 'scheduler' }), 403);
      assert.equal((await call('PUT', `${base}/settings`, organiser, { mode: 'scheduler' })).statusCode, 204);
      const meetings = (await call('GET', `${base}/meetings`, a)).json();
      assert.equal(meetings.items.length, 1);
      assert.equal(meetings.items[0].partners[0].name, 'Person C');
      assert.equal(meetings.timeZone, 'Europe/Rome');
    });

    test('scheduler: preview is private, publish shows meetings, re-runs keep published meetings unless moves are allowed', async () => {
      const { people, base, ask, accept, organiser } = await setUp({ tables: 1, slots: 2, people: 3 });
      const [a, b, c] = people as [U, U, U];
      for (const [x, y] of [
        [a, b],
        [a, c],
        [b, c],
      ] as [U, U][])
        assert.equal((await accept(y, await ask(x, y))).statusCode, 200);
      assertError(await call('POST', `${base}/schedule/preview`, a, {}), 403, 'forbidden');
      assertError(await call('GET', `${base}/dashboard`, a), 403, 'forbidden');
      const pre = await call('POST', `${base}/schedule/preview`, organiser, {});
      assert.equal(pre.statusCode, 200, pre.body);
      const run = pre.json();
      // A triangle in two one-table slots: two meetings fit, and the bound proves it.
      assert.equal(run.stats.scheduled, 2);
      assert.equal(run.stats.upperBound, 2);
      assert.equal(run.unscheduled.length, 1);
      assert.ok(run.unscheduled[0].reason.length > 0);
      assert.equal(run.unscheduled[0].participants.length, 2);
      assert.equal(run.publishedAt, null);
      assert.equal(
        (await call('GET', `${base}/meetings`, a)).json().items.length +
          (await call('GET', `${base}/meetings`, b)).json().items.length,
        0,
        'nothing visible before publishing',
      );
      const pub = await call('POST', `${base}/schedule/publish`, organiser, { runId: run.id });
      assert.equal(pub.statusCode, 200, pub.body);
      assertError(await call('POST', `${base}/schedule/publish`, organiser, { runId: run.id }), 409);
      const counts = await Promise.all(
        [a, b, c].map(async (u) => (await call('GET', `${base}/meetings`, u)).json().items.length),
      );
      assert.equal(
        counts.reduce((x, y) => x + y, 0),
        4,
        'two meetings of two people',
      );
      const before = (await call('GET', `${base}/table-plan`, organiser)).json();
      assert.equal(before.slots.flatMap((s: { meetings: unknown[] }) => s.meetings).length, 2);
      // A new run keeps the published meetings pinned.
      const again = (await call('POST', `${base}/schedule/preview`, organiser, {})).json();
      assert.equal(again.stats.pinned, 2);
      assert.equal(again.stats.moved, 0);
      // A change after the preview makes it stale: publishing is refused.
      const d = await t.user({ name: 'Late' });
      const ev = (await call('GET', base, a)).json().event;
      const reg = await register(t.database.db, ev.id, d.id);
      await call('PUT', `${base}/profile`, d, { offer: 'x' });
      const late = { ...d, reg: reg.id };
      await accept(late, await ask(a, late));
      assertError(
        await call('POST', `${base}/schedule/publish`, organiser, { runId: again.id }),
        409,
        'conflict',
      );
      const dash = (await call('GET', `${base}/dashboard`, organiser)).json();
      assert.equal(dash.lastRun.stale, true);
      assert.equal(dash.requests.accepted, 4);
      assert.equal(dash.scheduled, 2);
      assert.equal(dash.unscheduled.length, 2);
      assert.ok(dash.withoutMeetings.some((p: { name: string }) => p.name === 'Late'));
      assert.equal(dash.load[0].scheduled, 2, 'one of the triangle meets both others');
      // With moves allowed, nothing is pinned.
      const moving = (await call('POST', `${base}/schedule/preview`, organiser, { allowMoves: true })).json();
      assert.equal(moving.stats.pinned, 0);
      const pdf = await call('GET', `${base}/table-plan.pdf`, organiser);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = (await pdfPages(pdf.rawPayload)).join(' ');
      assert.match(text, /Table 1/);
      assertError(await call('GET', `${base}/table-plan`, a), 403);
    });

    test('teams: colleagues of the same organisation join; meetings, outcomes, PDF and calendar items', async () => {
      const { ev, people, base, ask, accept, organiser } = await setUp({
        people: 3,
        start: '2024-03-26T13:00:00Z',
      });
      const [a, b, c] = people as [U, U, U];
      // A and C are colleagues (users of Alpha Robotics); B is not.
      const orgA = (await call('GET', base, a)).json().me.profile.organisation.id;
      await t.database.db
        .insertInto('organisation_users')
        .values([a, c].map((u) => ({ organisation_id: orgA, user_id: u.id, role: 'member' as const })))
        .execute();
      assertError(await call('POST', `${base}/requests`, a, { addresseeId: b.reg, teamIds: [b.reg] }), 400);
      const id = await ask(a, b, { teamIds: [c.reg] });
      assert.equal((await accept(b, id)).statusCode, 200);
      // C is invited, and in the meeting once they accept.
      const invite = await call('POST', `${base}/requests/${id}/team/accept`, c);
      assert.equal(invite.statusCode, 200, invite.body);
      const run = (await call('POST', `${base}/schedule/preview`, organiser, {})).json();
      assert.equal(run.stats.scheduled, 1);
      await call('POST', `${base}/schedule/publish`, organiser, { runId: run.id });
      const forC = (await call('GET', `${base}/meetings`, c)).json().items;
      assert.equal(forC.length, 1);
      assert.deepEqual(forC[0].partners.map((p: { name: string }) => p.name).sort(), [
        'Person A',
        'Person B',
      ]);
      // B consented to share contact details, A did not.
      const forA = (await call('GET', `${base}/meetings`, a)).json().items[0];
      assert.ok(forA.partners.find((p: { name: string }) => p.name === 'Person B').email);
      assert.equal(forA.partners.find((p: { name: string }) => p.name === 'Person C').email, null);
      assert.equal(forA.outcomeOpen, true);
      // Outcomes: people in the meeting only.
      const outsider = await t.user();
      const reg = await register(t.database.db, ev.id, outsider.id);
      void reg;
      assertError(await call('PUT', `${base}/requests/${id}/outcome`, outsider, { outcome: 'held' }), 404);
      const o1 = await call('PUT', `${base}/requests/${id}/outcome`, a, {
        outcome: 'follow_up',
        note: 'Call in May',
      });
      assert.equal(o1.statusCode, 200, o1.body);
      assert.equal(o1.json().myOutcome, 'follow_up');
      await call('PUT', `${base}/requests/${id}/outcome`, b, { outcome: 'cooperation' });
      const dash = (await call('GET', `${base}/dashboard`, organiser)).json();
      assert.deepEqual(dash.outcomes, { held: 0, no_show: 0, follow_up: 1, cooperation: 1 });
      // The PDF lists the meeting with its table and partners.
      const pdf = await call('GET', `${base}/meetings.pdf`, c);
      assert.equal(pdf.statusCode, 200);
      const text = (await pdfPages(pdf.rawPayload)).join(' ');
      assert.match(text, /Person B/);
      assert.match(text, /Table 1/);
      // The calendar items of the personal feed.
      const items = await b2bCalendarItems(t.database.db, {
        id: c.reg,
        eventId: ev.id,
        status: 'confirmed',
        locale: 'en',
      });
      assert.equal(items.length, 1);
      assert.match(items[0]!.location ?? '', /Table 1/);
      assert.equal(items[0]!.startsAt, '2024-03-26T13:00:00.000Z');
      assert.match(items[0]!.description ?? '', /Person A/);
    });

    test('an outcome waits until the meeting has started', async () => {
      const { ev, people, base, ask, accept } = await setUp({ mode: 'first_come', people: 2 });
      const [a, b] = people as [U, U];
      const id = await ask(a, b);
      assert.equal((await accept(b, id, { slot: ev.slotKeys[0] })).statusCode, 200);
      assertError(
        await call('PUT', `${base}/requests/${id}/outcome`, a, { outcome: 'held' }),
        409,
        'conflict',
      );
    });

    (backend === 'postgres' ? test : () => {})(
      'concurrent accepts into one slot never double-book a participant nor exceed its tables',
      async () => {
        // Same participant: B accepts ten requests into one slot at once (plenty of tables).
        const one = await setUp({ mode: 'first_come', tables: 20, people: 11 });
        const [b, ...others] = one.people as [U, ...U[]];
        const ids = await Promise.all(others.map((o) => one.ask(o, b)));
        const slot = one.ev.slotKeys[0]!;
        const results = await Promise.all(ids.map((id) => one.accept(b, id, { slot })));
        assert.equal(
          results.filter((r) => r.statusCode === 200).length,
          1,
          results.map((r) => r.body).join('\n'),
        );
        assert.ok(results.every((r) => r.statusCode === 200 || r.statusCode === 409));
        // Different pairs, one table: ten pairs accept into the same slot at once.
        const two = await setUp({ mode: 'first_come', tables: 1, people: 20 });
        const pairs = Array.from(
          { length: 10 },
          (_, i) => [two.people[2 * i]!, two.people[2 * i + 1]!] as const,
        );
        const reqs = await Promise.all(pairs.map(([x, y]) => two.ask(x, y)));
        const slot2 = two.ev.slotKeys[1]!;
        const res2 = await Promise.all(reqs.map((id, i) => two.accept(pairs[i]![1], id, { slot: slot2 })));
        assert.equal(res2.filter((r) => r.statusCode === 200).length, 1, res2.map((r) => r.body).join('\n'));
        const db = t.database.db;
        for (const ev of [one.ev, two.ev]) {
          const rows = await db
            .selectFrom('b2b_meetings')
            .select(['starts_at', 'table_no'])
            .where('event_id', '=', ev.id)
            .execute();
          assert.equal(rows.length, 1);
        }
      },
    );
  });
}
