/**
 * B2B meetings over time (issue 16): parallel B2B sessions with different slot lengths, re-cut sessions,
 * and the scheduler over rooms × tables. Nobody and no table is ever in two meetings at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { b2bRepo } from '../../src/features/matchmaking/b2b.repo.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { b2bEvent, organisation, register } from './b2b-fixtures.ts';

type U = { id: string; cookie: string; reg: string };
const START = '2031-05-06T13:00:00.000Z';
const at = (min: number) => new Date(Date.parse(START) + min * 60_000).toISOString();

function assertError(res: LightMyRequestResponse, status: number, code?: string) {
  assert.equal(res.statusCode, status, res.body);
  if (code) assert.equal(res.json().error.code, code, res.body);
}

for (const backend of backends()) {
  describe(`B2B meetings over time (${backend})`, () => {
    let t: TestApp;
    const call = (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      who?: { cookie: string },
      payload?: object,
    ) => t.request({ method, url, ...(who ? { cookie: who.cookie } : {}), ...(payload ? { payload } : {}) });

    /**
     * An event with a 13:00–14:00 B2B session in 30-minute slots ("A") and, in parallel, `parallel`
     * more sessions of the same hour: [slot minutes, tables] each.
     */
    async function setUp(opts: {
      mode: 'first_come' | 'scheduler';
      tables?: number;
      parallel?: [number, number][];
      people?: number;
    }) {
      const db = t.database.db;
      const ev = await b2bEvent(db, { mode: opts.mode, start: START, slots: 2, tables: opts.tables ?? 2 });
      const sessions = [ev.sessionId];
      for (const [i, [minutes, tables]] of (opts.parallel ?? []).entries()) {
        const s = await db
          .insertInto('event_sessions')
          .values({
            event_id: ev.id,
            type: 'b2b',
            title: `Parallel B2B ${i + 1}`,
            starts_at: START,
            ends_at: at(60),
            room: `Room ${i + 2}`,
            b2b_slot_minutes: minutes,
            b2b_tables: tables,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        sessions.push(s.id);
      }
      const organiser = await t.user({ name: 'Organiser' });
      await db
        .insertInto('event_members')
        .values({ event_id: ev.id, user_id: organiser.id, role: 'organiser' })
        .execute();
      const org = await organisation(db, 'Gamma Labs');
      const people: U[] = [];
      for (let i = 0; i < (opts.people ?? 3); i++) {
        const u = await t.user({ name: `Person ${i}` });
        const reg = await register(db, ev.id, u.id, { organisationId: org.id });
        people.push({ ...u, reg: reg.id });
        const res = await call('PUT', `/api/v1/events/${ev.slug}/b2b/profile`, u, { offer: 'x', seek: 'y' });
        assert.equal(res.statusCode, 200, res.body);
      }
      const base = `/api/v1/events/${ev.slug}/b2b`;
      const ask = async (from: U, to: U) => {
        const res = await call('POST', `${base}/requests`, from, { addresseeId: to.reg, message: 'Hi' });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const accept = (who: U, id: string, slot?: string) =>
        call('POST', `${base}/requests/${id}/accept`, who, slot ? { slot } : {});
      const key = (session: number, min: number) => `${sessions[session]}@${at(min)}`;
      return { ev, sessions, organiser, people, base, ask, accept, key };
    }

    /** Pairs of meetings of one person, or at one table of a session, that overlap in time. */
    async function overlapsOf(eventId: string) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from b2b_meeting_participants a
        join b2b_meeting_participants b on a.registration_id = b.registration_id and a.meeting_id < b.meeting_id
        join b2b_meetings m on m.id = a.meeting_id
        where m.event_id = ${eventId}
          and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`.execute(t.database.db);
      return rows[0]!.n;
    }

    before(async () => {
      t = await testApp(backend);
    });
    after(() => t.close());

    test('first come: a meeting 13:00–13:30 takes the parallel 20-minute slots it overlaps', async () => {
      const { people, base, ask, accept, key } = await setUp({ mode: 'first_come', parallel: [[20, 2]] });
      const [a, b, c] = people as [U, U, U];
      assert.equal((await accept(a, await ask(b, a), key(0, 0))).statusCode, 200);
      const view = (await call('GET', base, a)).json();
      const mine = Object.fromEntries(view.slots.map((s: { key: string; mine: string }) => [s.key, s.mine]));
      assert.equal(mine[key(1, 0)], 'meeting', '13:00–13:20 overlaps');
      assert.equal(mine[key(1, 20)], 'meeting', '13:20–13:40 overlaps');
      assert.equal(mine[key(1, 40)], 'free');
      assert.equal(mine[key(0, 30)], 'free');
      const id = await ask(c, a);
      const incoming = (await call('GET', `${base}/requests`, a)).json().incoming;
      const offered = incoming.find((r: { id: string }) => r.id === id).freeSlots;
      assert.deepEqual(offered.sort(), [key(0, 30), key(1, 40)].sort());
      assertError(await accept(a, id, key(1, 20)), 409, 'conflict');
      assertError(await accept(a, id, key(1, 0)), 409, 'conflict');
      assert.equal((await accept(a, id, key(1, 40))).statusCode, 200);
      // Blocking a 30-minute slot by hand also blocks the parallel slot it overlaps.
      assert.equal((await call('PUT', `${base}/blocked`, c, { slots: [key(0, 0)] })).statusCode, 204);
      const cv = (await call('GET', base, c)).json();
      const cm = Object.fromEntries(cv.slots.map((s: { key: string; mine: string }) => [s.key, s.mine]));
      assert.equal(cm[key(1, 20)], 'blocked');
      assert.equal(cm[key(1, 40)], 'meeting');
      assert.equal(await overlapsOf(view.event.id), 0);
    });

    test('the database refuses a person or a table in two meetings at once, and meetings off the grid', async () => {
      const { ev, sessions, people, ask, accept, key } = await setUp({
        mode: 'first_come',
        parallel: [[20, 2]],
      });
      const [a, b, c] = people as [U, U, U];
      const first = await ask(b, a);
      assert.equal((await accept(a, first, key(0, 0))).statusCode, 200);
      const second = await ask(c, a);
      const repo = b2bRepo(t.database.db);
      // Each attempt in its own transaction, as the services write meetings.
      const meeting = (session: number, start: number, minutes: number, table: number, who: string[]) =>
        repo.transaction((tx) =>
          tx.insertMeeting({
            event_id: ev.id,
            request_id: second,
            session_id: sessions[session]!,
            starts_at: at(start),
            ends_at: at(start + minutes),
            table_no: table,
            source: 'first_come',
            participants: who,
          }),
        );
      const code = async (p: Promise<unknown>) => {
        try {
          await p;
          return 'ok';
        } catch (e) {
          return `${(e as { code?: string }).code} ${(e as { constraint?: string }).constraint ?? ''}`.trim();
        }
      };
      assert.equal(
        await code(meeting(1, 20, 20, 1, [a.reg, c.reg])),
        '23P01 b2b_meeting_participants_no_overlap',
        'A is in 13:00–13:30 already',
      );
      assert.equal(
        await code(meeting(0, 0, 30, 1, [c.reg])),
        '23P01 b2b_meetings_table_no_overlap',
        'table 1 of session A is taken at 13:00',
      );
      assert.equal(await code(meeting(0, 0, 20, 2, [c.reg])), 'NXB01', 'not a slot of session A');
      assert.equal(await code(meeting(0, 30, 30, 3, [c.reg])), 'NXB01', 'session A has two tables');
      assert.equal(await overlapsOf(ev.id), 0);
    });

    test('re-cutting a session with meetings is refused; changes that keep them are allowed', async () => {
      const { ev, sessions, organiser, people, base, ask, accept, key } = await setUp({
        mode: 'first_come',
        tables: 3,
      });
      const [a, b] = people as [U, U];
      const id = await ask(b, a);
      assert.equal((await accept(a, id, key(0, 30))).statusCode, 200);
      const url = `/api/v1/events/${ev.slug}/sessions/${sessions[0]}`;
      const patch = (body: object) => call('PATCH', url, organiser, body);
      const refused = await patch({ b2bSlotMinutes: 20 });
      assertError(refused, 409, 'conflict');
      assert.match(refused.json().error.message, /1 B2B meeting is booked/);
      assert.deepEqual(refused.json().error.details, { reason: 'b2b_meetings_in_the_way', meetings: 1 });
      assertError(await patch({ endsAt: at(45) }), 409, 'conflict');
      assertError(await patch({ startsAt: at(10) }), 409, 'conflict');
      assertError(await patch({ type: 'networking' }), 409, 'conflict');
      // The meeting is at table 1 of 13:30–14:00: fewer tables, a longer session and a new title are fine.
      assert.equal((await patch({ b2bTables: 1 })).statusCode, 200);
      assert.equal((await patch({ endsAt: at(90), title: 'B2B, longer' })).statusCode, 200);
      const kept = (await call('GET', `${base}/meetings`, a)).json().items;
      assert.equal(kept.length, 1);
      assert.equal(kept[0].startsAt, at(30));
      // Once the meeting is withdrawn, the session can be re-cut.
      assert.equal((await call('POST', `${base}/requests/${id}/withdraw`, b)).statusCode, 200);
      assert.equal((await patch({ b2bSlotMinutes: 20 })).statusCode, 200);
    });

    test('scheduler: parallel sessions with one grid share their tables; other grids count by overlap', async () => {
      // Two rooms of one table each, same 30-minute grid: four meetings fit in two slots only together.
      const same = await setUp({ mode: 'scheduler', tables: 1, parallel: [[30, 1]], people: 4 });
      const [a, b, c, d] = same.people as [U, U, U, U];
      for (const [x, y] of [
        [a, b],
        [c, d],
        [a, c],
        [b, d],
      ] as [U, U][])
        assert.equal((await same.accept(y, await same.ask(x, y))).statusCode, 200);
      const pre = await call('POST', `${same.base}/schedule/preview`, same.organiser, {});
      assert.equal(pre.statusCode, 200, pre.body);
      assert.equal(pre.json().stats.scheduled, 4);
      const pub = await call('POST', `${same.base}/schedule/publish`, same.organiser, {
        runId: pre.json().id,
      });
      assert.equal(pub.statusCode, 200, pub.body);
      const rows = await t.database.db
        .selectFrom('b2b_meetings')
        .select(['session_id', 'table_no'])
        .where('event_id', '=', same.ev.id)
        .execute();
      assert.equal(rows.length, 4);
      assert.deepEqual(new Set(rows.map((r) => r.session_id)), new Set(same.sessions), 'both rooms used');
      assert.ok(rows.every((r) => r.table_no === 1));
      const plan = (await call('GET', `${same.base}/table-plan`, same.organiser)).json();
      assert.equal(plan.slots.flatMap((s: { meetings: unknown[] }) => s.meetings).length, 4);

      // A 30-minute room and a 20-minute room: every pair of six people wants to meet.
      const mixed = await setUp({ mode: 'scheduler', tables: 1, parallel: [[20, 1]], people: 6 });
      for (let i = 0; i < 6; i++)
        for (let j = i + 1; j < 6; j++) {
          const [x, y] = [mixed.people[i]!, mixed.people[j]!];
          assert.equal((await mixed.accept(y, await mixed.ask(x, y))).statusCode, 200);
        }
      const run = await call('POST', `${mixed.base}/schedule/preview`, mixed.organiser, {});
      assert.equal(run.statusCode, 200, run.body);
      // Five table-slots (two of 30 minutes, three of 20): all are used.
      assert.equal(run.json().stats.scheduled, 5);
      assert.equal(run.json().unscheduled.length, 10);
      const published = await call('POST', `${mixed.base}/schedule/publish`, mixed.organiser, {
        runId: run.json().id,
      });
      assert.equal(published.statusCode, 200, published.body);
      assert.equal(await overlapsOf(mixed.ev.id), 0);
      // Re-running keeps the published meetings pinned in both grids.
      const again = (await call('POST', `${mixed.base}/schedule/preview`, mixed.organiser, {})).json();
      assert.equal(again.stats.pinned, 5);
      assert.equal(again.stats.moved, 0);
    });

    (backend === 'postgres' ? test : () => {})(
      'concurrent accepts into overlapping slots of parallel sessions book a person once',
      async () => {
        const s = await setUp({ mode: 'first_come', tables: 20, parallel: [[20, 20]], people: 10 });
        const [a, ...others] = s.people as [U, ...U[]];
        const ids = await Promise.all(others.map((o) => s.ask(o, a)));
        // 13:00–13:30, 13:00–13:20 and 13:20–13:40 all overlap 13:00–13:30 or each other through it.
        const slots = [s.key(0, 0), s.key(1, 0), s.key(1, 20)];
        const results = await Promise.all(ids.map((id, i) => s.accept(a, id, slots[i % 3])));
        const ok = results.filter((r) => r.statusCode === 200);
        assert.ok(
          results.every((r) => r.statusCode === 200 || r.statusCode === 409),
          results.map((r) => r.body).join('\n'),
        );
        assert.ok(
          ok.length >= 1 && ok.length <= 2,
          `${ok.length} accepted: ${results.map((r) => r.body).join('\n')}`,
        );
        assert.equal(await overlapsOf(s.ev.id), 0);
        // Two accepted only if they are 13:00–13:20 and 13:20–13:40, which do not overlap.
        if (ok.length === 2) {
          const mine = (await call('GET', `${s.base}/meetings`, a)).json().items;
          assert.deepEqual(mine.map((m: { startsAt: string }) => m.startsAt).sort(), [at(0), at(20)]);
        }
      },
    );
  });
}
