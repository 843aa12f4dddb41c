import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.ts';

/** Makes `user` one of the organisation's people the only way there is: invited by an admin, accepted
 * with the e-mailed link. */
export async function joinByInvitation(
  t: TestApp,
  organisationId: string,
  adminCookie: string,
  user: { email: string; cookie: string },
  role: 'admin' | 'member',
): Promise<void> {
  const sent = await t.request({
    method: 'POST',
    url: `/api/v1/organisations/${organisationId}/user-invitations`,
    cookie: adminCookie,
    payload: { email: user.email, role },
  });
  assert.equal(sent.statusCode, 202, sent.body);
  // The token of the e-mailed link is what accepts: the latest invitation e-mail to the address.
  const mail = await t.database.db
    .selectFrom('email_outbox')
    .select('body_text')
    .where('to_address', '=', user.email.toLowerCase())
    .where('kind', '=', 'organisation_invitation')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const token = /organisation-invitations\/([A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1];
  assert.ok(token, mail.body_text);
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/organisation-invitations/${token}/accept`,
    cookie: user.cookie,
  });
  assert.equal(res.statusCode, 200, res.body);
}
