import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

const MILAN = 'clusters-meet-regions-milan-2024';
const MILAN_TITLE = 'Clusters meet Regions — Milan';

function assertFieldError(res: LightMyRequestResponse, field: string) {
  assert.equal(res.statusCode, 400, res.body);
  const body = res.json();
  assert.equal(typeof body.error.code, 'string');
  const fields = (body.error.details?.fields ?? []).map((f: { field: string }) => f.field);
  assert.ok(fields.includes(field), `expected a field error on ${field}, got ${res.body}`);
}

/** The parsed JSON-LD blocks of an HTML page. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
    JSON.parse(m[1]!),
  );
}

function metaContent(html: string, attr: 'property' | 'name', key: string): string | undefined {
  const m = new RegExp(`<meta ${attr}="${key.replace(/[:]/g, '\\$&')}" content="([^"]*)">`).exec(html);
  return m?.[1];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

for (const backend of backends()) {
  describe(`events (${backend})`, () => {
    let t: TestApp;
    let admin: string;
    const create = (payload: Record<string, unknown>) =>
      t.request({ method: 'POST', url: '/api/v1/events', cookie: admin, payload });
    const valid = (extra: Record<string, unknown> = {}) => ({
      title: 'Clusters meet Regions — Valencia',
      startsAt: '2030-10-15T09:00:00+02:00',
      endsAt: '2030-10-16T17:00:00+02:00',
      timeZone: 'Europe/Madrid',
      ...extra,
    });

    before(async () => {
      t = await testApp(backend);
      admin = (await t.user({ admin: true })).cookie;
    });
    after(() => t.close());

    describe('lists', () => {
      test('Milan 2024 is past, not upcoming', async () => {
        const past = (await t.request({ method: 'GET', url: '/api/v1/events?when=past' })).json();
        assert.ok(past.items.some((e: { slug: string }) => e.slug === MILAN));
        const upcoming = (
          await t.request({ method: 'GET', url: '/api/v1/events?when=upcoming&pageSize=100' })
        ).json();
        assert.ok(!upcoming.items.some((e: { slug: string }) => e.slug === MILAN));
        const all = (await t.request({ method: 'GET', url: '/api/v1/events' })).json();
        assert.ok(all.items.some((e: { slug: string }) => e.slug === MILAN));
      });

      test('an event in the future is upcoming, not past', async () => {
        const res = await create(valid({ title: 'A future workshop', status: 'published' }));
        assert.equal(res.statusCode, 201, res.body);
        const id = res.json().id;
        const upcoming = (
          await t.request({ method: 'GET', url: '/api/v1/events?when=upcoming&pageSize=100' })
        ).json();
        assert.ok(upcoming.items.some((e: { id: string }) => e.id === id));
        const past = (
          await t.request({ method: 'GET', url: '/api/v1/events?when=past&pageSize=100' })
        ).json();
        assert.ok(!past.items.some((e: { id: string }) => e.id === id));
      });

      test('a summary has the host region and the time zone', async () => {
        const past = (await t.request({ method: 'GET', url: '/api/v1/events?when=past' })).json();
        const milan = past.items.find((e: { slug: string }) => e.slug === MILAN);
        assert.deepEqual(milan.hostRegion, { code: 'ITC4', name: 'Lombardia', level: 2 });
        assert.equal(milan.timeZone, 'Europe/Rome');
        assert.equal(milan.status, 'past', 'a published event that is over reads as past');
        assert.equal(milan.sample, false);
      });

      test('filters by region prefix', async () => {
        for (const [region, present] of [
          ['ITC4', true],
          ['IT', true],
          ['DE', false],
        ] as const) {
          const r = (await t.request({ method: 'GET', url: `/api/v1/events?region=${region}` })).json();
          assert.equal(
            r.items.some((e: { slug: string }) => e.slug === MILAN),
            present,
            region,
          );
        }
      });

      test('bad parameters are 400', async () => {
        for (const q of ['when=soon', 'region=itc4', 'pageSize=101', 'page=0']) {
          const res = await t.request({ method: 'GET', url: `/api/v1/events?${q}` });
          assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
        }
      });
    });

    describe('the Milan workshop', () => {
      // biome-ignore lint/suspicious/noExplicitAny: a JSON body
      let e: any;
      before(async () => {
        const res = await t.request({ method: 'GET', url: `/api/v1/events/${MILAN}` });
        assert.equal(res.statusCode, 200, res.body);
        e = res.json();
      });

      test('has its time in UTC and its time zone', () => {
        assert.equal(e.title, MILAN_TITLE);
        assert.equal(e.startsAt, '2024-03-26T08:00:00.000Z');
        assert.equal(e.endsAt, '2024-03-27T16:30:00.000Z');
        assert.equal(e.timeZone, 'Europe/Rome');
        assert.equal(e.city, 'Milan');
        assert.equal(e.reportedParticipants, 160);
      });

      test('lists its organisers in order', () => {
        assert.deepEqual(
          e.organisers.map((o: { name: string }) => o.name),
          [
            'European Cluster Collaboration Platform',
            'Regione Lombardia',
            'Associazione Fabbrica Intelligente Lombardia',
          ],
        );
        assert.equal(e.organisers[2].acronym, 'AFIL');
      });

      test('lists its people with their roles', () => {
        const byName = new Map(e.people.map((p: { fullName: string }) => [p.fullName, p]));
        // biome-ignore lint/suspicious/noExplicitAny: a JSON body
        const novo = byName.get('Antonio Novo') as any;
        assert.equal(novo?.role, 'moderator');
        assert.equal(novo.organisation.slug, 'european-clusters-alliance');
        // biome-ignore lint/suspicious/noExplicitAny: a JSON body
        const tolio = byName.get('Tullio Tolio') as any;
        assert.equal(tolio?.role, 'speaker');
        assert.equal(tolio.honorific, 'Prof.');
        assert.equal(tolio.organisation.name, 'Politecnico di Milano');
        assert.equal(e.people[0].fullName, 'Elisabetta Confalonieri', 'programme order');
        assert.ok(e.people.every((p: { sample: boolean }) => p.sample === false));
      });

      test('by id is the same event', async () => {
        const res = await t.request({ method: 'GET', url: `/api/v1/events/${e.id}` });
        assert.deepEqual(res.json(), e);
      });

      test('an unknown event is 404', async () => {
        for (const ref of ['no-such-event', '00000000-0000-4000-8000-000000000000']) {
          const res = await t.request({ method: 'GET', url: `/api/v1/events/${ref}` });
          assert.equal(res.statusCode, 404);
          assert.equal(res.json().error.code, 'not_found');
        }
      });
    });

    describe('create', () => {
      test('a valid event is created as a draft by default', async () => {
        const res = await create(
          valid({
            title: 'Clusters meet Regions — Valencia',
            hostRegionCode: 'ES52',
            city: 'València',
            summary: 'A workshop',
            capacity: 150,
            website: 'https://example.org/valencia',
          }),
        );
        assert.equal(res.statusCode, 201, res.body);
        const e = res.json();
        assert.equal(e.slug, 'clusters-meet-regions-valencia');
        assert.equal(e.status, 'draft');
        assert.equal(e.startsAt, '2030-10-15T07:00:00.000Z');
        assert.equal(e.timeZone, 'Europe/Madrid');
        assert.deepEqual(e.hostRegion, { code: 'ES52', name: 'Comunitat Valenciana', level: 2 });
        assert.equal(e.capacity, 150);
        assert.equal(e.canEdit, true);
      });

      test('organisers are kept in the order given', async () => {
        const ids = [];
        for (const slug of ['afil', 'eccp', 'ivace']) {
          ids.push((await t.request({ method: 'GET', url: `/api/v1/organisations/${slug}` })).json().id);
        }
        const res = await create(valid({ title: 'Ordered organisers', organiserOrganisationIds: ids }));
        assert.equal(res.statusCode, 201, res.body);
        assert.deepEqual(
          res.json().organisers.map((o: { id: string }) => o.id),
          ids,
        );
      });

      test('endsAt before startsAt is a 400 on body.endsAt', async () => {
        const res = await create(
          valid({ startsAt: '2030-10-16T09:00:00+02:00', endsAt: '2030-10-15T09:00:00+02:00' }),
        );
        assertFieldError(res, 'body.endsAt');
      });

      test('an unknown time zone is a 400 on body.timeZone', async () => {
        for (const timeZone of ['Mars/Olympus_Mons', '', 'Europe/Rome; drop table events']) {
          assertFieldError(await create(valid({ timeZone })), 'body.timeZone');
        }
      });

      test('an unknown host region is a 400 on body.hostRegionCode', async () => {
        assertFieldError(await create(valid({ hostRegionCode: 'ZZ99' })), 'body.hostRegionCode');
        assertFieldError(await create(valid({ hostRegionCode: 'itc4' })), 'body.hostRegionCode');
      });

      test('an unknown organiser is a 400 on body.organiserOrganisationIds', async () => {
        const res = await create(
          valid({ organiserOrganisationIds: ['00000000-0000-4000-8000-000000000000'] }),
        );
        assertFieldError(res, 'body.organiserOrganisationIds');
        assertFieldError(
          await create(valid({ organiserOrganisationIds: ['afil'] })),
          'body.organiserOrganisationIds.0',
        );
      });

      test('missing and malformed fields are 400, never 500', async () => {
        const cases: [Record<string, unknown>, string][] = [
          [{ ...valid(), title: undefined }, 'body.title'],
          [valid({ title: '   ' }), 'body.title'],
          [valid({ startsAt: '2030-10-15 09:00' }), 'body.startsAt'],
          [valid({ startsAt: '2030-10-15T09:00:00' }), 'body.startsAt'],
          [valid({ startsAt: '2030-02-30T09:00:00Z' }), 'body.startsAt'],
          [valid({ status: 'secret' }), 'body.status'],
          [valid({ capacity: 0 }), 'body.capacity'],
          [valid({ website: 'javascript:alert(1)' }), 'body.website'],
        ];
        for (const [payload, field] of cases) assertFieldError(await create(payload), field);
      });

      test('a date the database cannot store is a 400, not a 500', async () => {
        const res = await create(valid({ startsAt: '0000-01-01T00:00:00Z', endsAt: '0000-01-02T00:00:00Z' }));
        assert.notEqual(res.statusCode, 500, res.body);
        assert.equal(res.statusCode, 400, res.body);
      });

      test('two events with the same title get distinct slugs', async () => {
        const a = await create(valid({ title: 'Twin Transition Day' }));
        const b = await create(valid({ title: 'Twin Transition Day' }));
        const c = await create(valid({ title: 'Twin transition day!' }));
        assert.deepEqual(
          [a, b, c].map((r) => r.statusCode),
          [201, 201, 201],
        );
        const slugs = [a, b, c].map((r) => r.json().slug);
        assert.equal(slugs[0], 'twin-transition-day');
        assert.equal(new Set(slugs).size, 3, slugs.join(', '));
        for (const s of slugs) assert.match(s, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      });

      test('a title of punctuation or in another script still gets a slug', async () => {
        for (const title of ['!!!', 'Ελλάδα 2030']) {
          const res = await create(valid({ title }));
          assert.equal(res.statusCode, 201, res.body);
          assert.match(res.json().slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        }
      });

      // PGlite serialises transactions, so this race exists only on PostgreSQL.
      const onPostgres = backend === 'postgres' ? test : () => {};
      onPostgres(
        'an event created while another with the same title is being created still gets its own slug',
        async () => {
          // Deterministic race: a concurrent creation has inserted the slug but not committed yet, so the
          // API's "is this slug taken?" check passes and its insert waits on the unique index.
          const db = t.database.db;
          const res = await db.transaction().execute(async (trx) => {
            await trx
              .insertInto('events')
              .values({
                slug: 'simultaneous-workshop',
                title: 'Simultaneous workshop',
                starts_at: '2030-10-15T09:00:00+02:00',
                ends_at: '2030-10-16T17:00:00+02:00',
                time_zone: 'Europe/Madrid',
                status: 'published',
              })
              .execute();
            const pending = create(valid({ title: 'Simultaneous workshop' }));
            // Wait (bounded) until the API's insert is blocked on our uncommitted row.
            for (let i = 0; i < 500; i++) {
              const r = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
              if (Number(r.rows[0]?.n) > 0) break;
              await new Promise((resolve) => setTimeout(resolve, 20));
            }
            return { pending };
          });
          const created = await res.pending;
          assert.equal(created.statusCode, 201, created.body);
          assert.notEqual(created.json().slug, 'simultaneous-workshop');
          assert.match(created.json().slug, /^simultaneous-workshop-\d+$/);
        },
      );
    });

    describe('update', () => {
      test('endsAt before the stored startsAt is a 400 on body.endsAt', async () => {
        const res = await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${MILAN}`,
          cookie: admin,
          payload: { endsAt: '2024-03-25T00:00:00+01:00' },
        });
        assertFieldError(res, 'body.endsAt');
      });

      test('an empty body is a 400', async () => {
        const res = await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${MILAN}`,
          cookie: admin,
          payload: {},
        });
        assert.equal(res.statusCode, 400);
      });

      test('changes persist, the slug does not change', async () => {
        const created = (await create(valid({ title: 'To be renamed' }))).json();
        const res = await t.request({
          method: 'PATCH',
          url: `/api/v1/events/${created.id}`,
          cookie: admin,
          payload: { title: 'Renamed', hostRegionCode: 'ITC4', venueName: '' },
        });
        assert.equal(res.statusCode, 200, res.body);
        const again = (
          await t.request({ method: 'GET', url: `/api/v1/events/${created.slug}`, cookie: admin })
        ).json();
        assert.equal(again.title, 'Renamed');
        assert.equal(again.slug, created.slug);
        assert.equal(again.hostRegion.code, 'ITC4');
        assert.equal(again.venueName, null);
      });
    });

    describe('share pages (server-rendered head)', () => {
      test('the Milan event page has its title, Open Graph tags and Event JSON-LD', async () => {
        const res = await t.request({ method: 'GET', url: `/events/${MILAN}` });
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
        const html = res.body;
        assert.ok(html.includes(`<title>${MILAN_TITLE} · Nexum</title>`), html.slice(0, 300));
        assert.equal(metaContent(html, 'property', 'og:title'), MILAN_TITLE);
        assert.equal(metaContent(html, 'property', 'og:type'), 'article');
        assert.equal(metaContent(html, 'property', 'og:url'), `http://localhost:3000/events/${MILAN}`);
        assert.ok(
          decode(metaContent(html, 'property', 'og:description') ?? '').startsWith(
            'The first "Clusters meet Regions"',
          ),
        );
        const [ld] = jsonLd(html);
        assert.ok(ld, 'a JSON-LD block');
        assert.equal(ld['@context'], 'https://schema.org');
        assert.equal(ld['@type'], 'Event');
        assert.equal(ld.name, MILAN_TITLE);
        assert.equal(ld.startDate, '2024-03-26T08:00:00.000Z');
        assert.equal(ld.endDate, '2024-03-27T16:30:00.000Z');
        // biome-ignore lint/suspicious/noExplicitAny: JSON-LD
        const location = ld.location as any;
        assert.equal(location['@type'], 'Place');
        assert.equal(location.name, 'Palazzo Lombardia');
        assert.equal(location.address.addressLocality, 'Milan');
        assert.equal(location.address.addressCountry, 'IT');
        assert.deepEqual(
          (ld.organizer as { name: string }[]).map((o) => o.name),
          [
            'European Cluster Collaboration Platform',
            'Regione Lombardia',
            'Associazione Fabbrica Intelligente Lombardia',
          ],
        );
        assert.ok((ld.performer as { name: string }[]).some((p) => p.name === 'Tullio Tolio'));
      });

      test('an organisation page has Organization JSON-LD', async () => {
        const found = (
          await t.request({ method: 'GET', url: '/api/v1/organisations?q=AFIL&sample=false' })
        ).json();
        const afil = found.items.find((o: { acronym: string | null }) => o.acronym === 'AFIL');
        assert.ok(afil);
        const res = await t.request({ method: 'GET', url: `/organisations/${afil.slug}` });
        assert.equal(res.statusCode, 200);
        assert.ok(
          res.body.includes('<title>Associazione Fabbrica Intelligente Lombardia (AFIL) · Nexum</title>'),
        );
        assert.equal(metaContent(res.body, 'property', 'og:type'), 'profile');
        const [ld] = jsonLd(res.body);
        assert.equal(ld?.['@type'], 'Organization');
        assert.equal(ld?.name, 'Associazione Fabbrica Intelligente Lombardia');
        assert.equal(ld?.alternateName, 'AFIL');
        assert.deepEqual(ld?.sameAs, ['https://www.afil.it']);
        assert.equal(ld?.foundingDate, '2013');
      });

      test('a university page uses CollegeOrUniversity', async () => {
        const res = await t.request({ method: 'GET', url: '/organisations/politecnico-di-milano' });
        assert.equal(jsonLd(res.body)[0]?.['@type'], 'CollegeOrUniversity');
      });

      test('an unknown event or organisation is a 404 HTML page', async () => {
        for (const url of ['/events/no-such-event', '/organisations/no-such-organisation']) {
          const res = await t.request({ method: 'GET', url });
          assert.equal(res.statusCode, 404, url);
          assert.match(String(res.headers['content-type']), /^text\/html/);
          assert.ok(res.body.includes('<title>Not found · Nexum</title>'));
          assert.deepEqual(jsonLd(res.body), []);
        }
      });

      test('static pages get their own title', async () => {
        const res = await t.request({ method: 'GET', url: '/events' });
        assert.equal(res.statusCode, 200);
        assert.ok(res.body.includes('<title>Events · Nexum</title>'));
      });

      test('a title with a script-closing tag is escaped in the head', async () => {
        const title = 'Evil </script><script>alert(1)</script> & "quotes"';
        const created = await create(
          valid({ title, summary: '<img src=x onerror=alert(1)>', status: 'published' }),
        );
        assert.equal(created.statusCode, 201, created.body);
        const res = await t.request({ method: 'GET', url: `/events/${created.json().slug}` });
        assert.equal(res.statusCode, 200);
        const html = res.body;
        assert.ok(!html.includes('</script><script>'), 'raw script tags in the page');
        assert.ok(!html.includes('<script>alert(1)'), 'raw script tags in the page');
        assert.ok(!html.includes('<img src=x'), 'raw HTML from the summary');
        assert.ok(
          html.includes(
            '<title>Evil &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; · Nexum</title>',
          ),
        );
        assert.equal(decode(metaContent(html, 'property', 'og:title') ?? ''), title);
        // Exactly one script element, the JSON-LD, whose content parses back to the real title.
        assert.equal(html.match(/<script\b/g)?.length, 1);
        const [ld] = jsonLd(html);
        assert.equal(ld?.name, title);
        assert.equal(ld?.description, '<img src=x onerror=alert(1)>');
      });
    });
  });
}
