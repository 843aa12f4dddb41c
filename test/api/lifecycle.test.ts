/** The life cycle of a profile (draft → submitted → published / rejected), claims and the review queue. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { joinByInvitation } from './invitation-fixtures.ts';

function assertError(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json().error.code, code, res.body);
}

let n = 0;
const unique = () => `${process.pid}-${++n}`;

for (const backend of backends()) {
  describe(`profile life cycle (${backend})`, () => {
    let t: TestApp;
    let owner: { id: string; email: string; cookie: string };
    let member: { id: string; email: string; cookie: string };
    let admin: { id: string; cookie: string };
    let outsider: { id: string; email: string; cookie: string };

    const post = (url: string, cookie?: string, payload?: object) =>
      t.request({ method: 'POST', url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });
    const get = (id: string, cookie?: string) =>
      t.request({ method: 'GET', url: `/api/v1/organisations/${id}`, ...(cookie ? { cookie } : {}) });
    const queue = async () => {
      const res = await t.request({ method: 'GET', url: '/api/v1/review-queue', cookie: admin.cookie });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as {
        organisations: { id: string; createdBy: { email: string } | null; submittedAt: string }[];
        claims: { id: string; organisation: { slug: string }; user: { id: string }; message: string }[];
      };
    };
    async function draft(name = `Draft ${unique()}`) {
      const res = await post('/api/v1/organisations', owner.cookie, { name, type: 'company' });
      assert.equal(res.statusCode, 201, res.body);
      const o = res.json() as { id: string; slug: string };
      await joinByInvitation(t, o.id, owner.cookie, member, 'member');
      return o;
    }

    before(async () => {
      t = await testApp(backend);
      owner = await t.user({ name: 'Owner' });
      member = await t.user({ name: 'Member' });
      admin = await t.user({ admin: true, name: 'Admin' });
      outsider = await t.user({ name: 'Outsider' });
    });
    after(() => t.close());

    describe('submit, publish, reject', () => {
      test('draft → submitted → published: then public and listed', async () => {
        const o = await draft();
        const submitted = await post(`/api/v1/organisations/${o.id}/submit`, owner.cookie);
        assert.equal(submitted.statusCode, 200, submitted.body);
        assert.equal(submitted.json().status, 'submitted');
        assert.ok(submitted.json().submittedAt);
        assert.equal((await get(o.id)).statusCode, 404, 'still private while submitted');
        const inQueue = (await queue()).organisations.find((q) => q.id === o.id);
        assert.equal(inQueue?.createdBy?.email, owner.email);
        const published = await post(`/api/v1/organisations/${o.id}/publish`, admin.cookie);
        assert.equal(published.statusCode, 200, published.body);
        assert.equal(published.json().status, 'published');
        assert.ok(published.json().publishedAt);
        const pub = await get(o.slug);
        assert.equal(pub.statusCode, 200);
        assert.equal(pub.json().canEdit, false);
        assert.ok(!(await queue()).organisations.some((q) => q.id === o.id), 'left the queue');
        const listed = await t.request({
          method: 'GET',
          url: `/api/v1/organisations?q=${encodeURIComponent(pub.json().name)}`,
        });
        assert.ok(listed.json().items.some((i: { id: string }) => i.id === o.id));
        const log = await t.request({
          method: 'GET',
          url: `/api/v1/organisations/${o.id}/changes`,
          cookie: owner.cookie,
        });
        assert.deepEqual(
          log
            .json()
            .items.map((c: { action: string; changes: { status?: { after: string } } }) => [
              c.action,
              c.changes.status?.after,
            ]),
          [
            ['publish', 'published'],
            ['submit', 'submitted'],
            ['user_added', undefined],
            ['create', undefined],
          ],
        );
      });

      test('rejected with a reason, edited, submitted again and published', async () => {
        const o = await draft();
        await post(`/api/v1/organisations/${o.id}/submit`, owner.cookie);
        const noReason = await post(`/api/v1/organisations/${o.id}/reject`, admin.cookie, { reason: ' ' });
        assert.equal(noReason.statusCode, 400);
        assert.equal(noReason.json().error.details.fields[0].field, 'body.reason');
        const rejected = await post(`/api/v1/organisations/${o.id}/reject`, admin.cookie, {
          reason: 'Add a description and a website',
        });
        assert.equal(rejected.statusCode, 200, rejected.body);
        assert.equal(rejected.json().status, 'rejected');
        const seen = (await get(o.id, member.cookie)).json();
        assert.equal(seen.rejectionReason, 'Add a description and a website');
        assert.equal((await get(o.id)).statusCode, 404);
        const edit = await t.request({
          method: 'PATCH',
          url: `/api/v1/organisations/${o.id}`,
          cookie: owner.cookie,
          payload: { description: 'Now described', website: 'https://ok.example' },
        });
        assert.equal(edit.statusCode, 200);
        assert.equal((await post(`/api/v1/organisations/${o.id}/submit`, owner.cookie)).statusCode, 200);
        const published = await post(`/api/v1/organisations/${o.id}/publish`, admin.cookie);
        assert.equal(published.json().status, 'published');
        assert.equal(published.json().rejectionReason, null);
        const log = await t.request({
          method: 'GET',
          url: `/api/v1/organisations/${o.id}/changes`,
          cookie: admin.cookie,
        });
        const reject = log.json().items.find((c: { action: string }) => c.action === 'reject');
        assert.deepEqual(reject.changes.rejectionReason, {
          before: null,
          after: 'Add a description and a website',
        });
      });

      test('who may do what (the policy), and in which state', async () => {
        const o = await draft();
        // Nobody but platform administrators publishes or rejects; members and outsiders do not submit.
        assertError(await post(`/api/v1/organisations/${o.id}/submit`), 401, 'unauthenticated');
        assertError(await post(`/api/v1/organisations/${o.id}/submit`, outsider.cookie), 404, 'not_found');
        assertError(await post(`/api/v1/organisations/${o.id}/submit`, member.cookie), 403, 'forbidden');
        assertError(await post(`/api/v1/organisations/${o.id}/publish`, admin.cookie), 409, 'conflict');
        assertError(
          await post(`/api/v1/organisations/${o.id}/submit`, owner.cookie).then(() =>
            post(`/api/v1/organisations/${o.id}/submit`, owner.cookie),
          ),
          409,
          'conflict',
        );
        assertError(await post(`/api/v1/organisations/${o.id}/publish`, owner.cookie), 403, 'forbidden');
        assertError(
          await post(`/api/v1/organisations/${o.id}/reject`, owner.cookie, { reason: 'mine' }),
          403,
          'forbidden',
        );
        assertError(await post(`/api/v1/organisations/${o.id}/publish`, member.cookie), 403, 'forbidden');
        assert.equal((await post(`/api/v1/organisations/${o.id}/publish`, admin.cookie)).statusCode, 200);
        assertError(await post(`/api/v1/organisations/${o.id}/publish`, admin.cookie), 409, 'conflict');
        assertError(
          await post(`/api/v1/organisations/${o.id}/reject`, admin.cookie, { reason: 'late' }),
          409,
          'conflict',
        );
        assertError(await post(`/api/v1/organisations/${o.id}/submit`, owner.cookie), 409, 'conflict');
        assertError(await post(`/api/v1/organisations/${o.id}/publish`, outsider.cookie), 403, 'forbidden');
      });

      test('a platform administrator may submit on the owner’s behalf', async () => {
        const o = await draft();
        const res = await post(`/api/v1/organisations/${o.id}/submit`, admin.cookie);
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().status, 'submitted');
      });

      test('the review queue is for platform administrators', async () => {
        assertError(await t.request({ method: 'GET', url: '/api/v1/review-queue' }), 401, 'unauthenticated');
        assertError(
          await t.request({ method: 'GET', url: '/api/v1/review-queue', cookie: owner.cookie }),
          403,
          'forbidden',
        );
      });

      // PGlite serialises transactions: this race exists only on PostgreSQL.
      (backend === 'postgres' ? test : () => {})(
        'two administrators publishing at once: one wins, the other is told',
        async () => {
          const o = await draft();
          await post(`/api/v1/organisations/${o.id}/submit`, owner.cookie);
          const second = await t.user({ admin: true });
          const results = await Promise.all([
            post(`/api/v1/organisations/${o.id}/publish`, admin.cookie),
            post(`/api/v1/organisations/${o.id}/reject`, second.cookie, { reason: 'Duplicate of another' }),
          ]);
          assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
          const log = await t.request({
            method: 'GET',
            url: `/api/v1/organisations/${o.id}/changes`,
            cookie: admin.cookie,
          });
          const decisions = log
            .json()
            .items.filter((c: { action: string }) => ['publish', 'reject'].includes(c.action));
          assert.equal(decisions.length, 1, 'exactly one decision is recorded');
        },
      );
    });

    describe('claims', () => {
      const claim = (slug: string, cookie: string, message = 'I am the director') =>
        post(`/api/v1/organisations/${slug}/claims`, cookie, { message });

      test('a user claims a published organisation; approval makes them its admin', async () => {
        const claimant = await t.user({ name: 'Claimant' });
        const res = await claim('icim-group', claimant.cookie);
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().status, 'pending');
        const pending = (await get('icim-group', claimant.cookie)).json();
        assert.equal(pending.myClaim.status, 'pending');
        assert.equal(pending.canEdit, false);
        assertError(await claim('icim-group', claimant.cookie), 409, 'conflict');
        const q = (await queue()).claims.find((c) => c.id === res.json().id);
        assert.equal(q?.organisation.slug, 'icim-group');
        assert.equal(q?.user.id, claimant.id);
        assert.equal(q?.message, 'I am the director');
        assertError(await post(`/api/v1/claims/${res.json().id}/approve`, claimant.cookie), 403, 'forbidden');
        const approve = await post(`/api/v1/claims/${res.json().id}/approve`, admin.cookie);
        assert.equal(approve.statusCode, 204, approve.body);
        const after = (await get('icim-group', claimant.cookie)).json();
        assert.equal(after.canEdit, true);
        assert.equal(after.viewerRole, 'admin');
        assert.equal(after.myClaim.status, 'approved');
        assert.ok(!(await queue()).claims.some((c) => c.id === res.json().id));
        assertError(await post(`/api/v1/claims/${res.json().id}/approve`, admin.cookie), 409, 'conflict');
        assertError(await claim('icim-group', claimant.cookie), 409, 'conflict');
        const log = await t.request({
          method: 'GET',
          url: '/api/v1/organisations/icim-group/changes',
          cookie: claimant.cookie,
        });
        const entry = log.json().items.find((c: { action: string }) => c.action === 'claim_approved');
        assert.deepEqual(entry.changes.users, { before: null, after: `${claimant.email} (admin)` });
      });

      test('a rejected claim carries the reason; the user may claim again', async () => {
        const claimant = await t.user();
        const res = await claim('eccp', claimant.cookie);
        const reject = await post(`/api/v1/claims/${res.json().id}/reject`, admin.cookie, {
          reason: 'Not on the staff list',
        });
        assert.equal(reject.statusCode, 204, reject.body);
        const seen = (await get('eccp', claimant.cookie)).json();
        assert.equal(seen.canEdit, false);
        assert.deepEqual([seen.myClaim.status, seen.myClaim.reason], ['rejected', 'Not on the staff list']);
        assert.equal((await claim('eccp', claimant.cookie)).statusCode, 201);
      });

      test('drafts cannot be claimed by outsiders; admins cannot claim what they run; unknown claims are 404', async () => {
        const o = await draft();
        assertError(await claim(o.id, outsider.cookie), 404, 'not_found');
        assertError(await claim(o.id, owner.cookie), 409, 'conflict');
        assertError(await claim('afil', admin.cookie), 409, 'conflict');
        assertError(await post('/api/v1/organisations/afil/claims', undefined, {}), 401, 'unauthenticated');
        assertError(
          await post('/api/v1/claims/00000000-0000-4000-8000-000000000000/approve', admin.cookie),
          404,
          'not_found',
        );
        const long = await claim('afil', outsider.cookie, 'x'.repeat(2001));
        assert.equal(long.statusCode, 400);
      });

      // PGlite serialises transactions: this race exists only on PostgreSQL.
      (backend === 'postgres' ? test : () => {})('two claims by one user at once: one is kept', async () => {
        const claimant = await t.user();
        const results = await Promise.all([claim('afil', claimant.cookie), claim('afil', claimant.cookie)]);
        assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
      });
    });
  });
}
