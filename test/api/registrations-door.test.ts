/**
 * At the door and after: badges (PDF text read by pdf.js, QR code read by jsQR), check-in by badge code
 * or by search (idempotent, with who and when, undo), and the organisers' CSV of participants with only
 * consented fields, safe to open in a spreadsheet.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { badgeQrPng } from '../../src/features/events/badges.ts';
import { parseCsv } from '../../src/features/regions/csv.ts';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { BASIC, registrationEvent } from './registrations-fixtures.ts';

for (const backend of backends()) {
  describe(`registrations at the door (${backend})`, () => {
    let t: TestApp;
    let organiser: Awaited<ReturnType<TestApp['user']>>;
    let ev: { id: string; slug: string };
    const regs: { id: string; badgeCode: string; cookie: string; email: string }[] = [];

    before(async () => {
      t = await testApp(backend);
      organiser = await t.user({ name: 'Olga Organiser' });
      ev = await registrationEvent(t.database.db, { capacity: 5, organiserId: organiser.id });
      const afil = await t.database.db
        .selectFrom('organisations')
        .select('id')
        .where('slug', '=', 'afil')
        .executeTakeFirstOrThrow();
      const people = [
        ['Anna Bianchi', { ...BASIC, category: 'cluster', organisationId: afil.id, consentContact: true }],
        ['=HYPERLINK("x") Evil', { ...BASIC, category: 'other', countryCode: 'FR', consentContact: false }],
        [
          'Carla Neri',
          { ...BASIC, category: 'research', newOrganisation: { name: '@Lab', type: 'research_centre' } },
        ],
      ] as const;
      for (const [name, body] of people) {
        const u = await t.user({ name });
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/events/${ev.slug}/registrations`,
          cookie: u.cookie,
          payload: body,
        });
        assert.equal(res.statusCode, 201, res.body);
        regs.push({ id: res.json().id, badgeCode: res.json().badgeCode, cookie: u.cookie, email: u.email });
      }
    });
    after(() => t.close());

    test('a participant’s badge: name, organisation, category, event, and a QR code of the badge code', async () => {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/registrations/${regs[0]!.id}/badge.pdf`,
        cookie: regs[0]!.cookie,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const [page, ...more] = await pdfPages(res.rawPayload);
      assert.equal(more.length, 0);
      for (const text of [
        'Anna Bianchi',
        'Associazione Fabbrica Intelligente',
        'Cluster organisation',
        'Registration test',
        regs[0]!.badgeCode,
      ])
        assert.ok(page!.replace(/\s+/g, ' ').includes(text), `${text} in: ${page}`);
      assert.match(res.rawPayload.toString('latin1'), /\/Subtype \/Image/);
      const { data, info } = await sharp(await badgeQrPng(regs[0]!.badgeCode))
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const qr = jsQR(new Uint8ClampedArray(data), info.width, info.height);
      assert.equal(qr?.data, regs[0]!.badgeCode);
      const it = await t.request({
        method: 'GET',
        url: `/api/v1/registrations/${regs[0]!.id}/badge.pdf?lang=it`,
        cookie: regs[0]!.cookie,
      });
      assert.ok((await pdfPages(it.rawPayload))[0]!.includes('Organizzazione cluster'));
      // Someone else's badge is not found; organisers print all confirmed badges, four per page.
      assert.equal(
        (
          await t.request({
            method: 'GET',
            url: `/api/v1/registrations/${regs[0]!.id}/badge.pdf`,
            cookie: regs[1]!.cookie,
          })
        ).statusCode,
        404,
      );
      assert.equal(
        (
          await t.request({
            method: 'GET',
            url: `/api/v1/events/${ev.slug}/badges.pdf`,
            cookie: regs[1]!.cookie,
          })
        ).statusCode,
        403,
      );
      const all = await t.request({
        method: 'GET',
        url: `/api/v1/events/${ev.slug}/badges.pdf`,
        cookie: organiser.cookie,
      });
      assert.equal(all.statusCode, 200);
      const pages = await pdfPages(all.rawPayload);
      assert.equal(pages.length, 1);
      for (const r of regs) assert.ok(pages[0]!.includes(r.badgeCode));
    });

    test('check-in by code and by search: idempotent, who and when, undo', async () => {
      const code = (c: string, cookie = organiser.cookie) =>
        t.request({
          method: 'POST',
          url: `/api/v1/events/${ev.slug}/check-in`,
          cookie,
          payload: { code: c },
        });
      assert.equal((await code(regs[0]!.badgeCode, regs[0]!.cookie)).statusCode, 403);
      assert.equal((await code('NOSUCHCODE')).statusCode, 404);
      // A scanner or a person may type it in lower case with spaces.
      const first = await code(` ${regs[0]!.badgeCode.toLowerCase().replace(/(.{5})/, '$1 ')} `);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().alreadyCheckedIn, false);
      assert.equal(first.json().registration.checkedInBy, 'Olga Organiser');
      const again = await code(regs[0]!.badgeCode);
      assert.equal(again.json().alreadyCheckedIn, true);
      assert.equal(again.json().registration.checkedInAt, first.json().registration.checkedInAt);

      const search = await t.request({
        method: 'GET',
        url: `/api/v1/events/${ev.slug}/registrations?q=carla`,
        cookie: organiser.cookie,
      });
      assert.equal(search.json().total, 1);
      const byId = await t.request({
        method: 'POST',
        url: `/api/v1/registrations/${regs[2]!.id}/check-in`,
        cookie: organiser.cookie,
      });
      assert.equal(byId.json().registration.checkedInBy, 'Olga Organiser');
      const org = await t.request({
        method: 'GET',
        url: `/api/v1/events/${ev.slug}/registrations?q=afil&checkedIn=yes`,
        cookie: organiser.cookie,
      });
      assert.equal(org.json().total, 1);
      assert.equal(org.json().checkedIn, 2);
      const undo = await t.request({
        method: 'DELETE',
        url: `/api/v1/registrations/${regs[2]!.id}/check-in`,
        cookie: organiser.cookie,
      });
      assert.equal(undo.statusCode, 200);
      assert.equal(undo.json().checkedInAt, null);
      assert.equal(
        (
          await t.request({
            method: 'DELETE',
            url: `/api/v1/registrations/${regs[2]!.id}/check-in`,
            cookie: regs[2]!.cookie,
          })
        ).statusCode,
        403,
      );
      // A cancelled registration is not checked in.
      await t.request({
        method: 'POST',
        url: `/api/v1/registrations/${regs[1]!.id}/cancel`,
        cookie: regs[1]!.cookie,
      });
      const cancelled = await code(regs[1]!.badgeCode);
      assert.equal(cancelled.statusCode, 409);
      await t.request({
        method: 'POST',
        url: `/api/v1/events/${ev.slug}/registrations`,
        cookie: regs[1]!.cookie,
        payload: { ...BASIC, category: 'other', countryCode: 'FR', consentContact: false },
      });
    });

    test('participant list CSV: consented e-mails only, formulas neutralised', async () => {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/events/${ev.slug}/registrations/export.csv`,
        cookie: organiser.cookie,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      const [header, ...rows] = parseCsv(res.body);
      assert.deepEqual(header, ['name', 'organisation', 'category', 'country', 'email']);
      const byName = Object.fromEntries(rows.map((r) => [r[0], r]));
      assert.deepEqual(byName['Anna Bianchi'], [
        'Anna Bianchi',
        'Associazione Fabbrica Intelligente Lombardia',
        'cluster',
        'IT',
        regs[0]!.email,
      ]);
      // No contact consent: no e-mail. A name starting with "=" is prefixed with ' for spreadsheets.
      assert.deepEqual(byName[`'=HYPERLINK("x") Evil`], [`'=HYPERLINK("x") Evil`, '', 'other', 'FR', '']);
      assert.deepEqual(byName['Carla Neri']?.slice(0, 2), ['Carla Neri', "'@Lab"]);
      assert.ok(!res.body.includes(regs[1]!.email));
    });
  });
}
