import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../helpers/db.ts';
import { type AgendaFixture, agendaFixture, assertFieldError, type Json } from './agenda-fixtures.ts';

const MILAN = 'clusters-meet-regions-milan-2024';

for (const backend of backends()) {
  describe(`agenda: demo, permissions, validation (${backend})`, () => {
    let f: AgendaFixture;
    let t: AgendaFixture['t'];
    let admin: string;
    let organiser: string;
    let participant: string;
    let stranger: string;
    let eventId: string;
    let people: Record<string, string>;
    const sessionsUrl = () => f.sessionsUrl();
    const as: AgendaFixture['as'] = (...args) => f.as(...args);
    const session: AgendaFixture['session'] = (extra) => f.session(extra);
    const create: AgendaFixture['create'] = (extra, cookie) => f.create(extra, cookie);

    before(async () => {
      f = await agendaFixture(backend);
      ({ t, admin, organiser, participant, stranger, eventId, people } = f);
    });
    after(() => t.close());

    describe('the Milan demo agenda', () => {
      let agenda: Json;
      before(async () => {
        const res = await as(undefined, 'GET', `/api/v1/events/${MILAN}/agenda`);
        assert.equal(res.statusCode, 200, res.body);
        agenda = res.json();
      });

      test('is published as version 1 in Europe/Rome, on 26 and 27 March 2024', () => {
        assert.equal(agenda.version, 1);
        assert.equal(agenda.timeZone, 'Europe/Rome');
        assert.deepEqual(agenda.changes, []);
        const days = new Set(agenda.sessions.map((s: Json) => s.startsAt.slice(0, 10)));
        assert.deepEqual([...days], ['2024-03-26', '2024-03-27']);
        assert.ok(
          agenda.sessions.every((s: Json) => s.timeIsEstimate),
          'times are estimates',
        );
      });

      test('has its people with roles, pitching sessions, B2B sessions and site visits', () => {
        const find = (title: string) => agenda.sessions.find((s: Json) => s.title.includes(title));
        assert.deepEqual(
          find('Opening remarks').people.map((p: Json) => [p.fullName, p.role, p.organisationName]),
          [['Elisabetta Confalonieri', 'speaker', 'Regione Lombardia']],
        );
        const interregional = find('Interregional collaboration');
        assert.deepEqual(
          interregional.people.map((p: Json) => [p.fullName, p.role]),
          [
            ['Antonio Novo', 'moderator'],
            ['Kyle Winters', 'panellist'],
          ],
        );
        assert.equal(find('Enablers of industrial sustainability').people.length, 5);
        assert.equal(find('Start-up pitching').startsAt.slice(0, 10), '2024-03-26');
        // The pitches module places the four start-ups there before the agenda is published.
        assert.deepEqual(
          find('Start-up pitching').pitches.map((p: Json) => p.title),
          ['SnowIt', 'SiWeGo', 'H3CUBE', 'BTF-SKI SYSTEM'],
        );
        assert.equal(find('Project pitching').startsAt.slice(0, 10), '2024-03-27');
        const b2b = agenda.sessions.filter((s: Json) => s.type === 'b2b');
        assert.deepEqual(
          b2b.map((s: Json) => [s.startsAt.slice(0, 10), s.b2bSlotMinutes, s.b2bTables]),
          [
            ['2024-03-26', 20, 20],
            ['2024-03-27', 20, 20],
          ],
        );
        const visits = agenda.sessions.filter((s: Json) => s.type === 'site_visit');
        assert.equal(visits.length, 2);
        assert.ok(visits.some((s: Json) => s.title.includes('MIND Milano Innovation District')));
        assert.ok(visits.some((s: Json) => s.title.includes('Vanguard')));
        for (const v of visits) {
          assert.ok(v.capacity > 0);
          assert.equal(v.seatsLeft, v.capacity);
        }
      });

      test('its draft has no clashes and nothing pending', async () => {
        const res = await as(admin, 'GET', `/api/v1/events/${MILAN}/agenda/draft`);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.json().warnings, []);
        assert.deepEqual(res.json().pendingChanges, []);
        assert.equal(res.json().publishedVersion, 1);
      });
    });

    describe('permissions', () => {
      test('an event with nothing published has an empty agenda, not a 404', async () => {
        const res = await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda`);
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.equal(body.version, 0);
        assert.equal(body.publishedAt, null);
        assert.deepEqual(body.sessions, []);
        assert.equal(body.timeZone, 'Europe/Madrid');
      });

      test('only organisers and administrators add sessions and read the draft', async () => {
        assert.equal((await as(undefined, 'POST', sessionsUrl(), session())).statusCode, 401);
        for (const cookie of [stranger, participant]) {
          assert.equal((await as(cookie, 'POST', sessionsUrl(), session())).statusCode, 403);
          assert.equal((await as(cookie, 'GET', `/api/v1/events/${eventId}/agenda/draft`)).statusCode, 403);
          assert.equal(
            (await as(cookie, 'POST', `/api/v1/events/${eventId}/agenda/publish`)).statusCode,
            403,
          );
        }
        assert.equal((await as(undefined, 'GET', `/api/v1/events/${eventId}/agenda/draft`)).statusCode, 401);
        const mine = await create({ title: 'By the organiser' });
        const theirs = await create({ title: 'By the administrator' }, admin);
        for (const s of [mine, theirs]) {
          const url = `${sessionsUrl()}/${s.session.id}`;
          assert.equal((await as(participant, 'PATCH', url, { title: 'Hijacked' })).statusCode, 403);
          assert.equal((await as(participant, 'DELETE', url)).statusCode, 403);
          assert.equal((await as(participant, 'PUT', `${url}/people`, { people: [] })).statusCode, 403);
          assert.equal((await as(organiser, 'DELETE', url)).statusCode, 204);
          assert.equal((await as(organiser, 'DELETE', url)).statusCode, 404);
        }
      });

      test('an organiser of one event cannot edit another event’s agenda', async () => {
        const res = await as(organiser, 'POST', `/api/v1/events/${MILAN}/sessions`, session());
        assert.equal(res.statusCode, 403, res.body);
        const milanSession = (await as(undefined, 'GET', `/api/v1/events/${MILAN}/agenda`)).json()
          .sessions[0];
        // A session of another event is not found through this event.
        const patch = await as(organiser, 'PATCH', `${sessionsUrl()}/${milanSession.id}`, { title: 'x' });
        assert.equal(patch.statusCode, 404, patch.body);
      });

      test('a draft event’s agenda is not found for visitors', async () => {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/events',
          cookie: admin,
          payload: {
            title: 'A draft event',
            startsAt: '2031-01-10T09:00:00+01:00',
            endsAt: '2031-01-10T17:00:00+01:00',
            timeZone: 'Europe/Rome',
            status: 'draft',
          },
        });
        const id = res.json().id;
        assert.equal((await as(undefined, 'GET', `/api/v1/events/${id}/agenda`)).statusCode, 404);
        assert.equal((await as(stranger, 'GET', `/api/v1/events/${id}/agenda`)).statusCode, 404);
        assert.equal((await as(admin, 'GET', `/api/v1/events/${id}/agenda`)).statusCode, 200);
      });

      test('people search is for organisers', async () => {
        const url = `/api/v1/events/${eventId}/agenda/people?q=confal`;
        assert.equal((await as(undefined, 'GET', url)).statusCode, 401);
        assert.equal((await as(participant, 'GET', url)).statusCode, 403);
        const res = await as(organiser, 'GET', url);
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().items[0].fullName, 'Elisabetta Confalonieri');
        // Accents do not matter.
        const jose = (
          await as(organiser, 'GET', `/api/v1/events/${eventId}/agenda/people?q=jose%20vil`)
        ).json();
        assert.equal(jose.items[0].fullName, 'José Vilar');
      });
    });

    describe('validation', () => {
      test('a session ends after it starts', async () => {
        const res = await as(
          organiser,
          'POST',
          sessionsUrl(),
          session({ endsAt: '2030-10-15T10:00:00+02:00' }),
        );
        assertFieldError(res, 'body.endsAt');
      });

      test('a session takes place on the event’s calendar days, in its time zone', async () => {
        // 14 October 23:30 in Madrid: the day before the event.
        assertFieldError(
          await as(
            organiser,
            'POST',
            sessionsUrl(),
            session({ startsAt: '2030-10-14T23:30:00+02:00', endsAt: '2030-10-15T00:30:00+02:00' }),
          ),
          'body.startsAt',
        );
        assertFieldError(
          await as(
            organiser,
            'POST',
            sessionsUrl(),
            session({ startsAt: '2030-10-16T20:00:00+02:00', endsAt: '2030-10-17T01:00:00+02:00' }),
          ),
          'body.endsAt',
        );
        // 22:30 UTC on the 14th is 00:30 on the 15th in Madrid: inside.
        const early = await create({ startsAt: '2030-10-14T22:30:00Z', endsAt: '2030-10-14T23:00:00Z' });
        // After the event's last hour but on its last day: an evening session is fine.
        const late = await create({
          startsAt: '2030-10-16T20:00:00+02:00',
          endsAt: '2030-10-16T22:00:00+02:00',
        });
        for (const s of [early, late]) await as(organiser, 'DELETE', `${sessionsUrl()}/${s.session.id}`);
      });

      test('B2B sessions need slots and tables; site visits need seats', async () => {
        const b2b = await as(organiser, 'POST', sessionsUrl(), session({ type: 'b2b' }));
        assertFieldError(b2b, 'body.b2bSlotMinutes');
        assertFieldError(b2b, 'body.b2bTables');
        assertFieldError(
          await as(organiser, 'POST', sessionsUrl(), session({ type: 'site_visit' })),
          'body.capacity',
        );
        const ok = await create({ type: 'b2b', b2bSlotMinutes: 20, b2bTables: 20 });
        assert.equal(ok.session.b2bSlotMinutes, 20);
        // Changing the type drops the B2B fields.
        const url = `${sessionsUrl()}/${ok.session.id}`;
        const panel = await as(organiser, 'PATCH', url, { type: 'panel' });
        assert.equal(panel.statusCode, 200, panel.body);
        assert.equal(panel.json().session.b2bTables, null);
        await as(organiser, 'DELETE', url);
      });

      test('bad types, dates, people and unknown fields are 400, never 500', async () => {
        for (const body of [
          session({ type: 'party' }),
          session({ startsAt: 'tomorrow' }),
          session({ startsAt: '2030-10-15T10:00:00' }),
          session({ title: '' }),
          session({ capacity: 0 }),
          session({ b2bSlotMinutes: 2 }),
          session({ people: [{ personId: 'nope', role: 'speaker' }] }),
          session({ people: [{ personId: people['tullio-tolio'], role: 'juggler' }] }),
        ]) {
          const res = await as(organiser, 'POST', sessionsUrl(), body);
          assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
        }
        const unknown = await as(
          organiser,
          'POST',
          sessionsUrl(),
          session({ people: [{ personId: '00000000-0000-4000-8000-000000000000', role: 'speaker' }] }),
        );
        assertFieldError(unknown, 'body.people.0.personId');
        const twice = await as(
          organiser,
          'POST',
          sessionsUrl(),
          session({
            people: [
              { personId: people['tullio-tolio'], role: 'speaker' },
              { personId: people['tullio-tolio'], role: 'speaker' },
            ],
          }),
        );
        assert.equal(twice.statusCode, 400, twice.body);
        assert.equal(
          (await as(organiser, 'PATCH', `${sessionsUrl()}/not-a-uuid`, { title: 'x' })).statusCode,
          400,
        );
        const empty = await as(
          organiser,
          'PATCH',
          `${sessionsUrl()}/00000000-0000-4000-8000-000000000000`,
          {},
        );
        assert.equal(empty.statusCode, 400);
      });
    });
  });
}
