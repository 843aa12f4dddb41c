/** Pitch calls: submissions with decks, jury scoring, organisers' ranking, decisions and placement. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { PDF, upload } from './calls.fixtures.ts';

function assertError(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json().error.code, code, res.body);
}

type User = { id: string; email: string; cookie: string };
const CRITERIA = [
  { key: 'innovation', label: 'Innovation', weight: 3 },
  { key: 'team', label: 'Team', weight: 1 },
];
const day = 86_400_000;

for (const backend of backends()) {
  describe(`pitches (${backend})`, () => {
    let t: TestApp;
    let admin: User;
    let organiser: User;
    let juror: User;
    let juror2: User;
    let startup: User;
    let other: User;
    let event: { id: string; slug: string };
    let pitchingSession: string;
    let panelSession: string;
    let foreignPitchingSession: string;
    let startupOrg: string;

    const req = (method: string, url: string, cookie?: string, payload?: object) =>
      t.request({
        method: method as 'GET',
        url,
        ...(cookie ? { cookie } : {}),
        ...(payload ? { payload } : {}),
      });
    const session = async (eventId: string, type: 'pitching' | 'panel', title: string) =>
      (
        await t.database.db
          .insertInto('event_sessions')
          .values({
            event_id: eventId,
            type,
            title,
            starts_at: '2030-06-10T12:00:00Z',
            ends_at: '2030-06-10T13:00:00Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const newEvent = async (title: string) => {
      const res = await req('POST', '/api/v1/events', admin.cookie, {
        title,
        startsAt: '2030-06-10T09:00:00+02:00',
        endsAt: '2030-06-11T17:00:00+02:00',
        timeZone: 'Europe/Rome',
        status: 'published',
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; slug: string };
    };
    const setCall = (opensAt: string | null, closesAt: string | null, who = organiser) =>
      req('PUT', `/api/v1/events/${event.id}/pitch-call`, who.cookie, {
        description: 'Start-ups and projects: pitch to the workshop.',
        criteria: CRITERIA,
        opensAt,
        closesAt,
      });
    const submit = async (who: User, over: object = {}) => {
      const res = await req('POST', `/api/v1/events/${event.slug}/pitches`, who.cookie, {
        kind: 'startup',
        title: 'SnowIt',
        summary: 'Snow sports booking',
        organisationId: startupOrg,
        videoUrl: 'https://video.example.org/snowit',
        ...over,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; canEdit: boolean; status: string };
    };

    before(async () => {
      t = await testApp(backend);
      admin = await t.user({ admin: true });
      organiser = await t.user({ name: 'Organiser' });
      juror = await t.user({ name: 'Juror One' });
      juror2 = await t.user({ name: 'Juror Two' });
      startup = await t.user({ name: 'Founder' });
      other = await t.user({ name: 'Other' });
      event = await newEvent('Pitch test event');
      for (const [who, role] of [
        [organiser, 'organiser'],
        [juror, 'juror'],
        [juror2, 'juror'],
      ] as const) {
        const res = await req('POST', `/api/v1/events/${event.id}/members`, admin.cookie, {
          email: who.email,
          role,
        });
        assert.equal(res.statusCode, 204, res.body);
      }
      pitchingSession = await session(event.id, 'pitching', 'Start-up pitching');
      panelSession = await session(event.id, 'panel', 'A panel');
      foreignPitchingSession = await session((await newEvent('Another event')).id, 'pitching', 'Elsewhere');
      startupOrg = (
        await t.database.db
          .insertInto('organisations')
          .values({
            slug: `startup-${process.pid}`,
            name: 'Test Start-up',
            type: 'startup',
            status: 'published',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    });
    after(() => t.close());

    test('the organisers open the pitch call; nobody else can; submissions wait for it to open', async () => {
      assertError(await req('GET', `/api/v1/events/${event.id}/pitch-call`), 404, 'not_found');
      assertError(
        await req('POST', `/api/v1/events/${event.id}/pitches`, startup.cookie, {
          kind: 'startup',
          title: 'Early',
        }),
        404,
        'not_found',
      );
      assertError(await setCall(null, null, juror), 403, 'forbidden');
      assertError(await setCall(null, null, startup), 403, 'forbidden');
      const bad = await setCall(
        new Date(Date.now() + 2 * day).toISOString(),
        new Date(Date.now() + day).toISOString(),
      );
      assertError(bad, 400, 'validation_failed');
      const later = await setCall(
        new Date(Date.now() + day).toISOString(),
        new Date(Date.now() + 2 * day).toISOString(),
      );
      assert.equal(later.statusCode, 200, later.body);
      assert.equal(later.json().acceptingSubmissions, false);
      assertError(
        await req('POST', `/api/v1/events/${event.id}/pitches`, startup.cookie, {
          kind: 'startup',
          title: 'Early',
        }),
        409,
        'conflict',
      );
      const open = await setCall(null, new Date(Date.now() + 7 * day).toISOString());
      assert.equal(open.json().acceptingSubmissions, true);
      const seen = (await req('GET', `/api/v1/events/${event.slug}/pitch-call`)).json();
      assert.deepEqual(seen.criteria, CRITERIA);
      assert.equal(seen.canManage, false);
      const asJuror = (await req('GET', `/api/v1/events/${event.slug}/pitch-call`, juror.cookie)).json();
      assert.deepEqual([asJuror.canManage, asJuror.canJudge], [false, true]);
    });

    test('submitters edit, replace the deck and withdraw their own pitch; others cannot see it', async () => {
      await setCall(null, new Date(Date.now() + 7 * day).toISOString());
      assertError(
        await req('POST', `/api/v1/events/${event.id}/pitches`, undefined, { kind: 'startup', title: 'x' }),
        401,
        'unauthenticated',
      );
      assertError(
        await req('POST', `/api/v1/events/${event.id}/pitches`, startup.cookie, {
          kind: 'startup',
          title: 'x',
          videoUrl: 'http://insecure.example.org',
        }),
        400,
        'validation_failed',
      );
      const unknownPerson = await req('POST', `/api/v1/events/${event.id}/pitches`, startup.cookie, {
        kind: 'project',
        title: 'x',
        presenterPersonId: '00000000-0000-4000-8000-000000000000',
      });
      assertError(unknownPerson, 400, 'bad_request');
      const p = await submit(startup);
      assert.equal(p.status, 'submitted');
      assert.equal(p.canEdit, true);
      const url = `/api/v1/pitches/${p.id}`;
      assertError(await req('GET', url), 404, 'not_found');
      assertError(await req('GET', url, other.cookie), 404, 'not_found');
      assertError(await req('PATCH', url, other.cookie, { title: 'Hijack' }), 404, 'not_found');
      assertError(await req('PATCH', url, juror.cookie, { title: 'Hijack' }), 403, 'forbidden');
      const edited = await req('PATCH', url, startup.cookie, { title: 'SnowIt 2', videoUrl: '' });
      assert.equal(edited.json().title, 'SnowIt 2');
      assert.equal(edited.json().videoUrl, null);
      assert.ok(
        !(await req('GET', `/api/v1/events/${event.id}/pitches`))
          .json()
          .items.some((x: { id: string }) => x.id === p.id),
      );

      const deck = (bytes: Buffer, who = startup) =>
        t.request({ method: 'PUT', url: `${url}/deck`, cookie: who.cookie, ...upload(bytes, 'deck.pdf') });
      assertError(await deck(Buffer.from('PK\x03\x04 a zip')), 400, 'bad_request');
      assertError(await deck(PDF, juror), 403, 'forbidden');
      const withDeck = await deck(PDF);
      assert.equal(withDeck.statusCode, 200, withDeck.body);
      assert.equal(withDeck.json().deck.byteSize, PDF.length);
      for (const who of [startup, juror, organiser]) {
        const res = await req('GET', `${url}/deck`, who.cookie);
        assert.equal(res.statusCode, 200, res.body);
        assert.deepEqual(res.rawPayload, PDF);
      }
      assertError(await req('GET', `${url}/deck`, other.cookie), 404, 'not_found');

      const mine = (await req('GET', `/api/v1/events/${event.id}/pitches/mine`, startup.cookie)).json();
      assert.deepEqual(
        mine.items.map((x: { id: string }) => x.id),
        [p.id],
      );
      assert.equal(
        (await req('GET', `/api/v1/events/${event.id}/pitches/mine`, other.cookie)).json().items.length,
        0,
      );

      const withdrawn = await req('POST', `${url}/withdraw`, startup.cookie);
      assert.equal(withdrawn.json().status, 'withdrawn');
      assertError(await req('PATCH', url, startup.cookie, { title: 'Back' }), 409, 'conflict');
      assertError(await req('GET', url, juror.cookie), 404, 'not_found');
    });

    test('after the close date, nothing is submitted, edited or withdrawn', async () => {
      await setCall(null, new Date(Date.now() + 7 * day).toISOString());
      const p = await submit(startup, { title: 'Late bloomer' });
      await setCall(new Date(Date.now() - 7 * day).toISOString(), new Date(Date.now() - 1000).toISOString());
      assertError(
        await req('POST', `/api/v1/events/${event.id}/pitches`, startup.cookie, {
          kind: 'startup',
          title: 'Late',
        }),
        409,
        'conflict',
      );
      assertError(
        await req('PATCH', `/api/v1/pitches/${p.id}`, startup.cookie, { title: 'x' }),
        409,
        'conflict',
      );
      assertError(await req('POST', `/api/v1/pitches/${p.id}/withdraw`, startup.cookie), 409, 'conflict');
      assertError(
        await t.request({
          method: 'PUT',
          url: `/api/v1/pitches/${p.id}/deck`,
          cookie: startup.cookie,
          ...upload(PDF),
        }),
        409,
        'conflict',
      );
      assert.equal((await req('GET', `/api/v1/pitches/${p.id}`, startup.cookie)).json().canEdit, false);
    });

    test('jurors and organisers score; jurors see only their own scores; organisers see the ranking', async () => {
      await setCall(null, new Date(Date.now() + 7 * day).toISOString());
      const a = await submit(startup, { title: 'Alpha' });
      const b = await submit(other, { title: 'Beta', kind: 'project', organisationId: null });
      const ownByJuror = await submit(juror, { title: 'Juror’s own' });
      const score = (id: string, who: User, scores: object) =>
        req('PUT', `/api/v1/pitches/${id}/score`, who.cookie, { scores, comment: 'ok' });
      assertError(await score(a.id, startup, { innovation: 5, team: 5 }), 403, 'forbidden');
      assertError(await score(a.id, other, { innovation: 5, team: 5 }), 404, 'not_found');
      assertError(await score(ownByJuror.id, juror, { innovation: 10, team: 10 }), 403, 'forbidden');
      assertError(await score(a.id, juror, { innovation: 5 }), 400, 'bad_request');
      assertError(await score(a.id, juror, { innovation: 5, team: -1 }), 400, 'validation_failed');
      // Alpha: (3·8 + 4)/4 = 7 and (3·6 + 6)/4 = 6 → 6.5; Beta: (3·9 + 1)/4 = 7.
      assert.equal((await score(a.id, juror, { innovation: 8, team: 4 })).statusCode, 204);
      assert.equal((await score(a.id, organiser, { innovation: 6, team: 6 })).statusCode, 204);
      assert.equal((await score(b.id, juror2, { innovation: 9, team: 1 })).statusCode, 204);

      const url = `/api/v1/events/${event.id}/pitches/jury`;
      assertError(await req('GET', url, startup.cookie), 403, 'forbidden');
      assertError(await req('GET', url), 401, 'unauthenticated');
      const asJuror = (await req('GET', url, juror.cookie)).json();
      const alpha = asJuror.items.find((x: { id: string }) => x.id === a.id);
      assert.deepEqual(alpha.myScore, { scores: { innovation: 8, team: 4 }, comment: 'ok' });
      assert.equal(alpha.ranking, null, 'no ranking for jurors');
      assert.equal(asJuror.items.find((x: { id: string }) => x.id === b.id).myScore, null);
      assert.deepEqual(asJuror.sessions, []);
      assert.ok(alpha.deck === null || alpha.deck.url);

      const asOrganiser = (await req('GET', url, organiser.cookie)).json();
      const ranked = asOrganiser.items.filter(
        (x: { ranking: { rank: number | null } }) => x.ranking.rank !== null,
      );
      assert.deepEqual(
        ranked.map((x: { id: string; ranking: { rank: number; score: number; reviewCount: number } }) => [
          x.id,
          x.ranking.rank,
          x.ranking.score,
          x.ranking.reviewCount,
        ]),
        [
          [b.id, 1, 7, 1],
          [a.id, 2, 6.5, 2],
        ],
      );
      assert.deepEqual(
        asOrganiser.sessions.map((s: { id: string }) => s.id),
        [pitchingSession],
      );
    });

    test('organisers accept, reject and place accepted pitches in a pitching session of the event', async () => {
      await setCall(null, new Date(Date.now() + 7 * day).toISOString());
      const a = await submit(startup, { title: 'Placed one' });
      const r = await submit(other, { title: 'Rejected one' });
      const decide = (id: string, status: string, who = organiser) =>
        req('POST', `/api/v1/pitches/${id}/decision`, who.cookie, { status });
      const place = (id: string, sessionId: string | null, position = 0, who = organiser) =>
        req('PUT', `/api/v1/pitches/${id}/placement`, who.cookie, { sessionId, position });
      assertError(await decide(a.id, 'accepted', juror), 403, 'forbidden');
      assertError(await decide(a.id, 'accepted', startup), 403, 'forbidden');
      assertError(await place(a.id, pitchingSession), 409, 'conflict');
      assert.equal((await decide(a.id, 'accepted')).json().status, 'accepted');
      assert.equal((await decide(r.id, 'rejected')).json().status, 'rejected');
      assertError(await place(a.id, pitchingSession, 0, juror), 403, 'forbidden');
      assertError(await place(a.id, panelSession), 400, 'bad_request');
      assertError(await place(a.id, foreignPitchingSession), 400, 'bad_request');
      assertError(await place(r.id, pitchingSession), 409, 'conflict');
      const placed = await place(a.id, pitchingSession, 2);
      assert.equal(placed.statusCode, 200, placed.body);
      assert.equal(placed.json().session.id, pitchingSession);
      assert.equal(placed.json().position, 2);
      assert.equal(placed.json().canEdit, false, 'an accepted pitch is no longer edited');
      assertError(
        await req('PATCH', `/api/v1/pitches/${a.id}`, startup.cookie, { title: 'x' }),
        409,
        'conflict',
      );

      // A placement is a draft until the agenda is published: the public sees the published one only.
      const before = (await req('GET', `/api/v1/events/${event.slug}/pitches`)).json();
      assert.equal(before.items.find((x: { id: string }) => x.id === a.id).session, null);
      const published = await req('POST', `/api/v1/events/${event.slug}/agenda/publish`, organiser.cookie);
      assert.equal(published.statusCode, 201, published.body);
      const pub = (await req('GET', `/api/v1/events/${event.slug}/pitches`)).json();
      const listed = pub.items.find((x: { id: string }) => x.id === a.id);
      assert.equal(listed.session.title, 'Start-up pitching');
      assert.equal(listed.deck, null, 'decks stay with the submitter and the jury');
      assert.ok(!pub.items.some((x: { id: string }) => x.id === r.id));
      assert.equal(
        (await req('GET', `/api/v1/pitches/${a.id}`)).statusCode,
        200,
        'accepted pitches are public',
      );
      assertError(await req('GET', `/api/v1/pitches/${r.id}`), 404, 'not_found');

      // Undoing the acceptance takes the pitch out of the agenda.
      const undone = await decide(a.id, 'submitted');
      assert.equal(undone.json().session, null);
      const row = await t.database.db
        .selectFrom('pitches')
        .select(['session_id', 'position'])
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { session_id: null, position: 0 });
    });

    test('the Milan demo: the four start-ups accepted, in the report’s order, in the start-up pitching session', async () => {
      const milan = 'clusters-meet-regions-milan-2024';
      const res = await req('GET', `/api/v1/events/${milan}/pitches`);
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items;
      assert.deepEqual(
        items.map((p: { title: string; organisation: { slug: string } }) => [p.title, p.organisation.slug]),
        [
          ['SnowIt', 'snowit'],
          ['SiWeGo', 'siwego'],
          ['H3CUBE', 'h3cube'],
          ['BTF-SKI SYSTEM', 'btf-ski-system'],
        ],
      );
      for (const p of items) {
        assert.match(p.session.title, /Start-up pitching/);
        assert.equal(p.sample, false);
      }
      const call = (await req('GET', `/api/v1/events/${milan}/pitch-call`)).json();
      assert.equal(call.closesAt, null);
      assert.equal(call.acceptingSubmissions, false, 'without a close date, the call closes with its event');
      assertError(
        await req('POST', `/api/v1/events/${milan}/pitches`, startup.cookie, {
          kind: 'startup',
          title: 'Late',
        }),
        409,
        'conflict',
      );
      const agenda = (await req('GET', `/api/v1/events/${milan}/agenda`)).json();
      const pitching = agenda.sessions.find((s: { title: string }) => /Start-up pitching/.test(s.title));
      assert.deepEqual(
        pitching.pitches.map((p: { title: string }) => p.title),
        ['SnowIt', 'SiWeGo', 'H3CUBE', 'BTF-SKI SYSTEM'],
        'the published agenda shows them',
      );
    });

    test('pitches of a draft event stay hidden with it', async () => {
      const draft = await req('POST', '/api/v1/events', admin.cookie, {
        title: 'Draft pitch event',
        startsAt: '2030-06-10T09:00:00+02:00',
        endsAt: '2030-06-11T17:00:00+02:00',
        timeZone: 'Europe/Rome',
      });
      const id = draft.json().id;
      assert.equal(
        (await req('PUT', `/api/v1/events/${id}/pitch-call`, admin.cookie, { criteria: CRITERIA }))
          .statusCode,
        200,
      );
      assertError(await req('GET', `/api/v1/events/${id}/pitch-call`), 404, 'not_found');
      assertError(await req('GET', `/api/v1/events/${id}/pitches`), 404, 'not_found');
      assertError(
        await req('POST', `/api/v1/events/${id}/pitches`, startup.cookie, { kind: 'startup', title: 'x' }),
        404,
        'not_found',
      );
    });
  });
}
