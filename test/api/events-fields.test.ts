/** Event fields of the events issue (themes, registration window, Input Paper…), derived 'past', banner, share cards. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { multipart, picture, summaryEvent } from './summary-fixtures.ts';

const MILAN = 'clusters-meet-regions-milan-2024';

function fieldOf(res: LightMyRequestResponse) {
  assert.equal(res.statusCode, 400, res.body);
  return (res.json().error.details?.fields ?? []).map((f: { field: string }) => f.field);
}
const meta = (html: string, attr: 'property' | 'name', key: string) =>
  new RegExp(`<meta ${attr}="${key}" content="([^"]*)">`).exec(html)?.[1];
const jsonLd = (html: string) =>
  JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? 'null');

for (const backend of backends()) {
  describe(`event fields, past status and banner (${backend})`, () => {
    let t: TestApp;
    let organiser: { id: string; cookie: string };
    let outsider: { cookie: string };
    let event: { id: string; slug: string };
    const patch = (payload: Record<string, unknown>, cookie = organiser.cookie, id = event.id) =>
      t.request({ method: 'PATCH', url: `/api/v1/events/${id}`, cookie, payload });

    before(async () => {
      t = await testApp(backend);
      organiser = await t.user({ name: 'Organiser' });
      outsider = await t.user({ name: 'Outsider' });
      event = await summaryEvent(t.database.db, { organiserId: organiser.id, endsInDays: 60 });
    });
    after(() => t.close());

    test('the Milan event has its themes, no banner, and reads as past', async () => {
      const e = (await t.request({ method: 'GET', url: `/api/v1/events/${MILAN}` })).json();
      assert.equal(e.status, 'past');
      assert.ok(e.themes.includes('Twin transition'));
      assert.equal(e.banner, null);
      assert.equal(e.inputPaperUrl, null, 'no public address known for the Input Paper');
      assert.equal(typeof e.requiresApproval, 'boolean');
      assert.ok(['first_come', 'scheduler'].includes(e.b2bMode));
      assert.ok(e.agendaVersion >= 1);
    });

    test('themes: up to 10 short distinct strings', async () => {
      const ok = await patch({ themes: [' Twin transition ', 'AI'] });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json().themes, ['Twin transition', 'AI']);
      assert.ok(
        fieldOf(await patch({ themes: Array.from({ length: 11 }, (_, i) => `t${i}`) })).includes(
          'body.themes',
        ),
      );
      assert.ok(fieldOf(await patch({ themes: ['AI', 'ai'] })).includes('body.themes'));
      assert.ok(
        fieldOf(await patch({ themes: ['x'.repeat(61)] })).some((f: string) => f.startsWith('body.themes')),
      );
      assert.ok(fieldOf(await patch({ themes: [''] })).some((f: string) => f.startsWith('body.themes')));
    });

    test('registration window: closes after it opens, by the end of the event', async () => {
      const e = (await t.request({ method: 'GET', url: `/api/v1/events/${event.id}` })).json();
      const ends = Date.parse(e.endsAt);
      const at = (ms: number) => new Date(ms).toISOString();
      const opens = at(ends - 30 * 86_400_000);
      const closes = at(ends - 86_400_000);
      const ok = await patch({
        registrationOpensAt: opens,
        registrationClosesAt: closes,
        requiresApproval: true,
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().registrationOpensAt, opens);
      assert.equal(ok.json().registrationClosesAt, closes);
      assert.equal(ok.json().requiresApproval, true);
      // In one body, and against the stored value when only one end is sent.
      assert.ok(
        fieldOf(await patch({ registrationOpensAt: closes, registrationClosesAt: opens })).includes(
          'body.registrationClosesAt',
        ),
      );
      assert.ok(
        fieldOf(await patch({ registrationClosesAt: at(ends - 40 * 86_400_000) })).includes(
          'body.registrationClosesAt',
        ),
      );
      assert.ok(
        fieldOf(await patch({ registrationClosesAt: at(ends + 86_400_000) })).includes(
          'body.registrationClosesAt',
        ),
      );
      assert.ok(
        fieldOf(await patch({ registrationOpensAt: at(ends - 4 * 366 * 86_400_000) })).includes(
          'body.registrationOpensAt',
        ),
      );
      assert.ok(
        fieldOf(await patch({ registrationOpensAt: 'tomorrow' })).includes('body.registrationOpensAt'),
      );
      const cleared = await patch({ registrationOpensAt: null, registrationClosesAt: null });
      assert.equal(cleared.json().registrationOpensAt, null);
    });

    test('Input Paper: an https address, or nothing', async () => {
      assert.ok(
        fieldOf(await patch({ inputPaperUrl: 'http://example.org/paper.pdf' })).includes(
          'body.inputPaperUrl',
        ),
      );
      assert.ok(
        fieldOf(await patch({ inputPaperUrl: 'javascript:alert(1)' })).includes('body.inputPaperUrl'),
      );
      const ok = await patch({ inputPaperUrl: 'https://example.org/input-paper.pdf', b2bMode: 'first_come' });
      assert.equal(ok.json().inputPaperUrl, 'https://example.org/input-paper.pdf');
      assert.equal(ok.json().b2bMode, 'first_come');
      assert.equal((await patch({ inputPaperUrl: '' })).json().inputPaperUrl, null);
    });

    test("'past' is derived, not settable; drafts and cancelled events keep their status", async () => {
      assert.ok(fieldOf(await patch({ status: 'past' })).includes('body.status'));
      const db = t.database.db;
      const over = await summaryEvent(db, { organiserId: organiser.id, endsInDays: -2 });
      const cancelled = await summaryEvent(db, {
        organiserId: organiser.id,
        endsInDays: -2,
        status: 'cancelled',
      });
      const draft = await summaryEvent(db, { organiserId: organiser.id, endsInDays: -2, status: 'draft' });
      const get = async (id: string) =>
        (await t.request({ method: 'GET', url: `/api/v1/events/${id}`, cookie: organiser.cookie })).json();
      assert.equal((await get(over.id)).status, 'past');
      assert.equal((await get(cancelled.id)).status, 'cancelled');
      assert.equal((await get(draft.id)).status, 'draft');
      assert.equal((await get(event.id)).status, 'published');
      const past = (await t.request({ method: 'GET', url: '/api/v1/events?when=past&pageSize=100' })).json();
      assert.equal(past.items.find((e: { id: string }) => e.id === over.id)?.status, 'past');
      assert.equal(past.items.find((e: { id: string }) => e.id === cancelled.id)?.status, 'cancelled');
      const next = (
        await t.request({ method: 'GET', url: '/api/v1/events?when=upcoming&pageSize=100' })
      ).json();
      assert.equal(next.items.find((e: { id: string }) => e.id === event.id)?.status, 'published');
      // Setting 'published' on a past event keeps it past; the edit form shows it as published.
      const again = await patch({ status: 'published' }, organiser.cookie, over.id);
      assert.equal(again.json().status, 'past');
    });

    describe('banner', () => {
      const upload = async (bytes: Buffer, cookie = organiser.cookie, id = event.id) =>
        t.request({
          method: 'PUT',
          url: `/api/v1/events/${id}/banner`,
          cookie,
          ...multipart([], { bytes, name: 'banner.png', type: 'image/png' }),
        });

      test('only organisers upload; anonymous 401, others 403', async () => {
        const bytes = await picture(1000, 400, 'png');
        assert.equal((await upload(bytes, '')).statusCode, 401);
        assert.equal((await upload(bytes, outsider.cookie)).statusCode, 403);
      });

      test('bytes that are not an image, or a too small one, are a 400 on body.file', async () => {
        assert.deepEqual(fieldOf(await upload(Buffer.from('%PDF-1.4 not an image'))), ['body.file']);
        assert.deepEqual(fieldOf(await upload(await picture(500, 200))), ['body.file']);
        const none = await t.request({
          method: 'PUT',
          url: `/api/v1/events/${event.id}/banner`,
          cookie: organiser.cookie,
          ...multipart([['caption', 'no file']]),
        });
        assert.deepEqual(fieldOf(none), ['body.file']);
      });

      test('a banner is stored 1600 px wide (WebP) with a 1200×630 JPEG card, cached by version', async () => {
        const res = await upload(await picture(3200, 1200, 'png'));
        assert.equal(res.statusCode, 200, res.body);
        const banner = res.json();
        assert.equal(banner.width, 1600);
        assert.equal(banner.height, 600);
        assert.deepEqual(
          (await t.request({ method: 'GET', url: `/api/v1/events/${event.id}` })).json().banner,
          banner,
        );

        const page = await t.request({ method: 'GET', url: banner.url });
        assert.equal(page.statusCode, 200);
        assert.equal(page.headers['content-type'], 'image/webp');
        assert.match(String(page.headers['cache-control']), /public, max-age=31536000, immutable/);
        const pageMeta = await sharp(page.rawPayload).metadata();
        assert.equal(pageMeta.format, 'webp');
        assert.equal(pageMeta.width, 1600);

        const card = await t.request({ method: 'GET', url: banner.cardUrl });
        assert.equal(card.headers['content-type'], 'image/jpeg');
        const cardMeta = await sharp(card.rawPayload).metadata();
        assert.deepEqual([cardMeta.format, cardMeta.width, cardMeta.height], ['jpeg', 1200, 630]);

        const etag = String(page.headers.etag);
        const again = await t.request({ method: 'GET', url: banner.url, headers: { 'if-none-match': etag } });
        assert.equal(again.statusCode, 304);
        const unversioned = await t.request({ method: 'GET', url: `/api/v1/events/${event.id}/banner` });
        assert.equal(unversioned.headers['cache-control'], 'public, max-age=600');
      });

      test('a share card uses the banner: og:image, summary_large_image and JSON-LD image', async () => {
        const html = (await t.request({ method: 'GET', url: `/events/${event.slug}` })).body;
        const banner = (await t.request({ method: 'GET', url: `/api/v1/events/${event.id}` })).json().banner;
        assert.equal(meta(html, 'name', 'twitter:card'), 'summary_large_image');
        const og = meta(html, 'property', 'og:image')?.replace(/&amp;/g, '&');
        assert.equal(og, `http://localhost:3000${banner.cardUrl}`);
        assert.equal(meta(html, 'property', 'og:image:width'), '1200');
        assert.equal(meta(html, 'property', 'og:image:height'), '630');
        assert.equal(meta(html, 'name', 'twitter:image')?.replace(/&amp;/g, '&'), og);
        const ld = jsonLd(html);
        assert.deepEqual(ld.image, [og]);
        assert.equal(ld.eventStatus, 'https://schema.org/EventScheduled');
        assert.equal(ld.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
        assert.equal(ld.location.address.streetAddress, 'Piazza Città di Lombardia 1, 20124 Milano');
        assert.equal(ld.location.address.addressCountry, 'IT');
        assert.equal(ld.keywords, 'Twin transition, AI');
      });

      test('without a banner the card is a small one; a cancelled event says so in JSON-LD', async () => {
        const milan = (await t.request({ method: 'GET', url: `/events/${MILAN}` })).body;
        assert.equal(meta(milan, 'name', 'twitter:card'), 'summary');
        assert.equal(meta(milan, 'property', 'og:image'), undefined);
        assert.equal(jsonLd(milan).image, undefined);
        const db = t.database.db;
        const cancelled = await summaryEvent(db, { status: 'cancelled' });
        const html = (await t.request({ method: 'GET', url: `/events/${cancelled.slug}` })).body;
        assert.equal(jsonLd(html).eventStatus, 'https://schema.org/EventCancelled');
        assert.ok((jsonLd(html).organizer as unknown[]).length === 0);
      });

      test('a draft event’s banner is private; removing it deletes the files', async () => {
        const db = t.database.db;
        const draft = await summaryEvent(db, { organiserId: organiser.id, status: 'draft' });
        const res = await upload(await picture(1200, 630), organiser.cookie, draft.id);
        assert.equal(res.statusCode, 200, res.body);
        assert.equal((await t.request({ method: 'GET', url: res.json().url })).statusCode, 404, 'anonymous');
        const own = await t.request({ method: 'GET', url: res.json().url, cookie: organiser.cookie });
        assert.equal(own.headers['cache-control'], 'private, no-cache');
        const before = Number(
          (
            await db
              .selectFrom('files')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        const del = await t.request({
          method: 'DELETE',
          url: `/api/v1/events/${draft.id}/banner`,
          cookie: organiser.cookie,
        });
        assert.equal(del.statusCode, 204);
        const after = Number(
          (
            await db
              .selectFrom('files')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        assert.equal(before - after, 2);
        const again = await t.request({
          method: 'DELETE',
          url: `/api/v1/events/${draft.id}/banner`,
          cookie: organiser.cookie,
        });
        assert.equal(again.statusCode, 404);
        const gone = await t.request({
          method: 'GET',
          url: `/api/v1/events/${draft.id}/banner`,
          cookie: organiser.cookie,
        });
        assert.equal(gone.statusCode, 404);
      });
    });
  });
}
