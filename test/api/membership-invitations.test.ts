/**
 * Organisation-user invitations: admins invite by e-mail, the same answer whatever the address; nothing is
 * granted until the invited account accepts with the e-mailed link's token; accounts without the token,
 * wrong accounts, revoked and expired invitations are refused.
 */
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
const unique = () => `${process.pid}-${Date.now().toString(36)}-${++n}`;

for (const backend of backends()) {
  describe(`organisation user invitations (${backend})`, () => {
    let t: TestApp;
    let owner: { id: string; email: string; cookie: string };
    let member: { id: string; email: string; cookie: string };
    let outsider: { id: string; email: string; cookie: string };
    let org: { id: string; slug: string; name: string };

    const req = (
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      cookie?: string,
      payload?: object,
    ) => t.request({ method, url, ...(cookie ? { cookie } : {}), ...(payload ? { payload } : {}) });
    const invite = (email: string, role: 'admin' | 'member' = 'member', cookie = owner.cookie, o = org) =>
      req('POST', `/api/v1/organisations/${o.id}/user-invitations`, cookie, { email, role });
    const roleIn = async (organisationId: string, userId: string) =>
      (
        await t.database.db
          .selectFrom('organisation_users')
          .select('role')
          .where('organisation_id', '=', organisationId)
          .where('user_id', '=', userId)
          .executeTakeFirst()
      )?.role ?? null;
    const mine = async (cookie: string) => {
      const res = await req('GET', '/api/v1/me/organisation-invitations', cookie);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as { id: string; role: string; organisation: { id: string } }[];
    };
    const outbox = (to: string) =>
      t.database.db
        .selectFrom('email_outbox')
        .select(['to_address', 'to_user_id', 'kind', 'subject', 'body_text'])
        .where('to_address', '=', to)
        .orderBy('created_at')
        .execute();
    /** The token of the latest invitation link e-mailed to the address: what proves the mailbox. */
    const tokenFor = async (to: string) => {
      const mails = await outbox(to);
      const m = /organisation-invitations\/([A-Za-z0-9_-]+)/.exec(mails.at(-1)?.body_text ?? '');
      assert.ok(m, `no invitation e-mail to ${to}`);
      return m[1]!;
    };
    const accept = (token: string, cookie?: string) =>
      req('POST', `/api/v1/organisation-invitations/${token}/accept`, cookie);
    const newOrg = async (cookie = owner.cookie) => {
      const res = await req('POST', '/api/v1/organisations', cookie, {
        name: `Invites Org ${unique()}`,
        type: 'company',
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: string; slug: string; name: string };
    };

    before(async () => {
      t = await testApp(backend);
      owner = await t.user({ name: 'Owner' });
      member = await t.user({ name: 'Member' });
      outsider = await t.user({ name: 'Outsider' });
      // A draft organisation: its admins may invite before it is published.
      org = await newOrg();
      await t.database.db
        .insertInto('organisation_users')
        .values({ organisation_id: org.id, user_id: member.id, role: 'member' })
        .execute();
    });
    after(() => t.close());

    test('the answer is the same for an account, no account, and someone already running it', async () => {
      const withAccount = await t.user({ name: 'Has Account' });
      const noAccount = `nobody-${unique()}@example.org`;
      const answers = [];
      for (const email of [withAccount.email, noAccount, member.email, owner.email]) {
        const res = await invite(email.toUpperCase(), 'admin');
        answers.push({ status: res.statusCode, body: { ...res.json(), email: '' } });
        assert.equal(res.json().email, email.toLowerCase());
      }
      assert.equal(answers[0]!.status, 202, JSON.stringify(answers[0]));
      for (const a of answers) assert.deepEqual(a, answers[0]);
      // Nothing was granted: the invited account does not run the organisation.
      assert.equal(await roleIn(org.id, withAccount.id), null);
      assert.equal(await roleIn(org.id, member.id), 'member', 'an existing member keeps their role');
      const profile = await req('GET', `/api/v1/organisations/${org.id}`, withAccount.cookie);
      assertError(profile, 404, 'not_found');
      // An e-mail is queued for both addresses that do not run it, with or without an account.
      const [mailA] = await outbox(withAccount.email);
      const [mailB] = await outbox(noAccount);
      assert.equal(mailA?.kind, 'organisation_invitation');
      assert.equal(mailA?.to_user_id, withAccount.id);
      assert.equal(mailB?.to_user_id, null);
      assert.match(mailB!.body_text, /http:\/\/localhost:3000\/organisation-invitations\/[A-Za-z0-9_-]{40,}/);
      assert.match(mailB!.subject, new RegExp(org.name));
      assert.deepEqual(await outbox(member.email), []);
      // The admins see the two pending invitations, not the others.
      const list = await req('GET', `/api/v1/organisations/${org.id}/user-invitations`, owner.cookie);
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list
          .json()
          .items.map((i: { email: string; role: string }) => [i.email, i.role])
          .sort(),
        [
          [noAccount, 'admin'],
          [withAccount.email, 'admin'],
        ].sort(),
      );
    });

    test('the invited account accepts with the e-mailed link and joins with the role, once', async () => {
      const invitee = await t.user({ name: 'Invitee' });
      assert.equal((await invite(invitee.email, 'admin')).statusCode, 202);
      const items = await mine(invitee.cookie);
      assert.equal(items.length, 1);
      assert.equal(items[0]!.organisation.id, org.id);
      assert.equal(items[0]!.role, 'admin');
      assert.equal(await roleIn(org.id, invitee.id), null);
      const token = await tokenFor(invitee.email);
      const accepted = await accept(token, invitee.cookie);
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.deepEqual(accepted.json().organisation.id, org.id);
      assert.equal(accepted.json().role, 'admin');
      assert.equal(await roleIn(org.id, invitee.id), 'admin');
      assert.equal(
        (await req('GET', `/api/v1/organisations/${org.id}`, invitee.cookie)).json().canEdit,
        true,
      );
      assert.deepEqual(await mine(invitee.cookie), []);
      const again = await accept(token, invitee.cookie);
      assertError(again, 409, 'conflict');
      assert.equal(again.json().error.details.status, 'accepted');
      const log = await req('GET', `/api/v1/organisations/${org.id}/changes`, owner.cookie);
      const added = log.json().items.find((c: { action: string }) => c.action === 'user_added');
      assert.deepEqual(added.changes.users, { before: null, after: `${invitee.email} (admin)` });
    });

    test('an account with the invited e-mail but without the e-mailed token cannot accept', async () => {
      // Sign-up does not verify addresses: someone may register the invited address before its owner does.
      const email = `victim-${unique()}@example.org`;
      assert.equal((await invite(email, 'admin')).statusCode, 202);
      const account = await t.user({ email, name: 'First to register' });
      const [inv] = await mine(account.cookie);
      assert.ok(inv, 'the account still sees the pending invitation addressed to it');
      // Neither by the invitation's id (what the Account page used to do) ...
      const byId = await req('POST', `/api/v1/me/organisation-invitations/${inv.id}/accept`, account.cookie);
      assert.equal(byId.statusCode, 404, byId.body);
      // ... nor with a token that is not the e-mailed one: a 404 with the error body, like an unknown link.
      const wrong = await req(
        'POST',
        `/api/v1/organisation-invitations/${'x'.repeat(43)}/accept`,
        account.cookie,
      );
      assertError(wrong, 404, 'not_found');
      assert.equal(typeof wrong.json().error.message, 'string');
      assert.deepEqual(Object.keys(wrong.json()), ['error']);
      assert.equal(await roleIn(org.id, account.id), null);
      // The invitation is still pending; with the e-mailed token (the mailbox) the same account accepts.
      assert.deepEqual(
        (await mine(account.cookie)).map((i) => i.id),
        [inv.id],
      );
      assert.equal((await accept(await tokenFor(email), account.cookie)).statusCode, 200);
      assert.equal(await roleIn(org.id, account.id), 'admin');
    });

    test('renewing an invitation replaces its link: the old token no longer accepts', async () => {
      const invitee = await t.user({ name: 'Renewed' });
      await invite(invitee.email, 'member');
      const first = await tokenFor(invitee.email);
      await invite(invitee.email, 'admin');
      const second = await tokenFor(invitee.email);
      assert.notEqual(first, second);
      assertError(await accept(first, invitee.cookie), 404, 'not_found');
      const ok = await accept(second, invitee.cookie);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().role, 'admin');
    });

    test('another account cannot see, accept or decline the invitation', async () => {
      const invitee = await t.user({ name: 'Rightful' });
      await invite(invitee.email);
      const [inv] = await mine(invitee.cookie);
      assert.ok(inv);
      assert.deepEqual(
        (await mine(outsider.cookie)).filter((i) => i.id === inv.id),
        [],
      );
      const token = await tokenFor(invitee.email);
      for (const cookie of [outsider.cookie, owner.cookie]) {
        // Even with the link, another account is refused; the link already shows whom it is for.
        assertError(await accept(token, cookie), 403, 'forbidden');
        assertError(
          await req('POST', `/api/v1/me/organisation-invitations/${inv.id}/decline`, cookie),
          404,
          'not_found',
        );
      }
      assertError(await accept(token), 401, 'unauthenticated');
      assert.equal(await roleIn(org.id, outsider.id), null);
      // The invited account declines: nothing granted, the invitation is gone, accepting later is refused.
      const declined = await req(
        'POST',
        `/api/v1/me/organisation-invitations/${inv.id}/decline`,
        invitee.cookie,
      );
      assert.equal(declined.statusCode, 204, declined.body);
      const late = await accept(token, invitee.cookie);
      assertError(late, 409, 'conflict');
      assert.equal(late.json().error.details.status, 'declined');
      assert.equal(await roleIn(org.id, invitee.id), null);
    });

    test('a revoked or expired invitation cannot be accepted', async () => {
      const revoked = await t.user({ name: 'Revoked' });
      const expired = await t.user({ name: 'Expired' });
      await invite(revoked.email);
      await invite(expired.email);
      const [r] = await mine(revoked.cookie);
      const [x] = await mine(expired.cookie);
      assert.ok(r && x);
      // Only admins revoke.
      assertError(
        await req('DELETE', `/api/v1/organisations/${org.id}/user-invitations/${r.id}`, member.cookie),
        403,
        'forbidden',
      );
      const del = await req(
        'DELETE',
        `/api/v1/organisations/${org.id}/user-invitations/${r.id}`,
        owner.cookie,
      );
      assert.equal(del.statusCode, 204, del.body);
      assertError(
        await req('DELETE', `/api/v1/organisations/${org.id}/user-invitations/${r.id}`, owner.cookie),
        404,
        'not_found',
      );
      const refused = await accept(await tokenFor(revoked.email), revoked.cookie);
      assertError(refused, 409, 'conflict');
      assert.equal(refused.json().error.details.status, 'revoked');
      await t.database.db
        .updateTable('organisation_user_invitations')
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where('id', '=', x.id)
        .execute();
      assert.deepEqual(await mine(expired.cookie), []);
      const late = await accept(await tokenFor(expired.email), expired.cookie);
      assertError(late, 409, 'conflict');
      assert.equal(late.json().error.details.status, 'expired');
      assert.equal(await roleIn(org.id, revoked.id), null);
      assert.equal(await roleIn(org.id, expired.id), null);
    });

    test('only the organisation’s admins invite and list invitations', async () => {
      const email = `target-${unique()}@example.org`;
      assertError(await invite(email, 'admin', member.cookie), 403, 'forbidden');
      assertError(await invite(email, 'admin', outsider.cookie), 404, 'not_found');
      assertError(
        await req('POST', `/api/v1/organisations/${org.id}/user-invitations`, undefined, {
          email,
          role: 'admin',
        }),
        401,
        'unauthenticated',
      );
      assertError(
        await req('GET', `/api/v1/organisations/${org.id}/user-invitations`, member.cookie),
        403,
        'forbidden',
      );
      assert.deepEqual(await outbox(email), []);
      const bad = await invite('not an address');
      assertError(bad, 400, 'validation_failed');
    });

    test('the e-mail link tells what it is for, and is in the account’s language', async () => {
      const italian = await t.user({ name: 'Italiana' });
      await req('PATCH', '/api/v1/me', italian.cookie, { locale: 'it' });
      await invite(italian.email, 'member');
      const [mail] = await outbox(italian.email);
      assert.match(mail!.subject, /^Invito a /);
      const token = /organisation-invitations\/([A-Za-z0-9_-]+)/.exec(mail!.body_text)![1]!;
      const link = await req('GET', `/api/v1/organisation-invitations/${token}`);
      assert.equal(link.statusCode, 200, link.body);
      assert.equal(link.json().email, italian.email);
      assert.equal(link.json().organisationName, org.name);
      assert.equal(link.json().status, 'pending');
      // The token is stored only as its sha256.
      const stored = await t.database.db
        .selectFrom('organisation_user_invitations')
        .select('token_hash')
        .where('id', '=', link.json().id)
        .executeTakeFirstOrThrow();
      assert.notEqual(stored.token_hash, token);
      assert.match(stored.token_hash, /^[0-9a-f]{64}$/);
      assertError(await req('GET', `/api/v1/organisation-invitations/${'x'.repeat(43)}`), 404, 'not_found');
    });

    test('an organisation has at most 50 pending invitations', async () => {
      const capped = await newOrg(outsider.cookie);
      for (let i = 0; i < 50; i++) {
        const res = await invite(`cap-${i}-${unique()}@example.org`, 'member', outsider.cookie, capped);
        assert.equal(res.statusCode, 202, res.body);
      }
      const over = await invite(`cap-over-${unique()}@example.org`, 'member', outsider.cookie, capped);
      assertError(over, 409, 'conflict');
      assert.equal(over.json().error.details.limit, 50);
      // Renewing a pending invitation is not a new one; revoking one frees a place.
      const list = (
        await req('GET', `/api/v1/organisations/${capped.id}/user-invitations`, outsider.cookie)
      ).json().items as { id: string; email: string }[];
      assert.equal(list.length, 50);
      assert.equal((await invite(list[0]!.email, 'admin', outsider.cookie, capped)).statusCode, 202);
      await req(
        'DELETE',
        `/api/v1/organisations/${capped.id}/user-invitations/${list[1]!.id}`,
        outsider.cookie,
      );
      const again = await invite(`cap-again-${unique()}@example.org`, 'member', outsider.cookie, capped);
      assert.equal(again.statusCode, 202, again.body);
    });

    test('the old direct "add by e-mail" route is gone', async () => {
      const res = await req('POST', `/api/v1/organisations/${org.id}/users`, owner.cookie, {
        email: outsider.email,
        role: 'admin',
      });
      assert.equal(res.statusCode, 404, res.body);
      assert.equal(await roleIn(org.id, outsider.id), null);
    });

    // PGlite serialises transactions: these races exist only on PostgreSQL.
    (backend === 'postgres' ? test : () => {})(
      'concurrent invitations of one address leave one pending invitation; the cap holds under concurrency',
      async () => {
        const o = await newOrg();
        const email = `race-${unique()}@example.org`;
        const same = await Promise.all(
          Array.from({ length: 5 }, () => invite(email, 'member', owner.cookie, o)),
        );
        assert.deepEqual(
          same.map((r) => r.statusCode),
          [202, 202, 202, 202, 202],
        );
        const rows = await t.database.db
          .selectFrom('organisation_user_invitations')
          .select('id')
          .where('organisation_id', '=', o.id)
          .where('status', '=', 'pending')
          .execute();
        assert.equal(rows.length, 1);
        const many = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            invite(`race-${i}-${unique()}@example.org`, 'member', owner.cookie, o),
          ),
        );
        assert.equal(many.filter((r) => r.statusCode === 202).length, 49);
        assert.equal(many.filter((r) => r.statusCode === 409).length, 11);
      },
    );
  });
}
