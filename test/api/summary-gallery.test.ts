/** The photo gallery: uploads checked and scaled, captions, order, deletion, photo consent, permissions. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { multipart, picture, registration, summaryEvent } from './summary-fixtures.ts';

for (const backend of backends()) {
  describe(`event photo gallery (${backend})`, () => {
    let t: TestApp;
    let organiser: { id: string; cookie: string };
    let outsider: { cookie: string };
    let event: { id: string; slug: string };
    let consenting: string;
    let refusing: string;
    const photosUrl = () => `/api/v1/events/${event.id}/photos`;
    const upload = (fields: [string, string][], bytes: Buffer | undefined, cookie = organiser.cookie) =>
      t.request({
        method: 'POST',
        url: photosUrl(),
        cookie,
        ...multipart(fields, bytes ? { bytes } : undefined),
      });
    const list = async (cookie?: string) =>
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/events/${event.id}/summary`,
          ...(cookie ? { cookie } : {}),
        })
      ).json().photos as {
        id: string;
        caption: string;
        hidden: boolean;
        url: string;
        thumbUrl: string;
        people: unknown[];
      }[];

    before(async () => {
      t = await testApp(backend);
      organiser = await t.user({ name: 'Organiser' });
      outsider = await t.user({ name: 'Outsider' });
      const db = t.database.db;
      event = await summaryEvent(db, { organiserId: organiser.id, endsInDays: -1 });
      consenting = await registration(db, event.id, { name: 'Ada Consenting', consentPhotos: true });
      refusing = await registration(db, event.id, { name: 'Bo Refusing', consentPhotos: false });
      const put = await t.request({
        method: 'PUT',
        url: `/api/v1/events/${event.id}/summary`,
        cookie: organiser.cookie,
        payload: { bodyHtml: '<p>Thanks</p>', published: true },
      });
      assert.equal(put.statusCode, 200, put.body);
    });
    after(() => t.close());

    test('uploading needs an organiser, the consent confirmation and an image', async () => {
      const bytes = await picture(800, 600);
      assert.equal((await upload([['consentConfirmed', 'true']], bytes, '')).statusCode, 401);
      assert.equal((await upload([['consentConfirmed', 'true']], bytes, outsider.cookie)).statusCode, 403);
      const noConsent = await upload([['caption', 'x']], bytes);
      assert.equal(noConsent.statusCode, 400);
      assert.equal(noConsent.json().error.details.fields[0].field, 'body.consentConfirmed');
      const notImage = await upload([['consentConfirmed', 'true']], Buffer.from('GIF89a not really'));
      assert.equal(notImage.json().error.details.fields[0].field, 'body.file');
      const noFile = await upload([['consentConfirmed', 'true']], undefined);
      assert.equal(noFile.json().error.details.fields[0].field, 'body.file');
      const foreign = await registration(t.database.db, (await summaryEvent(t.database.db)).id);
      const tagged = await upload(
        [
          ['consentConfirmed', 'true'],
          ['registrationIds', foreign],
        ],
        bytes,
      );
      assert.equal(tagged.json().error.details.fields[0].field, 'body.registrationIds');
    });

    test('a big photo is scaled to 2048 px with a 400×300 thumbnail; caption kept', async () => {
      const res = await upload(
        [
          ['caption', 'The opening panel'],
          ['consentConfirmed', 'true'],
          ['registrationIds', consenting],
        ],
        await picture(4000, 3000, 'png'),
      );
      assert.equal(res.statusCode, 201, res.body);
      const p = res.json();
      assert.deepEqual([p.width, p.height, p.caption, p.hidden], [2048, 1536, 'The opening panel', false]);
      assert.deepEqual(p.people, [
        { registrationId: consenting, name: 'Ada Consenting', consentPhotos: true },
      ]);
      const full = await t.request({ method: 'GET', url: p.url });
      assert.equal(full.headers['content-type'], 'image/jpeg');
      assert.deepEqual(
        [(await sharp(full.rawPayload).metadata()).width, (await sharp(full.rawPayload).metadata()).height],
        [2048, 1536],
      );
      assert.equal(full.headers['cache-control'], 'public, max-age=600');
      const thumb = await t.request({ method: 'GET', url: p.thumbUrl });
      const m = await sharp(thumb.rawPayload).metadata();
      assert.deepEqual([m.format, m.width, m.height], ['jpeg', 400, 300]);
      // Visitors see the photo but not who is tagged on it.
      const publicView = (await list()).find((x) => x.id === p.id);
      assert.deepEqual(publicView?.people, []);
      assert.equal(publicView?.caption, 'The opening panel');
    });

    test('a photo showing someone without photo consent is hidden from the public and flagged', async () => {
      const res = await upload(
        [
          ['caption', 'Networking'],
          ['consentConfirmed', 'true'],
          ['registrationIds', `${consenting},${refusing}`],
        ],
        await picture(1200, 800, 'webp'),
      );
      assert.equal(res.statusCode, 201, res.body);
      const p = res.json();
      assert.equal(p.hidden, true);
      const refused = p.people.find((x: { registrationId: string }) => x.registrationId === refusing);
      assert.equal(refused.consentPhotos, false);
      assert.ok(!(await list()).some((x) => x.id === p.id), 'not listed for anonymous visitors');
      assert.ok(!(await list(outsider.cookie)).some((x) => x.id === p.id), 'nor for other users');
      assert.equal((await list(organiser.cookie)).find((x) => x.id === p.id)?.hidden, true);
      assert.equal((await t.request({ method: 'GET', url: p.url })).statusCode, 404);
      assert.equal((await t.request({ method: 'GET', url: p.thumbUrl })).statusCode, 404);
      const own = await t.request({ method: 'GET', url: p.url, cookie: organiser.cookie });
      assert.equal(own.statusCode, 200);
      assert.equal(own.headers['cache-control'], 'private, no-cache');

      // Untagging the person (or their consent arriving later) makes it public.
      const untag = await t.request({
        method: 'PATCH',
        url: `${photosUrl()}/${p.id}`,
        cookie: organiser.cookie,
        payload: { registrationIds: [consenting], caption: 'Networking, day 1' },
      });
      assert.equal(untag.statusCode, 200, untag.body);
      assert.equal(untag.json().hidden, false);
      assert.ok((await list()).some((x) => x.id === p.id && x.caption === 'Networking, day 1'));
      await t.request({
        method: 'PATCH',
        url: `${photosUrl()}/${p.id}`,
        cookie: organiser.cookie,
        payload: { registrationIds: [refusing] },
      });
      assert.ok(!(await list()).some((x) => x.id === p.id));
      await t.database.db
        .updateTable('registrations')
        .set({ consent_photos_at: new Date() })
        .where('id', '=', refusing)
        .execute();
      assert.ok(
        (await list()).some((x) => x.id === p.id),
        'consent given later',
      );
      await t.database.db
        .updateTable('registrations')
        .set({ consent_photos_at: null })
        .where('id', '=', refusing)
        .execute();
    });

    test('an unpublished summary shows no photos to the public', async () => {
      const db = t.database.db;
      const other = await summaryEvent(db, { organiserId: organiser.id });
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/events/${other.id}/photos`,
        cookie: organiser.cookie,
        ...multipart([['consentConfirmed', 'true']], { bytes: await picture(640, 480) }),
      });
      assert.equal(res.statusCode, 201, res.body);
      const s = (await t.request({ method: 'GET', url: `/api/v1/events/${other.id}/summary` })).json();
      assert.deepEqual(s.photos, []);
      assert.equal((await t.request({ method: 'GET', url: res.json().url })).statusCode, 404);
    });

    test('participants to tag: organisers search them and see their consent', async () => {
      const res = await t.request({
        method: 'GET',
        url: `${photosUrl()}/participants?q=refus`,
        cookie: organiser.cookie,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        res.json().items.map((i: { name: string; consentPhotos: boolean }) => [i.name, i.consentPhotos]),
        [['Bo Refusing', false]],
      );
      const denied = await t.request({
        method: 'GET',
        url: `${photosUrl()}/participants`,
        cookie: outsider.cookie,
      });
      assert.equal(denied.statusCode, 403);
    });

    test('photos are reordered and deleted by organisers only', async () => {
      const before = await list(organiser.cookie);
      const ids = before.map((p) => p.id).reverse();
      const order = await t.request({
        method: 'PUT',
        url: `/api/v1/events/${event.id}/summary/photos/order`,
        cookie: organiser.cookie,
        payload: { ids },
      });
      assert.equal(order.statusCode, 200, order.body);
      assert.deepEqual(
        order.json().photos.map((p: { id: string }) => p.id),
        ids,
      );
      const victim = ids[0]!;
      const url = before.find((p) => p.id === victim)!.url;
      assert.equal(
        (await t.request({ method: 'DELETE', url: `${photosUrl()}/${victim}`, cookie: outsider.cookie }))
          .statusCode,
        403,
      );
      assert.equal(
        (
          await t.request({
            method: 'PATCH',
            url: `${photosUrl()}/${victim}`,
            cookie: outsider.cookie,
            payload: { caption: 'x' },
          })
        ).statusCode,
        403,
      );
      const del = await t.request({
        method: 'DELETE',
        url: `${photosUrl()}/${victim}`,
        cookie: organiser.cookie,
      });
      assert.equal(del.statusCode, 204);
      assert.equal((await t.request({ method: 'GET', url, cookie: organiser.cookie })).statusCode, 404);
      assert.ok(!(await list(organiser.cookie)).some((p) => p.id === victim));
    });
  });
}
