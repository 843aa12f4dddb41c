import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/app.ts';

/** Makes `user` one of the organisation's people the only way there is: invited by an admin, accepted. */
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
  const mine = await t.request({
    method: 'GET',
    url: '/api/v1/me/organisation-invitations',
    cookie: user.cookie,
  });
  const inv = mine
    .json()
    .items.find((i: { organisation: { id: string } }) => i.organisation.id === organisationId);
  assert.ok(inv, mine.body);
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/me/organisation-invitations/${inv.id}/accept`,
    cookie: user.cookie,
  });
  assert.equal(res.statusCode, 200, res.body);
}
