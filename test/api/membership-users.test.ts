/**
 * An organisation's users: joined by accepting an invitation (membership-invitations.test.ts), roles
 * changed, removed; never the last admin.
 */
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
  describe(`organisation users (${backend})`, () => {
    let t: TestApp;
    let clusterAdmin: { id: string; email: string; cookie: string };
    let outsider: { id: string; email: string; cookie: string };
    let admin: { cookie: string };

    const req = (
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      cookie?: string,
      payload?: object,
    ) => t.request({ method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });
    const profile = async (ref: string, cookie?: string) => {
      const res = await req('GET', `/api/v1/organisations/${ref}`, cookie);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    before(async () => {
      t = await testApp(backend);
      clusterAdmin = await t.user({ name: 'Cluster Admin' });
      outsider = await t.user({ name: 'Outsider' });
      admin = await t.user({ admin: true });
    });
    after(() => t.close());

    describe('organisation users', () => {
      let org: { id: string };
      let second: { id: string; email: string; cookie: string };
      const users = async (cookie = clusterAdmin.cookie) => {
        const res = await req('GET', `/api/v1/organisations/${org.id}/users`, cookie);
        assert.equal(res.statusCode, 200, res.body);
        return res.json().items as { id: string; email: string; role: string }[];
      };
      before(async () => {
        org = (
          await req('POST', '/api/v1/organisations', clusterAdmin.cookie, {
            name: `Users Org ${unique()}`,
            type: 'company',
          })
        ).json();
        second = await t.user({ name: 'Second' });
      });

      const join = (
        o: { id: string },
        adminCookie: string,
        u: { email: string; cookie: string },
        role: 'admin' | 'member',
      ) => joinByInvitation(t, o.id, adminCookie, u, role);

      test('an invited user joins as member; an admin changes their role', async () => {
        await join(org, clusterAdmin.cookie, second, 'member');
        assert.deepEqual(
          (await users()).map((u) => [u.email, u.role]),
          [
            [clusterAdmin.email, 'admin'],
            [second.email, 'member'],
          ],
        );
        // A member reads the draft but does not manage users.
        assert.equal((await profile(org.id, second.cookie)).viewerRole, 'member');
        assertError(
          await req('GET', `/api/v1/organisations/${org.id}/users`, second.cookie),
          403,
          'forbidden',
        );
        assertError(
          await req('PATCH', `/api/v1/organisations/${org.id}/users/${clusterAdmin.id}`, second.cookie, {
            role: 'member',
          }),
          403,
          'forbidden',
        );
        const promoted = await req(
          'PATCH',
          `/api/v1/organisations/${org.id}/users/${second.id}`,
          clusterAdmin.cookie,
          {
            role: 'admin',
          },
        );
        assert.equal(promoted.statusCode, 200, promoted.body);
        assert.equal((await users()).find((u) => u.id === second.id)?.role, 'admin');
        assert.equal((await profile(org.id, second.cookie)).canEdit, true);
      });

      test('changing the role of someone who does not run the organisation is a 404, and adds nobody', async () => {
        const res = await req(
          'PATCH',
          `/api/v1/organisations/${org.id}/users/${outsider.id}`,
          clusterAdmin.cookie,
          {
            role: 'admin',
          },
        );
        assertError(res, 404, 'not_found');
        assert.equal(
          (await users()).some((u) => u.id === outsider.id),
          false,
        );
      });

      test('the last admin can be neither removed nor demoted', async () => {
        const solo = (
          await req('POST', '/api/v1/organisations', outsider.cookie, {
            name: `Solo ${unique()}`,
            type: 'company',
          })
        ).json();
        assertError(
          await req('DELETE', `/api/v1/organisations/${solo.id}/users/${outsider.id}`, outsider.cookie),
          409,
          'conflict',
        );
        assertError(
          await req('PATCH', `/api/v1/organisations/${solo.id}/users/${outsider.id}`, outsider.cookie, {
            role: 'member',
          }),
          409,
          'conflict',
        );
        assertError(
          await req('DELETE', `/api/v1/organisations/${solo.id}/users/${outsider.id}`, admin.cookie),
          409,
          'conflict',
        );
        // With two admins one may go, even oneself; then the other is the last.
        const res = await req(
          'DELETE',
          `/api/v1/organisations/${org.id}/users/${clusterAdmin.id}`,
          second.cookie,
        );
        assert.equal(res.statusCode, 204, res.body);
        assert.deepEqual(
          (await users(second.cookie)).map((u) => u.id),
          [second.id],
        );
        assertError(
          await req('DELETE', `/api/v1/organisations/${org.id}/users/${second.id}`, second.cookie),
          409,
          'conflict',
        );
        assertError(
          await req('DELETE', `/api/v1/organisations/${org.id}/users/${clusterAdmin.id}`, second.cookie),
          404,
          'not_found',
        );
        const log = await req('GET', `/api/v1/organisations/${org.id}/changes`, second.cookie);
        const removed = log.json().items.find((c: { action: string }) => c.action === 'user_removed');
        assert.deepEqual(removed.changes.users, { before: `${clusterAdmin.email} (admin)`, after: null });
      });

      // PGlite serialises transactions: this race exists only on PostgreSQL.
      (backend === 'postgres' ? test : () => {})(
        'two admins removing each other at once leave one admin',
        async () => {
          const a = await t.user();
          const b = await t.user();
          const o = (
            await req('POST', '/api/v1/organisations', a.cookie, {
              name: `Race users ${unique()}`,
              type: 'company',
            })
          ).json();
          await join(o, a.cookie, b, 'admin');
          const results = await Promise.all([
            req('DELETE', `/api/v1/organisations/${o.id}/users/${b.id}`, a.cookie),
            req('DELETE', `/api/v1/organisations/${o.id}/users/${a.id}`, b.cookie),
          ]);
          assert.deepEqual(results.map((r) => r.statusCode).sort(), [204, 409]);
          const admins = await t.database.db
            .selectFrom('organisation_users')
            .select('user_id')
            .where('organisation_id', '=', o.id)
            .where('role', '=', 'admin')
            .execute();
          assert.equal(admins.length, 1);
        },
      );
    });
  });
}
