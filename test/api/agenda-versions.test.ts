import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../helpers/db.ts';
import { type AgendaFixture, agendaFixture, type Json } from './agenda-fixtures.ts';

for (const backend of backends()) {
  describe(`agenda: clashes and versions (${backend})`, () => {
    let f: AgendaFixture;
    let t: AgendaFixture['t'];
    let admin: string;
    let organiser: string;
    let eventId: string;
    let people: Record<string, string>;
    const sessionsUrl = () => f.sessionsUrl();
    const as: AgendaFixture['as'] = (...args) => f.as(...args);
    const create: AgendaFixture['create'] = (extra, cookie) => f.create(extra, cookie);

    before(async () => {
      f = await agendaFixture(backend);
      ({ t, admin, organiser, eventId, people } = f);
    });
    after(() => t.close());

    describe('clashes and versions', () => {
      let keynote: Json;
      let panel: Json;
      let lunch: Json;

      test('a person in two overlapping sessions and a room used twice are warnings, not errors', async () => {
        keynote = (
          await create({
            type: 'keynote',
            title: 'Keynote',
            room: 'Sala A',
            people: [{ personId: people['tullio-tolio'], role: 'speaker' }],
          })
        ).session;
        const saved = await create({
          title: 'Panel on AI',
          startsAt: '2030-10-15T10:30:00+02:00',
          endsAt: '2030-10-15T11:30:00+02:00',
          room: ' sala  a ',
          people: [
            { personId: people['tullio-tolio'], role: 'panellist' },
            { personId: people['marcello-urgo'], role: 'panellist' },
          ],
        });
        panel = saved.session;
        assert.deepEqual(
          saved.warnings.map((w: Json) => [w.kind, w.name, [...w.sessionIds].sort()]),
          [
            ['room', 'Sala A', [keynote.id, panel.id].sort()],
            ['person', 'Tullio Tolio', [keynote.id, panel.id].sort()],
          ],
        );
        const draft = (await as(organiser, 'GET', `/api/v1/events/${eventId}/agenda/draft`)).json();
        assert.equal(draft.warnings.length, 2);
        assert.equal(draft.sessions.length, 2);
      });

      test('sessions that only touch do not clash; moving a session away clears its warnings', async () => {
        const res = await as(organiser, 'PATCH', `${sessionsUrl()}/${panel.id}`, {
          startsAt: '2030-10-15T11:00:00+02:00',
          endsAt: '2030-10-15T12:00:00+02:00',
        });
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json().warnings, []);
        const draft = (await as(organiser, 'GET', `/api/v1/events/${eventId}/agenda/draft`)).json();
        assert.deepEqual(draft.warnings, []);
      });

      test('publishing freezes version 1; visitors see it and not the draft', async () => {
        const res = await as(organiser, 'POST', `/api/v1/events/${eventId}/agenda/publish`);
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().version, 1);
        assert.deepEqual(res.json().changes, []);
        lunch = (
          await create({
            type: 'break',
            title: 'Lunch',
            startsAt: '2030-10-15T13:00:00+02:00',
            endsAt: '2030-10-15T14:00:00+02:00',
          })
        ).session;
        const pub = (await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda`)).json();
        assert.equal(pub.version, 1);
        assert.deepEqual(
          pub.sessions.map((s: Json) => s.title),
          ['Keynote', 'Panel on AI'],
        );
        assert.equal(pub.sessions[0].people[0].fullName, 'Tullio Tolio');
        const event = await t.database.db
          .selectFrom('events')
          .select('agenda_version')
          .where('id', '=', eventId)
          .executeTakeFirstOrThrow();
        assert.equal(event.agenda_version, 1);
      });

      test('version 2 lists what changed: added, removed, moved, renamed, room, people, details', async () => {
        const url = (s: Json) => `${sessionsUrl()}/${s.id}`;
        assert.equal(
          (
            await as(organiser, 'PATCH', url(keynote), {
              startsAt: '2030-10-15T09:30:00+02:00',
              endsAt: '2030-10-15T10:15:00+02:00',
              title: 'Opening keynote',
              room: 'Sala B',
              description: 'Now with a description',
            })
          ).statusCode,
          200,
        );
        const put = await as(organiser, 'PUT', `${url(keynote)}/people`, {
          people: [
            { personId: people['antonio-novo'], role: 'moderator' },
            { personId: people['tullio-tolio'], role: 'speaker' },
          ],
        });
        assert.equal(put.statusCode, 200, put.body);
        assert.deepEqual(
          put.json().session.people.map((p: Json) => [p.fullName, p.role]),
          [
            ['Antonio Novo', 'moderator'],
            ['Tullio Tolio', 'speaker'],
          ],
        );
        assert.equal((await as(organiser, 'DELETE', url(panel))).statusCode, 204);

        const draft = (await as(organiser, 'GET', `/api/v1/events/${eventId}/agenda/draft`)).json();
        const res = await as(organiser, 'POST', `/api/v1/events/${eventId}/agenda/publish`);
        assert.equal(res.statusCode, 201, res.body);
        const v2 = res.json();
        assert.equal(v2.version, 2);
        assert.deepEqual(draft.pendingChanges, v2.changes, 'the preview is what gets published');
        const byKind = (kind: string) => v2.changes.filter((c: Json) => c.kind === kind);
        assert.deepEqual(byKind('moved'), [
          {
            kind: 'moved',
            sessionId: keynote.id,
            title: 'Opening keynote',
            before: '2030-10-15 10:00–11:00',
            after: '2030-10-15 09:30–10:15',
          },
        ]);
        assert.deepEqual(byKind('renamed')[0], {
          kind: 'renamed',
          sessionId: keynote.id,
          title: 'Opening keynote',
          before: 'Keynote',
          after: 'Opening keynote',
        });
        assert.deepEqual([byKind('room')[0].before, byKind('room')[0].after], ['Sala A', 'Sala B']);
        assert.deepEqual(byKind('people')[0].after, 'Antonio Novo (moderator), Tullio Tolio (speaker)');
        assert.equal(byKind('details')[0].after, 'description');
        assert.deepEqual(
          byKind('added').map((c: Json) => [c.sessionId, c.title, c.after]),
          [[lunch.id, 'Lunch', '2030-10-15 13:00–14:00']],
        );
        assert.deepEqual(
          byKind('removed').map((c: Json) => [c.sessionId, c.title]),
          [[panel.id, 'Panel on AI']],
        );

        const pub = (await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda`)).json();
        assert.equal(pub.version, 2);
        assert.deepEqual(pub.changes, v2.changes);
        const versions = (await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda/versions`)).json();
        assert.deepEqual(
          versions.items.map((v: Json) => [v.version, v.changeCount]),
          [
            [2, v2.changes.length],
            [1, 0],
          ],
        );
        const v1 = (await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda/versions/1`)).json();
        assert.deepEqual(
          v1.sessions.map((s: Json) => s.title),
          ['Keynote', 'Panel on AI'],
          'an old version does not change',
        );
        assert.equal(
          (await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda/versions/3`)).statusCode,
          404,
        );
        assert.equal(
          (await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda/versions/0`)).statusCode,
          400,
        );
      });

      test('publishing with nothing changed is refused', async () => {
        const res = await as(organiser, 'POST', `/api/v1/events/${eventId}/agenda/publish`);
        assert.equal(res.statusCode, 409, res.body);
      });

      (backend === 'postgres' ? test : () => {})(
        'two organisers publishing at once get one new version, not an error (PostgreSQL)',
        async () => {
          await create({
            type: 'break',
            title: 'Tea',
            startsAt: '2030-10-16T16:00:00+02:00',
            endsAt: '2030-10-16T16:15:00+02:00',
          });
          const before = (await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda`)).json().version;
          const results = await Promise.all(
            [organiser, admin, organiser, admin].map((cookie) =>
              as(cookie, 'POST', `/api/v1/events/${eventId}/agenda/publish`),
            ),
          );
          assert.deepEqual(
            results.map((r) => r.statusCode).sort(),
            [201, 409, 409, 409],
            results.map((r) => r.body).join('\n'),
          );
          const after = (await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda`)).json();
          assert.equal(after.version, before + 1);
          assert.deepEqual(
            after.changes.map((c: Json) => [c.kind, c.title]),
            [['added', 'Tea']],
          );
        },
      );

      test('accepted pitches placed in a session are part of the published agenda', async () => {
        const pitching = await create({
          type: 'pitching',
          title: 'Start-up pitching',
          startsAt: '2030-10-15T15:00:00+02:00',
          endsAt: '2030-10-15T16:00:00+02:00',
        });
        const db = t.database.db;
        await db.insertInto('pitch_calls').values({ event_id: eventId }).execute();
        const snowit = await db
          .selectFrom('organisations')
          .select('id')
          .where('slug', '=', 'snowit')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('pitches')
          .values([
            {
              event_id: eventId,
              kind: 'startup',
              title: 'Second',
              status: 'accepted',
              session_id: pitching.session.id,
              position: 2,
            },
            {
              event_id: eventId,
              kind: 'startup',
              title: 'First',
              status: 'accepted',
              session_id: pitching.session.id,
              position: 1,
              organisation_id: snowit.id,
            },
            {
              event_id: eventId,
              kind: 'startup',
              title: 'Rejected',
              status: 'rejected',
              session_id: pitching.session.id,
            },
            { event_id: eventId, kind: 'startup', title: 'Not placed', status: 'accepted' },
          ])
          .execute();
        const res = await as(organiser, 'POST', `/api/v1/events/${eventId}/agenda/publish`);
        assert.equal(res.statusCode, 201, res.body);
        const s = res.json().sessions.find((x: Json) => x.id === pitching.session.id);
        assert.deepEqual(
          s.pitches.map((p: Json) => [p.title, p.organisationName]),
          [
            ['First', 'SnowIt'],
            ['Second', null],
          ],
        );
        await db.updateTable('pitches').set({ position: 3 }).where('title', '=', 'First').execute();
        const draft = (await as(organiser, 'GET', `/api/v1/events/${eventId}/agenda/draft`)).json();
        assert.deepEqual(
          draft.pendingChanges.map((c: Json) => [c.kind, c.after]),
          [['details', 'pitches']],
        );
      });
    });
  });
}
