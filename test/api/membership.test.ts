/** Cluster members (add, remove, invite, accept) and an organisation's users (with the last-admin rule). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type TestApp, testApp } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

function assertError(res: LightMyRequestResponse, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json().error.code, code, res.body);
}

let n = 0;
const unique = () => `${process.pid}-${++n}`;

for (const backend of backends()) {
  describe(`memberships (${backend})`, () => {
    let t: TestApp;
    let clusterAdmin: { id: string; email: string; cookie: string };
    let outsider: { id: string; email: string; cookie: string };
    let admin: { cookie: string };
    let cluster: { id: string; slug: string };

    const req = (method: 'GET' | 'POST' | 'DELETE', url: string, cookie?: string, payload?: object) =>
      t.request({ method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });
    const profile = async (ref: string, cookie?: string) => {
      const res = await req('GET', `/api/v1/organisations/${ref}`, cookie);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const published = async (name: string, type = 'company') => {
      const { id } = await t.database.db
        .insertInto('organisations')
        .values({ slug: `m-${unique()}`, name, type: type as 'company', status: 'published' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    };

    before(async () => {
      t = await testApp(backend);
      clusterAdmin = await t.user({ name: 'Cluster Admin' });
      outsider = await t.user({ name: 'Outsider' });
      admin = await t.user({ admin: true });
      const res = await req('POST', '/api/v1/organisations', clusterAdmin.cookie, {
        name: `Membership Cluster ${unique()}`,
        type: 'cluster',
      });
      cluster = res.json();
      await t.database.db
        .updateTable('organisations')
        .set({ status: 'published' })
        .where('id', '=', cluster.id)
        .execute();
    });
    after(() => t.close());

    describe('cluster members', () => {
      test('a cluster admin adds existing organisations; both pages show the link; counts by type follow', async () => {
        const a = await published(`Alpha Srl ${unique()}`);
        const b = await published(`Beta University ${unique()}`, 'university');
        for (const id of [a, b, a]) {
          const res = await req('POST', `/api/v1/organisations/${cluster.id}/members`, clusterAdmin.cookie, {
            memberId: id,
          });
          assert.equal(res.statusCode, 204, res.body);
        }
        const c = await profile(cluster.slug);
        assert.equal(c.members.total, 2);
        assert.deepEqual(
          c.members.byType.map((x: { type: string; count: number }) => [x.type, x.count]).sort(),
          [
            ['company', 1],
            ['university', 1],
          ],
        );
        assert.ok(c.members.items.some((m: { id: string }) => m.id === a));
        const member = await profile(a);
        assert.ok(
          member.clusters.some((x: { id: string }) => x.id === cluster.id),
          'the member page shows the cluster',
        );
        const list = await req('GET', `/api/v1/organisations?cluster=${cluster.slug}`);
        assert.equal(list.json().total, 2);
        // Logged on both profiles.
        const log = await req('GET', `/api/v1/organisations/${cluster.id}/changes`, clusterAdmin.cookie);
        assert.ok(log.json().items.some((x: { action: string }) => x.action === 'member_added'));
        const memberLog = await req('GET', `/api/v1/organisations/${a}/changes`, admin.cookie);
        assert.equal(memberLog.json().items[0].action, 'cluster_joined');
      });

      test('an organisation belongs to several clusters', async () => {
        const other = (
          await req('POST', '/api/v1/organisations', clusterAdmin.cookie, {
            name: `Second cluster ${unique()}`,
            type: 'cluster',
          })
        ).json();
        await t.database.db
          .updateTable('organisations')
          .set({ status: 'published' })
          .where('id', '=', other.id)
          .execute();
        const m = await published(`Shared member ${unique()}`);
        for (const c of [cluster.id, other.id]) {
          assert.equal(
            (await req('POST', `/api/v1/organisations/${c}/members`, clusterAdmin.cookie, { memberId: m }))
              .statusCode,
            204,
          );
        }
        assert.equal((await profile(m)).clusters.length, 2);
      });

      test('removing a member unlinks it; removing a non-member is 404', async () => {
        const m = await published(`Leaving ${unique()}`);
        await req('POST', `/api/v1/organisations/${cluster.id}/members`, clusterAdmin.cookie, {
          memberId: m,
        });
        const del = await req(
          'DELETE',
          `/api/v1/organisations/${cluster.id}/members/${m}`,
          clusterAdmin.cookie,
        );
        assert.equal(del.statusCode, 204, del.body);
        assert.ok(!(await profile(m)).clusters.some((x: { id: string }) => x.id === cluster.id));
        assertError(
          await req('DELETE', `/api/v1/organisations/${cluster.id}/members/${m}`, clusterAdmin.cookie),
          404,
          'not_found',
        );
      });

      test('bad requests: unknown, hidden or self members; non-cluster organisations; outsiders', async () => {
        const add = (memberId: string, cookie = clusterAdmin.cookie, ref = cluster.id) =>
          req('POST', `/api/v1/organisations/${ref}/members`, cookie, { memberId });
        let res = await add('00000000-0000-4000-8000-000000000000');
        assertError(res, 400, 'bad_request');
        assert.equal(res.json().error.details.fields[0].field, 'body.memberId');
        const hidden = (
          await req('POST', '/api/v1/organisations', outsider.cookie, {
            name: `Hidden ${unique()}`,
            type: 'company',
          })
        ).json();
        assertError(await add(hidden.id), 400, 'bad_request');
        res = await add(cluster.id);
        assert.equal(res.json().error.details.fields[0].field, 'body.memberId');
        assertError(await add('not-a-uuid'), 400, 'validation_failed');
        assertError(await add(hidden.id, outsider.cookie), 403, 'forbidden');
        const company = (
          await req('POST', '/api/v1/organisations', clusterAdmin.cookie, {
            name: `Co ${unique()}`,
            type: 'company',
          })
        ).json();
        assertError(await add(hidden.id, clusterAdmin.cookie, company.id), 400, 'bad_request');
      });

      test('a draft member is not shown on the public cluster page', async () => {
        const draft = (
          await req('POST', '/api/v1/organisations', clusterAdmin.cookie, {
            name: `Draft member ${unique()}`,
            type: 'startup',
          })
        ).json();
        const before = (await profile(cluster.slug)).members.total;
        assert.equal(
          (
            await req('POST', `/api/v1/organisations/${cluster.id}/members`, clusterAdmin.cookie, {
              memberId: draft.id,
            })
          ).statusCode,
          204,
        );
        assert.equal((await profile(cluster.slug)).members.total, before);
      });
    });

    describe('invitations', () => {
      test('a cluster admin invites; the link is shown once; accepting creates a draft member run by the user', async () => {
        const invite = await req(
          'POST',
          `/api/v1/organisations/${cluster.id}/invitations`,
          clusterAdmin.cookie,
          {
            email: 'CEO@Newco.example',
            organisationName: 'NewCo Robotics',
          },
        );
        assert.equal(invite.statusCode, 201, invite.body);
        const inv = invite.json();
        assert.equal(inv.email, 'ceo@newco.example');
        assert.equal(inv.status, 'pending');
        assert.equal(inv.path, `/invitations/${inv.token}`);
        assert.ok(inv.token.length >= 40);
        const stored = await t.database.db
          .selectFrom('cluster_invitations')
          .select('token_hash')
          .where('id', '=', inv.id)
          .executeTakeFirstOrThrow();
        assert.notEqual(stored.token_hash, inv.token, 'only a hash is stored');
        const outbox = await req(
          'GET',
          `/api/v1/organisations/${cluster.id}/invitations`,
          clusterAdmin.cookie,
        );
        const listed = outbox.json().items.find((i: { id: string }) => i.id === inv.id);
        assert.equal(listed.status, 'pending');
        assert.equal(listed.createdBy, 'Cluster Admin');
        assert.equal('token' in listed, false, 'the list never shows the token again');

        const preview = await req('GET', `/api/v1/invitations/${inv.token}`);
        assert.equal(preview.statusCode, 200, preview.body);
        assert.equal(preview.json().cluster.id, cluster.id);
        assert.equal(preview.json().organisationName, 'NewCo Robotics');

        assertError(
          await req('POST', `/api/v1/invitations/${inv.token}/accept`, undefined, { type: 'startup' }),
          401,
          'unauthenticated',
        );
        const invitee = await t.user({ name: 'Invitee' });
        const accepted = await req('POST', `/api/v1/invitations/${inv.token}/accept`, invitee.cookie, {
          type: 'startup',
        });
        assert.equal(accepted.statusCode, 201, accepted.body);
        const org = accepted.json();
        assert.equal(org.name, 'NewCo Robotics');
        assert.equal(org.type, 'startup');
        assert.equal(org.status, 'draft');
        assert.equal(org.viewerRole, 'admin');
        assert.deepEqual(
          org.clusters.map((c: { id: string }) => c.id),
          [cluster.id],
          'the new draft shows its cluster',
        );
        const mine = await profile(org.id, invitee.cookie);
        assert.ok(mine.canEdit);
        const link = await t.database.db
          .selectFrom('cluster_members')
          .selectAll()
          .where('cluster_id', '=', cluster.id)
          .where('member_id', '=', org.id)
          .execute();
        assert.equal(link.length, 1, 'the membership link exists');
        assertError(
          await req('POST', `/api/v1/invitations/${inv.token}/accept`, invitee.cookie, { type: 'startup' }),
          409,
          'conflict',
        );
        const after = (
          await req('GET', `/api/v1/organisations/${cluster.id}/invitations`, clusterAdmin.cookie)
        ).json();
        const done = after.items.find((i: { id: string }) => i.id === inv.id);
        assert.equal(done.status, 'accepted');
        assert.equal(done.member.id, org.id);
        assert.equal(done.member.status, 'draft');
        // Once the new profile is published it shows on the cluster page, and the cluster on its page.
        await req('POST', `/api/v1/organisations/${org.id}/submit`, invitee.cookie);
        await req('POST', `/api/v1/organisations/${org.id}/publish`, admin.cookie);
        assert.ok((await profile(org.id)).clusters.some((c: { id: string }) => c.id === cluster.id));
        assert.ok((await profile(cluster.id)).members.items.some((m: { id: string }) => m.id === org.id));
      });

      test('an accepted name can be corrected; withdrawn, unknown and expired invitations do not work', async () => {
        const invitee = await t.user();
        const make = async () =>
          (
            await req('POST', `/api/v1/organisations/${cluster.id}/invitations`, clusterAdmin.cookie, {
              email: 'x@example.org',
              organisationName: 'Typo Srl',
            })
          ).json();
        const renamed = await make();
        const ok = await req('POST', `/api/v1/invitations/${renamed.token}/accept`, invitee.cookie, {
          name: 'Tipo Srl',
          type: 'company',
        });
        assert.equal(ok.json().name, 'Tipo Srl');

        const withdrawn = await make();
        const del = await req(
          'DELETE',
          `/api/v1/organisations/${cluster.id}/invitations/${withdrawn.id}`,
          clusterAdmin.cookie,
        );
        assert.equal(del.statusCode, 204);
        assertError(await req('GET', `/api/v1/invitations/${withdrawn.token}`), 404, 'not_found');
        assertError(
          await req('POST', `/api/v1/invitations/${withdrawn.token}/accept`, invitee.cookie, {
            type: 'company',
          }),
          404,
          'not_found',
        );
        assertError(
          await req(
            'DELETE',
            `/api/v1/organisations/${cluster.id}/invitations/${withdrawn.id}`,
            clusterAdmin.cookie,
          ),
          404,
          'not_found',
        );
        assertError(
          await req(
            'DELETE',
            `/api/v1/organisations/${cluster.id}/invitations/${renamed.id}`,
            clusterAdmin.cookie,
          ),
          404,
          'not_found',
        );

        const old = await make();
        await t.database.db
          .updateTable('cluster_invitations')
          .set({ created_at: new Date(Date.now() - 31 * 86_400_000) } as never)
          .where('id', '=', old.id)
          .execute();
        assert.equal((await req('GET', `/api/v1/invitations/${old.token}`)).json().status, 'expired');
        assertError(
          await req('POST', `/api/v1/invitations/${old.token}/accept`, invitee.cookie, { type: 'company' }),
          409,
          'conflict',
        );
        assertError(await req('GET', '/api/v1/invitations/short'), 400, 'validation_failed');
      });

      test('only cluster admins invite and see the outbox; bad input names the field', async () => {
        const url = `/api/v1/organisations/${cluster.id}/invitations`;
        assertError(
          await req('POST', url, outsider.cookie, { email: 'a@b.example', organisationName: 'A' }),
          403,
          'forbidden',
        );
        assertError(await req('GET', url, outsider.cookie), 403, 'forbidden');
        assertError(await req('GET', url), 401, 'unauthenticated');
        const bad = await req('POST', url, clusterAdmin.cookie, { email: 'nope', organisationName: '' });
        assert.equal(bad.statusCode, 400);
        const fields = bad
          .json()
          .error.details.fields.map((f: { field: string }) => f.field)
          .sort();
        assert.deepEqual(fields, ['body.email', 'body.organisationName']);
      });

      // PGlite serialises transactions: this race exists only on PostgreSQL.
      (backend === 'postgres' ? test : () => {})(
        'two acceptances of one link at once create one organisation',
        async () => {
          const inv = (
            await req('POST', `/api/v1/organisations/${cluster.id}/invitations`, clusterAdmin.cookie, {
              email: 'race@example.org',
              organisationName: `Race ${unique()}`,
            })
          ).json();
          const [u1, u2] = [await t.user(), await t.user()];
          const results = await Promise.all([
            req('POST', `/api/v1/invitations/${inv.token}/accept`, u1.cookie, { type: 'company' }),
            req('POST', `/api/v1/invitations/${inv.token}/accept`, u2.cookie, { type: 'company' }),
          ]);
          assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
          const orgs = await t.database.db
            .selectFrom('organisations')
            .select('id')
            .where('name', '=', inv.organisationName)
            .execute();
          assert.equal(orgs.length, 1);
        },
      );
    });
  });
}
