/** Organisation logos: upload (type sniffed, size limited, resized), serving with caching headers, removal. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

/** A multipart/form-data body with one file part. */
function multipart(bytes: Buffer, opts: { field?: string; filename?: string; type?: string } = {}) {
  const boundary = `----nexum${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.filename ?? 'logo.png'}"\r\nContent-Type: ${opts.type ?? 'image/png'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 20, g: 80, b: 160, alpha: 0.5 } } });

for (const backend of backends()) {
  describe(`organisation logos (${backend})`, () => {
    let t: TestApp;
    let owner: { cookie: string };
    let outsider: { cookie: string };
    let org: { id: string; slug: string };

    const put = (
      body: { payload: Buffer; headers: Record<string, string> },
      cookie = owner.cookie,
      ref = org.id,
    ) => t.request({ method: 'PUT', url: `/api/v1/organisations/${ref}/logo`, cookie, ...body });
    const fieldOf = (res: { json(): { error: { details?: { fields?: { field: string }[] } } } }) =>
      res.json().error.details?.fields?.[0]?.field;

    before(async () => {
      t = await testApp(backend);
      owner = await t.user();
      outsider = await t.user();
      org = (
        await t.request({
          method: 'POST',
          url: '/api/v1/organisations',
          cookie: owner.cookie,
          payload: { name: `Logo Org ${process.pid}`, type: 'company' },
        })
      ).json();
    });
    after(() => t.close());

    test('a PNG is scaled to fit 256×256 keeping its proportions, stored as PNG and served with caching headers', async () => {
      const res = await put(multipart(await image(1200, 600).png().toBuffer()));
      assert.equal(res.statusCode, 200, res.body);
      const logo = res.json();
      assert.deepEqual([logo.width, logo.height, logo.contentType], [256, 128, 'image/png']);
      const profile = (
        await t.request({ method: 'GET', url: `/api/v1/organisations/${org.id}`, cookie: owner.cookie })
      ).json();
      assert.equal(profile.logoUrl, logo.url);
      const served = await t.request({ method: 'GET', url: logo.url, cookie: owner.cookie });
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], 'image/png');
      assert.ok(served.headers.etag);
      assert.ok(served.headers['last-modified']);
      assert.equal(
        served.headers['cache-control'],
        'private, no-cache',
        'a draft’s logo is not cached publicly',
      );
      const meta = await sharp(served.rawPayload).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height, meta.hasAlpha], ['png', 256, 128, true]);
      const again = await t.request({
        method: 'GET',
        url: logo.url,
        cookie: owner.cookie,
        headers: { 'if-none-match': String(served.headers.etag) },
      });
      assert.equal(again.statusCode, 304);
      assert.equal(again.rawPayload.length, 0);
      // A draft's logo is as private as the draft.
      assert.equal((await t.request({ method: 'GET', url: logo.url })).statusCode, 404);
    });

    test('JPEG and WebP are accepted; small images are not enlarged; a replaced logo gets a new version', async () => {
      const first = (
        await put(multipart(await image(800, 1000).jpeg().toBuffer(), { type: 'image/jpeg' }))
      ).json();
      assert.deepEqual([first.width, first.height], [205, 256]);
      await new Promise((r) => setTimeout(r, 5));
      const small = await put(
        multipart(await image(64, 32).webp().toBuffer(), { filename: 'x.webp', type: 'image/webp' }),
      );
      assert.equal(small.statusCode, 200, small.body);
      assert.deepEqual([small.json().width, small.json().height], [64, 32]);
      assert.notEqual(small.json().url, first.url);
    });

    test('the real type counts, not the declared one: text, GIF and SVG are refused', async () => {
      const text = await put(multipart(Buffer.from('just some text, not an image'), { type: 'image/png' }));
      assert.equal(text.statusCode, 400, text.body);
      assert.equal(fieldOf(text), 'body.file');
      assert.match(text.json().error.message, /PNG, JPEG or WebP/);
      const gif = await put(multipart(await image(10, 10).gif().toBuffer(), { type: 'image/png' }));
      assert.equal(gif.statusCode, 400);
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
      );
      assert.equal((await put(multipart(svg, { type: 'image/svg+xml', filename: 'a.svg' }))).statusCode, 400);
      const damaged = (await image(300, 300).png().toBuffer()).subarray(0, 200);
      assert.equal((await put(multipart(damaged))).statusCode, 400);
    });

    test('files over 5 MB are refused with 413; requests without a file with 400', async () => {
      const big = await put(multipart(Buffer.alloc(5 * 1024 * 1024 + 10, 1)));
      assert.equal(big.statusCode, 413, big.body);
      assert.equal(big.json().error.code, 'payload_too_large');
      assert.match(big.json().error.message, /5 MB/);
      const json = await t.request({
        method: 'PUT',
        url: `/api/v1/organisations/${org.id}/logo`,
        cookie: owner.cookie,
        payload: { file: 'x' },
      });
      assert.equal(json.statusCode, 400);
      assert.equal(fieldOf(json), 'body.file');
      const wrongField = await put(multipart(await image(10, 10).png().toBuffer(), { field: 'picture' }));
      assert.equal(wrongField.statusCode, 400);
    });

    test('only the organisation’s admins change it; removal is logged and idempotent', async () => {
      await t.database.db
        .updateTable('organisations')
        .set({ status: 'published' })
        .where('id', '=', org.id)
        .execute();
      const png = multipart(await image(40, 40).png().toBuffer());
      assert.equal((await put(png, outsider.cookie)).statusCode, 403);
      assert.equal(
        (await t.request({ method: 'PUT', url: `/api/v1/organisations/${org.id}/logo`, ...png })).statusCode,
        401,
      );
      const ok = (await put(multipart(await image(40, 40).png().toBuffer()))).json();
      const pub = await t.request({ method: 'GET', url: ok.url });
      assert.equal(pub.statusCode, 200);
      assert.equal(
        pub.headers['cache-control'],
        'public, max-age=86400',
        'a versioned public logo is cached',
      );
      const unversioned = await t.request({ method: 'GET', url: `/api/v1/organisations/${org.slug}/logo` });
      assert.equal(unversioned.headers['cache-control'], 'public, no-cache');
      const outsiderDelete = await t.request({
        method: 'DELETE',
        url: `/api/v1/organisations/${org.id}/logo`,
        cookie: outsider.cookie,
      });
      assert.equal(outsiderDelete.statusCode, 403);
      for (let i = 0; i < 2; i++) {
        const del = await t.request({
          method: 'DELETE',
          url: `/api/v1/organisations/${org.id}/logo`,
          cookie: owner.cookie,
        });
        assert.equal(del.statusCode, 204);
      }
      assert.equal((await t.request({ method: 'GET', url: ok.url })).statusCode, 404);
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/organisations/${org.id}` })).json().logoUrl,
        null,
      );
      const log = (
        await t.request({
          method: 'GET',
          url: `/api/v1/organisations/${org.id}/changes`,
          cookie: owner.cookie,
        })
      ).json();
      assert.deepEqual(
        log.items.slice(0, 2).map((c: { action: string }) => c.action),
        ['logo_removed', 'logo_updated'],
      );
      assert.deepEqual(log.items[0].changes.logo, { before: '40×40 image/png', after: null });
    });
  });
}
