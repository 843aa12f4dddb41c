/**
 * Malformed multipart bodies on every upload route (issue 16): a truncated body, a missing, empty or
 * wrong boundary, a body that is not multipart at all. Sent by a user who may upload, so the request
 * reaches the multipart parser; each must be a 400 with the error shape, never a 5xx.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { PDF } from './calls.fixtures.ts';
import { summaryEvent } from './summary-fixtures.ts';

type User = { id: string; email: string; cookie: string };
const day = 86_400_000;
const BOUNDARY = 'nexum-malformed-test';

/** A well-formed body with one file part (and a text field), written for BOUNDARY. */
function body(bytes: Buffer, fileName: string, type: string): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nHello\r\n`),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

/**
 * The malformed variants of a good body: [name, content-type header, payload, status]. A content type
 * no route parses is Fastify's 415 (with the error shape); text/plain is parsed, so the route says 400.
 */
function malformed(good: Buffer): [string, string, Buffer, number?][] {
  const cut = good.subarray(0, good.length - 40);
  return [
    ['truncated body', `multipart/form-data; boundary=${BOUNDARY}`, cut],
    ['truncated in the headers', `multipart/form-data; boundary=${BOUNDARY}`, good.subarray(0, 60)],
    ['no boundary parameter', 'multipart/form-data', good],
    ['empty boundary', 'multipart/form-data; boundary=', good],
    ['empty quoted boundary', 'multipart/form-data; boundary=""', good],
    ['boundary mismatch', 'multipart/form-data; boundary=something-else', good],
    ['wrong content type (text/plain)', 'text/plain', good],
    ['wrong content type (octet-stream)', 'application/octet-stream', good, 415],
  ];
}

function assertClientError(res: LightMyRequestResponse, where: string, status = 400) {
  assert.ok(res.statusCode < 500, `${where}: ${res.statusCode} ${res.body}`);
  assert.equal(res.statusCode, status, `${where}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /^application\/json/, where);
  const err = res.json().error;
  assert.equal(typeof err?.code, 'string', `${where}: ${res.body}`);
  assert.equal(typeof err?.message, 'string', `${where}: ${res.body}`);
  assert.doesNotMatch(res.body, /node_modules|\.js:\d+|\bat \w+ \(/, where);
}

