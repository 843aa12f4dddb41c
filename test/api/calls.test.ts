/** The call for host regions: calls, applications with letters of support, reviews, ranking, selection. */
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

let n = 0;
const unique = () => `${process.pid}-${++n}`;
type User = { id: string; email: string; cookie: string };

const CRITERIA = [
  { key: 'ecosystem', label: 'Strength of the regional ecosystem', weight: 2 },
  { key: 'venue', label: 'Venue and logistics', weight: 1 },
];
const future = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

for (const backend of backends()) {
  describe(`call for host regions (${backend})`, () => {
    let t: TestApp;
    let admin: User;
    let admin2: User;
    let applicant: User;
    let member: User;
    let companyAdmin: User;
    let outsider: User;
    let cluster: string;
    let company: string;
    let draftAuthority: string;

    const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie?: string, payload?: object) =>
      t.request({ method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });

    const org = async (type: string, status: 'published' | 'draft', admins: User[], members: User[] = []) => {
      const { id } = await t.database.db
        .insertInto('organisations')
        .values({ slug: `c-${unique()}`, name: `Org ${unique()}`, type: type as 'cluster', status })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = [
        ...admins.map((u) => ({ organisation_id: id, user_id: u.id, role: 'admin' as const })),
        ...members.map((u) => ({ organisation_id: id, user_id: u.id, role: 'member' as const })),
      ];
      if (rows.length) await t.database.db.insertInto('organisation_users').values(rows).execute();
      return id;
    };

    const openCall = async (over: object = {}) => {
      const res = await req('POST', '/api/v1/calls', admin.cookie, {
        title: `Clusters meet Regions ${unique()}`,
        body: 'Regions are invited to host the next workshops.',
        criteria: CRITERIA,
        deadline: future(),
        status: 'open',
        ...over,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string };
    };

    const application = (over: object = {}) => ({
      organisationId: cluster,
      regionCode: 'ITC4',
      startsOn: '2026-03-24',
      endsOn: '2026-03-25',
      theme: 'AI in manufacturing',
      venue: 'Palazzo Lombardia, Milan',
      motivation: 'Our ecosystem is ready.',
      ...over,
    });

    const apply = async (callId: string, over: object = {}, who = applicant) => {
      const res = await req('POST', `/api/v1/calls/${callId}/applications`, who.cookie, application(over));
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; canEdit: boolean };
    };

    before(async () => {
      t = await testApp(backend);
      admin = await t.user({ admin: true, name: 'Reviewer One' });
      admin2 = await t.user({ admin: true, name: 'Reviewer Two' });
      applicant = await t.user({ name: 'Applicant' });
      member = await t.user({ name: 'Member' });
      companyAdmin = await t.user({ name: 'Company admin' });
      outsider = await t.user({ name: 'Outsider' });
      cluster = await org('cluster', 'published', [applicant], [member]);
      company = await org('company', 'published', [companyAdmin]);
      draftAuthority = await org('public_authority', 'draft', [applicant]);
    });
    after(() => t.close());

    test('only platform administrators open and edit calls; drafts stay hidden from the public', async () => {
      const body = { title: 'A call', criteria: CRITERIA, deadline: future() };
      assertError(await req('POST', '/api/v1/calls', undefined, body), 401, 'unauthenticated');
      assertError(await req('POST', '/api/v1/calls', applicant.cookie, body), 403, 'forbidden');
      const draft = await req('POST', '/api/v1/calls', admin.cookie, body);
      assert.equal(draft.statusCode, 201, draft.body);
      assert.equal(draft.json().status, 'draft');
      assert.equal(draft.json().acceptingApplications, false);
      assertError(await req('GET', `/api/v1/calls/${draft.json().id}`), 404, 'not_found');
      assertError(
        await req('PATCH', `/api/v1/calls/${draft.json().id}`, applicant.cookie, { status: 'open' }),
        404,
        'not_found',
      );
      const opened = await req('PATCH', `/api/v1/calls/${draft.json().id}`, admin.cookie, { status: 'open' });
      assert.equal(opened.json().acceptingApplications, true);
      const retitled = await req('PATCH', `/api/v1/calls/${draft.json().id}`, admin.cookie, {
        title: 'Renamed',
      });
      assert.equal(retitled.json().status, 'open', 'fields left out stay as they were');
      assertError(
        await req('PATCH', `/api/v1/calls/${draft.json().id}`, applicant.cookie, { title: 'Hijack' }),
        403,
        'forbidden',
      );
      const list = (await req('GET', '/api/v1/calls')).json();
      assert.ok(list.items.some((c: { id: string }) => c.id === draft.json().id));
      const drafts = (await req('GET', '/api/v1/calls?status=draft')).json();
      assert.deepEqual(drafts.items, [], 'the public sees no drafts');
      // Duplicate criterion keys and out-of-range weights are refused.
      assertError(
        await req('POST', '/api/v1/calls', admin.cookie, { ...body, criteria: [CRITERIA[0], CRITERIA[0]] }),
        400,
        'validation_failed',
      );
    });

    test('the call page lists the organisations the caller may apply for', async () => {
      const call = await openCall();
      const seen = (await req('GET', `/api/v1/calls/${call.id}`, applicant.cookie)).json();
      assert.deepEqual(
        seen.eligibleOrganisations.map((o: { id: string }) => o.id),
        [cluster],
        'only the published cluster: not the draft authority',
      );
      assert.deepEqual(
        (await req('GET', `/api/v1/calls/${call.id}`, companyAdmin.cookie)).json().eligibleOrganisations,
        [],
      );
      assert.deepEqual((await req('GET', `/api/v1/calls/${call.id}`)).json().eligibleOrganisations, []);
    });

    test('only admins of published public authorities, clusters, hubs and associations apply', async () => {
      const call = await openCall();
      const url = `/api/v1/calls/${call.id}/applications`;
      assertError(await req('POST', url, undefined, application()), 401, 'unauthenticated');
      assertError(await req('POST', url, member.cookie, application()), 403, 'forbidden');
      assertError(await req('POST', url, outsider.cookie, application()), 403, 'forbidden');
      assertError(
        await req('POST', url, companyAdmin.cookie, application({ organisationId: company })),
        403,
        'forbidden',
      );
      const draft = await req('POST', url, applicant.cookie, application({ organisationId: draftAuthority }));
      assertError(draft, 400, 'bad_request');
      assert.equal(draft.json().error.details.fields[0].field, 'body.organisationId');
      const nuts1 = await req('POST', url, applicant.cookie, application({ regionCode: 'ITC1X' }));
      assertError(nuts1, 400, 'validation_failed');
      for (const regionCode of ['ITX9', 'ITZZ']) {
        const refused = await req('POST', url, applicant.cookie, application({ regionCode }));
        assertError(refused, 400, 'bad_request');
        assert.equal(refused.json().error.details.fields[0].field, 'body.regionCode');
      }
      assertError(
        await req(
          'POST',
          url,
          applicant.cookie,
          application({ startsOn: '2026-03-25', endsOn: '2026-03-24' }),
        ),
        400,
        'validation_failed',
      );
      const made = await apply(call.id);
      assert.equal(made.canEdit, true);
      assertError(await req('POST', url, applicant.cookie, application()), 409, 'conflict');
      // Withdrawn, the organisation may apply again.
      await req('POST', `/api/v1/call-applications/${made.id}/withdraw`, applicant.cookie);
      await apply(call.id);
      const mine = (await req('GET', `${url}/mine`, applicant.cookie)).json();
      assert.deepEqual(mine.items.map((a: { status: string }) => a.status).sort(), [
        'submitted',
        'withdrawn',
      ]);
      // A fellow admin of the organisation sees it too; an outsider sees nothing.
      assert.equal((await req('GET', `${url}/mine`, outsider.cookie)).json().items.length, 0);
    });

    test('edits and withdrawals are the applicant side’s, until the deadline; nothing after it', async () => {
      const call = await openCall();
      const a = await apply(call.id);
      const url = `/api/v1/call-applications/${a.id}`;
      assertError(await req('PATCH', url, outsider.cookie, { theme: 'x' }), 404, 'not_found');
      assertError(await req('PATCH', url, admin.cookie, { theme: 'x' }), 403, 'forbidden');
      assertError(await req('PATCH', url, applicant.cookie, { endsOn: '2026-03-01' }), 400, 'bad_request');
      const edited = await req('PATCH', url, applicant.cookie, {
        theme: 'Green chemistry',
        regionCode: 'ITC1',
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().theme, 'Green chemistry');
      assert.equal(edited.json().region.code, 'ITC1');
      assert.equal(edited.json().venue, 'Palazzo Lombardia, Milan', 'fields left out stay as they were');
      assert.equal(edited.json().motivation, 'Our ecosystem is ready.');
      assert.equal((await req('GET', url, admin.cookie)).statusCode, 200, 'administrators read it');

      await t.database.db
        .updateTable('host_calls')
        .set({ deadline: new Date(Date.now() - 60_000) })
        .where('id', '=', call.id)
        .execute();
      assertError(await req('PATCH', url, applicant.cookie, { theme: 'Late' }), 409, 'conflict');
      assertError(await req('POST', `${url}/withdraw`, applicant.cookie), 409, 'conflict');
      assertError(await req('PUT', `${url}/letter`, applicant.cookie), 409, 'conflict');
      const late = await req(
        'POST',
        `/api/v1/calls/${call.id}/applications`,
        applicant.cookie,
        application({ organisationId: await org('association', 'published', [applicant]) }),
      );
      assertError(late, 409, 'conflict');
      assert.equal((await req('GET', url, applicant.cookie)).json().canEdit, false);
      // A call closed before its deadline takes no applications either.
      const closed = await openCall({ status: 'closed' });
      assertError(
        await req('POST', `/api/v1/calls/${closed.id}/applications`, applicant.cookie, application()),
        409,
        'conflict',
      );
    });

    test('the letter of support is a PDF of at most 10 MB, downloaded by the applicant side and administrators', async () => {
      const call = await openCall();
      const a = await apply(call.id);
      const url = `/api/v1/call-applications/${a.id}/letter`;
      const put = (bytes: Buffer, who: User = applicant, name?: string) =>
        t.request({ method: 'PUT', url, cookie: who.cookie, ...upload(bytes, name) });
      assertError(await put(Buffer.from('GIF89a not a pdf'), applicant, 'letter.pdf'), 400, 'bad_request');
      assertError(await put(Buffer.from('<html>%PDF-1.4</html>')), 400, 'bad_request');
      const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
      assertError(await put(big), 413, 'payload_too_large');
      assertError(await put(PDF, outsider), 404, 'not_found');
      assertError(await put(PDF, member), 404, 'not_found');
      const ok = await put(PDF, applicant, 'Lettera di supporto.pdf');
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().letter.byteSize, PDF.length);
      assert.equal(ok.json().letter.fileName, 'Lettera di supporto.pdf');
      // Replacing it keeps one stored file.
      const second = Buffer.concat([PDF, Buffer.from('% second\n')]);
      assert.equal((await put(second)).statusCode, 200);
      for (const who of [applicant, admin]) {
        const res = await req('GET', url, who.cookie);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/pdf');
        assert.match(String(res.headers['content-disposition']), /^attachment;/);
        assert.deepEqual(res.rawPayload, second);
      }
      assertError(await req('GET', url), 401, 'unauthenticated');
      assertError(await req('GET', url, outsider.cookie), 404, 'not_found');
      assertError(await req('GET', url, member.cookie), 404, 'not_found');
      const files = await t.database.db
        .selectFrom('files')
        .select('id')
        .where('uploaded_by', '=', applicant.id)
        .execute();
      assert.equal(files.length, 1, 'the replaced letter was deleted');
    });

    test('administrators score every criterion; the ranking is weighted and theirs alone', async () => {
      const call = await openCall();
      const lombardy = await apply(call.id);
      const other = await apply(
        call.id,
        {
          organisationId: await org('innovation_hub', 'published', [outsider]),
          regionCode: 'ES52',
        },
        outsider,
      );
      const unreviewed = await apply(
        call.id,
        { organisationId: await org('association', 'published', [member]) },
        member,
      );
      const review = (id: string, who: User, scores: object, comment = '') =>
        req('PUT', `/api/v1/call-applications/${id}/review`, who.cookie, { scores, comment });
      assertError(await review(lombardy.id, applicant, { ecosystem: 5, venue: 5 }), 403, 'forbidden');
      assertError(await review(lombardy.id, admin, { ecosystem: 5 }), 400, 'bad_request');
      assertError(await review(lombardy.id, admin, { ecosystem: 5, venue: 5, extra: 1 }), 400, 'bad_request');
      assertError(await review(lombardy.id, admin, { ecosystem: 11, venue: 5 }), 400, 'validation_failed');
      // Lombardy: (2·9 + 6)/3 = 8 and (2·6 + 6)/3 = 6 → 7; the other: (2·10 + 4)/3 = 8.
      assert.equal((await review(lombardy.id, admin, { ecosystem: 3, venue: 3 })).statusCode, 204);
      assert.equal((await review(lombardy.id, admin, { ecosystem: 9, venue: 6 }, 'Strong')).statusCode, 204);
      assert.equal((await review(lombardy.id, admin2, { ecosystem: 6, venue: 6 })).statusCode, 204);
      assert.equal((await review(other.id, admin, { ecosystem: 10, venue: 4 })).statusCode, 204);

      const url = `/api/v1/calls/${call.id}/applications`;
      assertError(await req('GET', url, applicant.cookie), 403, 'forbidden');
      assertError(await req('GET', url), 401, 'unauthenticated');
      const ranking = (await req('GET', url, admin.cookie)).json();
      assert.deepEqual(
        ranking.items.map((a: { id: string; rank: number; score: number; reviewCount: number }) => [
          a.id,
          a.rank,
          a.score,
          a.reviewCount,
        ]),
        [
          [other.id, 1, 8, 1],
          [lombardy.id, 2, 7, 2],
          [unreviewed.id, null, null, 0],
        ],
      );
      const l = ranking.items[1];
      assert.deepEqual(l.criterionAverages, { ecosystem: 7.5, venue: 6 });
      assert.equal(
        l.reviews.find((r: { reviewer: { id: string } }) => r.reviewer.id === admin.id).comment,
        'Strong',
      );

      // Reviewed criteria keep their keys; labels and weights may change.
      assertError(
        await req('PATCH', `/api/v1/calls/${call.id}`, admin.cookie, { criteria: [CRITERIA[0]] }),
        409,
        'conflict',
      );
      const reweighted = await req('PATCH', `/api/v1/calls/${call.id}`, admin.cookie, {
        criteria: [CRITERIA[0], { ...CRITERIA[1], weight: 2 }],
      });
      assert.equal(reweighted.statusCode, 200, reweighted.body);
      // Now (9 + 6)/2 = 7.5 and 6 → 6.75; the other (10 + 4)/2 = 7.
      const again = (await req('GET', url, admin.cookie)).json();
      assert.deepEqual(
        again.items.slice(0, 2).map((a: { id: string; score: number }) => [a.id, a.score]),
        [
          [other.id, 7],
          [lombardy.id, 6.75],
        ],
      );
    });

    test('selecting an application creates a draft event from the template, run by the applicant', async () => {
      const call = await openCall();
      const a = await apply(call.id, { startsOn: '2026-03-24', endsOn: '2026-03-25', venue: 'MIND, Milan' });
      const url = `/api/v1/call-applications/${a.id}/select`;
      assertError(await req('POST', url, applicant.cookie), 403, 'forbidden');
      assertError(await req('POST', url), 401, 'unauthenticated');
      const res = await req('POST', url, admin.cookie);
      assert.equal(res.statusCode, 201, res.body);
      const { event, application: selected } = res.json();
      assert.equal(selected.status, 'selected');
      assert.equal(selected.event.id, event.id);
      assert.equal(selected.canEdit, false);
      assertError(await req('POST', url, admin.cookie), 409, 'conflict');
      assertError(
        await req('PATCH', `/api/v1/call-applications/${a.id}`, applicant.cookie, { theme: 'x' }),
        409,
        'conflict',
      );

      const e = (await req('GET', `/api/v1/events/${event.id}`, applicant.cookie)).json();
      assert.equal(e.status, 'draft');
      assert.equal(e.title, 'Clusters meet Regions: Lombardia');
      assert.equal(e.timeZone, 'Europe/Rome');
      assert.equal(e.hostRegion.code, 'ITC4');
      assert.equal(e.venueName, 'MIND, Milan');
      assert.equal(e.summary, 'AI in manufacturing');
      assert.equal(e.startsAt, '2026-03-24T08:00:00.000Z', '09:00 in Milan (UTC+1)');
      assert.equal(e.endsAt, '2026-03-25T16:00:00.000Z', '17:00 on day 2');
      assert.deepEqual(
        e.organisers.map((o: { id: string }) => o.id),
        [cluster],
      );
      assert.equal(e.canEdit, true, 'the applicant organises it');
      assertError(await req('GET', `/api/v1/events/${event.id}`, outsider.cookie), 404, 'not_found');
      const members = await t.database.db
        .selectFrom('event_members')
        .select(['user_id', 'role'])
        .where('event_id', '=', event.id)
        .execute();
      assert.deepEqual(members, [{ user_id: applicant.id, role: 'organiser' }]);
      const sessions = await t.database.db
        .selectFrom('event_sessions')
        .select(['type', 'title', 'starts_at', 'b2b_slot_minutes', 'b2b_tables'])
        .where('event_id', '=', event.id)
        .orderBy('starts_at')
        .execute();
      assert.equal(sessions[0]!.type, 'remarks');
      assert.equal(new Date(sessions[0]!.starts_at).toISOString(), '2026-03-24T08:00:00.000Z');
      for (const type of ['keynote', 'panel', 'pitching', 'networking', 'b2b', 'site_visit']) {
        assert.ok(
          sessions.some((s) => s.type === type),
          `a ${type} session`,
        );
      }
      const b2b = sessions.find((s) => s.type === 'b2b')!;
      assert.ok(b2b.b2b_slot_minutes && b2b.b2b_tables, 'B2B slots and tables');
      assert.ok(sessions.some((s) => s.title === 'Closing remarks'));
      assert.ok(
        sessions.some((s) => new Date(s.starts_at).toISOString().startsWith('2026-03-25')),
        'a second day',
      );

      // A withdrawn application cannot be selected.
      const other = await apply(call.id, { organisationId: await org('cluster', 'published', [applicant]) });
      await req('POST', `/api/v1/call-applications/${other.id}/withdraw`, applicant.cookie);
      assertError(
        await req('POST', `/api/v1/call-applications/${other.id}/select`, admin.cookie),
        409,
        'conflict',
      );
      assertError(
        await req('PUT', `/api/v1/call-applications/${other.id}/review`, admin.cookie, {
          scores: { ecosystem: 1, venue: 1 },
        }),
        409,
        'conflict',
      );
    });

    (backend === 'postgres' ? test : () => {})(
      'two administrators selecting at once create one event',
      async () => {
        const call = await openCall();
        const a = await apply(call.id);
        const results = await Promise.all(
          [admin, admin2, admin].map((who) =>
            req('POST', `/api/v1/call-applications/${a.id}/select`, who.cookie),
          ),
        );
        assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409, 409]);
        const events = await t.database.db
          .selectFrom('host_applications')
          .select('event_id')
          .where('id', '=', a.id)
          .executeTakeFirstOrThrow();
        assert.ok(events.event_id);
      },
    );
  });
}
