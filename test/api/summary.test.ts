/** The summary after an event: sanitised article, quotes, links, publication and permissions, statistics. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sanitizeSummaryHtml } from '../../src/features/events/summary.sanitize.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { registration, summaryEvent } from './summary-fixtures.ts';

const MILAN = 'clusters-meet-regions-milan-2024';

test('sanitising strips scripts, event handlers, javascript: links and styles; links get rel', () => {
  const html = sanitizeSummaryHtml(
    '<h1 onclick="steal()">Title</h1><script>alert(1)</script><p style="color:red" onmouseover="x()">Hi ' +
      '<a href="javascript:alert(1)">bad</a> <a href=" JaVaScRiPt:alert(2)">bad2</a> ' +
      '<a href="https://example.org/x" target="_blank" rel="opener">good</a> <a href="mailto:a@example.org">mail</a>' +
      '<img src=x onerror="alert(3)"><iframe src="https://evil.example"></iframe><style>p{}</style>' +
      '<strong>b</strong> <em>i</em></p><ul><li>one</li></ul><svg onload="alert(4)"></svg>',
  );
  for (const banned of [
    '<script',
    'alert',
    'onclick',
    'onmouseover',
    'onerror',
    'onload',
    'style',
    'javascript',
    '<img',
    '<iframe',
    '<svg',
    'target=',
    '"opener"',
  ])
    assert.ok(!html.toLowerCase().includes(banned), `${banned} in ${html}`);
  assert.ok(html.startsWith('<h2>Title</h2>'), 'h1 becomes h2 (the page has its own h1)');
  assert.ok(html.includes('<a href="https://example.org/x" rel="noopener noreferrer">good</a>'), html);
  assert.ok(html.includes('<a href="mailto:a@example.org" rel="noopener noreferrer">mail</a>'), html);
  assert.ok(html.includes('<strong>b</strong> <em>i</em>'));
  assert.ok(html.includes('<ul><li>one</li></ul>'));
});

for (const backend of backends()) {
  describe(`event summary (${backend})`, () => {
    let t: TestApp;
    let organiser: { id: string; cookie: string };
    let participant: { id: string; cookie: string };
    let event: { id: string; slug: string };
    let personIds: string[];
    const url = (path = '') => `/api/v1/events/${event.id}/summary${path}`;
    const get = (cookie?: string) => t.request({ method: 'GET', url: url(), ...(cookie ? { cookie } : {}) });

    before(async () => {
      t = await testApp(backend);
      organiser = await t.user({ name: 'Organiser' });
      participant = await t.user({ name: 'Participant' });
      const db = t.database.db;
      event = await summaryEvent(db, { organiserId: organiser.id, endsInDays: -1 });
      await db
        .insertInto('event_members')
        .values({ event_id: event.id, user_id: participant.id, role: 'participant' })
        .execute();
      personIds = (
        await db
          .selectFrom('people')
          .select('id')
          .where('sample', '=', false)
          .orderBy('full_name')
          .limit(3)
          .execute()
      ).map((p) => p.id);
    });
    after(() => t.close());

    test('the Milan demo: published article, the report’s two verbatim quotes, the report link', async () => {
      const s = (await t.request({ method: 'GET', url: `/api/v1/events/${MILAN}/summary` })).json();
      assert.equal(s.published, true);
      assert.ok(s.bodyHtml.includes('<h2>Day 1: clusters, regions and research</h2>'));
      assert.ok(s.bodyHtml.includes('Euroclusters'));
      assert.deepEqual(
        s.quotes.map((q: { person: { fullName: string }; paraphrase: boolean }) => [
          q.person.fullName,
          q.paraphrase,
        ]),
        [
          ['Elisabetta Confalonieri', false],
          ['Christian Colombo', false],
        ],
      );
      assert.deepEqual(s.photos, [], 'no invented photos');
      assert.equal(s.links[0].kind, 'document');
      assert.match(s.links[0].url, /^https:\/\/clustercollaboration\.eu\//);
      assert.equal(s.statistics.basis, 'checked_in');
      assert.ok(s.statistics.total > 100);
      // The demo's registrations are generated: the statistics say so.
      assert.equal(s.statistics.sample, true);
      assert.equal(s.canEdit, false);
    });

    test('an unpublished summary is empty for everyone but the organisers', async () => {
      const put = await t.request({
        method: 'PUT',
        url: url(),
        cookie: organiser.cookie,
        payload: { bodyHtml: '<p>Draft <script>alert(1)</script>text</p>', published: false },
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().bodyHtml, '<p>Draft text</p>');
      assert.equal(put.json().canEdit, true);
      for (const cookie of [undefined, participant.cookie]) {
        const s = (await get(cookie)).json();
        assert.equal(s.published, false);
        assert.equal(s.bodyHtml, '');
        assert.equal(s.statistics, null);
        assert.equal(s.canEdit, false);
      }
      assert.equal((await get(organiser.cookie)).json().bodyHtml, '<p>Draft text</p>');
    });

    test('only the event’s organisers write it: 401 anonymous, 403 participant', async () => {
      const body = { bodyHtml: '<p>x</p>', published: true };
      assert.equal((await t.request({ method: 'PUT', url: url(), payload: body })).statusCode, 401);
      assert.equal(
        (await t.request({ method: 'PUT', url: url(), cookie: participant.cookie, payload: body }))
          .statusCode,
        403,
      );
      const bad = await t.request({
        method: 'PUT',
        url: url(),
        cookie: organiser.cookie,
        payload: { bodyHtml: 1 },
      });
      assert.equal(bad.statusCode, 400);
    });

    test('published, everyone reads it; publishedAt stays the first publication', async () => {
      const first = await t.request({
        method: 'PUT',
        url: url(),
        cookie: organiser.cookie,
        payload: {
          bodyHtml: '<h2>Highlights</h2><p>Read <a href="https://example.org">more</a></p>',
          published: true,
        },
      });
      const at = first.json().publishedAt;
      assert.ok(at);
      const s = (await get()).json();
      assert.equal(s.published, true);
      assert.equal(
        s.bodyHtml,
        '<h2>Highlights</h2><p>Read <a href="https://example.org" rel="noopener noreferrer">more</a></p>',
      );
      const again = await t.request({
        method: 'PUT',
        url: url(),
        cookie: organiser.cookie,
        payload: { bodyHtml: '<p>Edited</p>', published: true },
      });
      assert.equal(again.json().publishedAt, at);
      const page = await t.request({ method: 'GET', url: `/events/${event.slug}/summary` });
      assert.ok(page.body.includes(`<title>Summary: Summary test ${event.slug} · Nexum</title>`));
      assert.ok(page.body.includes('<meta name="description" content="Edited">'));
    });

    test('quotes: attributed to a directory person, ordered, paraphrases marked', async () => {
      const add = (payload: Record<string, unknown>, cookie = organiser.cookie) =>
        t.request({ method: 'POST', url: url('/quotes'), cookie, payload });
      const a = await add({ personId: personIds[0], text: 'First words.', context: 'Opening' });
      assert.equal(a.statusCode, 201, a.body);
      assert.equal(a.json().paraphrase, false);
      assert.equal(a.json().position, 0);
      const b = await add({ personId: personIds[1], text: 'Second, in our words.', paraphrase: true });
      assert.equal(b.json().position, 1);
      assert.equal(b.json().paraphrase, true);
      assert.equal(b.json().context, null);
      const unknown = await add({ personId: '00000000-0000-4000-8000-000000000000', text: 'x' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.details.fields[0].field, 'body.personId');
      assert.equal((await add({ personId: personIds[0], text: '  ' })).statusCode, 400);
      assert.equal((await add({ personId: personIds[0], text: 'x' }, participant.cookie)).statusCode, 403);

      const order = await t.request({
        method: 'PUT',
        url: url('/quotes/order'),
        cookie: organiser.cookie,
        payload: { ids: [b.json().id, a.json().id] },
      });
      assert.equal(order.statusCode, 200, order.body);
      assert.deepEqual(
        order.json().quotes.map((q: { text: string }) => q.text),
        ['Second, in our words.', 'First words.'],
      );
      const partial = await t.request({
        method: 'PUT',
        url: url('/quotes/order'),
        cookie: organiser.cookie,
        payload: { ids: [a.json().id] },
      });
      assert.equal(partial.statusCode, 400);

      const edited = await t.request({
        method: 'PATCH',
        url: url(`/quotes/${a.json().id}`),
        cookie: organiser.cookie,
        payload: { text: 'First words, corrected.', context: '' },
      });
      assert.equal(edited.json().text, 'First words, corrected.');
      assert.equal(edited.json().context, null);
      const del = await t.request({
        method: 'DELETE',
        url: url(`/quotes/${b.json().id}`),
        cookie: organiser.cookie,
      });
      assert.equal(del.statusCode, 204);
      const gone = await t.request({
        method: 'DELETE',
        url: url(`/quotes/${b.json().id}`),
        cookie: organiser.cookie,
      });
      assert.equal(gone.statusCode, 404);
      assert.deepEqual(
        (await get()).json().quotes.map((q: { text: string }) => q.text),
        ['First words, corrected.'],
      );
    });

    test('links: recordings and documents, https only', async () => {
      const add = (payload: Record<string, unknown>) =>
        t.request({ method: 'POST', url: url('/links'), cookie: organiser.cookie, payload });
      assert.equal(
        (await add({ kind: 'recording', title: 'Day 1', url: 'http://example.org/v' })).statusCode,
        400,
      );
      assert.equal(
        (await add({ kind: 'recording', title: 'Day 1', url: 'javascript:alert(1)' })).statusCode,
        400,
      );
      assert.equal(
        (await add({ kind: 'podcast', title: 'Day 1', url: 'https://example.org/v' })).statusCode,
        400,
      );
      const rec = await add({ kind: 'recording', title: 'Day 1', url: 'https://example.org/v' });
      assert.equal(rec.statusCode, 201, rec.body);
      await add({ kind: 'document', title: 'Slides', url: 'https://example.org/s.pdf' });
      const links = (await get()).json().links;
      assert.deepEqual(
        links.map((l: { kind: string }) => l.kind),
        ['recording', 'document'],
      );
      const del = await t.request({
        method: 'DELETE',
        url: url(`/links/${rec.json().id}`),
        cookie: organiser.cookie,
      });
      assert.equal(del.statusCode, 204);
    });

    test('statistics: confirmed before the event, checked-in after it; groups under 3 not shown', async () => {
      const db = t.database.db;
      const future = await summaryEvent(db, { organiserId: organiser.id, endsInDays: 10 });
      const add = async (n: number, o: Parameters<typeof registration>[2]) => {
        for (let i = 0; i < n; i++) await registration(db, future.id, o);
      };
      await add(4, { category: 'company', country: 'IT' });
      await add(3, { category: 'research', country: 'ES' });
      await add(1, { category: 'startup', country: 'DE' });
      await add(1, { category: 'company', country: null });
      await add(2, { category: 'cluster', country: 'IT', status: 'waitlisted' });
      await add(1, { category: 'cluster', country: 'IT', status: 'cancelled' });
      const statsOf = async (id: string) => {
        await t.request({
          method: 'PUT',
          url: `/api/v1/events/${id}/summary`,
          cookie: organiser.cookie,
          payload: { bodyHtml: '<p>x</p>', published: true },
        });
        return (await t.request({ method: 'GET', url: `/api/v1/events/${id}/summary` })).json().statistics;
      };
      const s = await statsOf(future.id);
      assert.deepEqual(s, {
        basis: 'confirmed',
        total: 9,
        minGroup: 3,
        byCategory: [
          { key: 'company', count: 5 },
          { key: 'research', count: 3 },
        ],
        byCountry: [
          { key: 'IT', count: 4 },
          { key: 'ES', count: 3 },
        ],
        hiddenCategory: 1,
        hiddenCountry: 2,
        sample: false,
      });
      // After the event, those checked in count (when check-in was used).
      const over = await summaryEvent(db, { organiserId: organiser.id, endsInDays: -1 });
      for (let i = 0; i < 3; i++)
        await registration(db, over.id, { category: 'cluster', country: 'BE', checkedIn: true });
      for (let i = 0; i < 4; i++) await registration(db, over.id, { category: 'company', country: 'BE' });
      const p = await statsOf(over.id);
      assert.equal(p.basis, 'checked_in');
      assert.equal(p.total, 3);
      assert.deepEqual(p.byCategory, [{ key: 'cluster', count: 3 }]);
    });
  });
}