for (const backend of backends()) {
  describe(`malformed multipart uploads (${backend})`, () => {
    let t: TestApp;
    let admin: User;
    const routes: {
      name: string;
      method: 'PUT' | 'POST';
      url: string;
      cookie: () => string;
      good: Buffer;
    }[] = [];

    before(async () => {
      t = await testApp(backend);
      admin = await t.user({ admin: true });
      const organiser = await t.user({ name: 'Organiser' });
      const applicant = await t.user({ name: 'Applicant' });
      const req = async (method: 'POST' | 'PUT', url: string, cookie: string, payload: object) => {
        const res = await t.request({ method, url, cookie, payload });
        assert.ok(res.statusCode < 300, `${method} ${url}: ${res.body}`);
        return res.json();
      };
      const db = t.database.db;
      const org = async (type: 'cluster' | 'startup', admins: User[]) => {
        const { id } = await db
          .insertInto('organisations')
          .values({ slug: `up-${type}-${process.pid}`, name: `Upload ${type}`, type, status: 'published' })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const u of admins)
          await db
            .insertInto('organisation_users')
            .values({ organisation_id: id, user_id: u.id, role: 'admin' })
            .execute();
        return id;
      };
      const cluster = await org('cluster', [applicant]);
      const startupOrg = await org('startup', []);
      const event = await summaryEvent(db, { organiserId: organiser.id, endsInDays: -1 });
      await req('PUT', `/api/v1/events/${event.id}/pitch-call`, organiser.cookie, {
        description: 'Pitch.',
        criteria: [{ key: 'innovation', label: 'Innovation', weight: 1 }],
        opensAt: null,
        closesAt: new Date(Date.now() + 7 * day).toISOString(),
      });
      const pitch = await req('POST', `/api/v1/events/${event.slug}/pitches`, applicant.cookie, {
        kind: 'startup',
        title: 'SnowIt',
        organisationId: startupOrg,
      });
      const call = await req('POST', '/api/v1/calls', admin.cookie, {
        title: `Upload call ${process.pid}`,
        criteria: [{ key: 'venue', label: 'Venue', weight: 1 }],
        deadline: new Date(Date.now() + 30 * day).toISOString(),
        status: 'open',
      });
      const application = await req('POST', `/api/v1/calls/${call.id}/applications`, applicant.cookie, {
        organisationId: cluster,
        regionCode: 'ITC4',
        startsOn: '2026-03-24',
        endsOn: '2026-03-25',
        theme: 'AI',
        venue: 'Milan',
        motivation: 'Ready.',
      });
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      );
      const csv = Buffer.from('name,country\nAcme,IT\n');
      routes.push(
        {
          name: 'organisation logo',
          method: 'PUT',
          url: `/api/v1/organisations/${cluster}/logo`,
          cookie: () => applicant.cookie,
          good: body(png, 'logo.png', 'image/png'),
        },
        {
          name: 'event banner',
          method: 'PUT',
          url: `/api/v1/events/${event.id}/banner`,
          cookie: () => organiser.cookie,
          good: body(png, 'banner.png', 'image/png'),
        },
        {
          name: 'gallery photo',
          method: 'POST',
          url: `/api/v1/events/${event.id}/photos`,
          cookie: () => organiser.cookie,
          good: body(png, 'photo.png', 'image/png'),
        },
        {
          name: 'letter of support',
          method: 'PUT',
          url: `/api/v1/call-applications/${application.id}/letter`,
          cookie: () => applicant.cookie,
          good: body(PDF, 'letter.pdf', 'application/pdf'),
        },
        {
          name: 'pitch deck',
          method: 'PUT',
          url: `/api/v1/pitches/${pitch.id}/deck`,
          cookie: () => applicant.cookie,
          good: body(PDF, 'deck.pdf', 'application/pdf'),
        },
        {
          name: 'import preview',
          method: 'POST',
          url: '/api/v1/imports/preview',
          cookie: () => admin.cookie,
          good: body(csv, 'orgs.csv', 'text/csv'),
        },
        {
          name: 'import upload',
          method: 'POST',
          url: '/api/v1/imports',
          cookie: () => admin.cookie,
          good: body(csv, 'orgs.csv', 'text/csv'),
        },
      );
    });
    after(() => t.close());

    test('every upload route answers a 4xx with the error shape to a malformed body', async () => {
      assert.equal(routes.length, 7);
      const failures: string[] = [];
      for (const r of routes) {
        for (const [variant, contentType, payload, status] of malformed(r.good)) {
          const where = `${r.name}, ${variant}`;
          const res = await t.request({
            method: r.method,
            url: r.url,
            cookie: r.cookie(),
            headers: { 'content-type': contentType },
            payload,
          });
          try {
            assertClientError(res, where, status);
          } catch (e) {
            failures.push((e as Error).message.split('\n')[0]!);
          }
        }
      }
      assert.deepEqual(failures, []);
    });

    test('a malformed multipart body is named as such', async () => {
      for (const r of routes) {
        for (const [variant, contentType, payload] of malformed(r.good).slice(0, 6)) {
          const res = await t.request({
            method: r.method,
            url: r.url,
            cookie: r.cookie(),
            headers: { 'content-type': contentType },
            payload,
          });
          assert.equal(res.json().error?.code, 'invalid_multipart', `${r.name}, ${variant}: ${res.body}`);
        }
      }
    });

    test('the well-formed bodies are accepted (the fixtures reach the parser)', async () => {
      for (const r of routes) {
        if (r.name === 'import upload') continue; // needs a mapping; the preview covers its parser
        const res = await t.request({
          method: r.method,
          url: r.url,
          cookie: r.cookie(),
          headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
          payload: r.good,
        });
        // The gallery refuses the 1-pixel photo and the banner its size: a 400 about the image itself.
        assert.ok(res.statusCode < 500, `${r.name}: ${res.body}`);
        if (res.statusCode >= 400) assert.notEqual(res.json().error.code, 'invalid_multipart', r.name);
      }
    });
  });
}
