import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BrowserSession, createUsers, makeOrganisationAdmin } from '../helpers/e2e-actions.ts';
import { chromiumPath, SKIP_CHROMIUM } from '../helpers/env.ts';

const executable = chromiumPath();
const LGCA = 'lombardy-green-chemistry-association';
const NEWCOMER = 'newcomer@invited.example';

describe('organisation-user invitations in the browser', { skip: executable ? false : SKIP_CHROMIUM }, () => {
  let e2e: BrowserSession;
  const password = 'invitations password 1';

  before(async () => {
    e2e = await BrowserSession.start(executable!);
    const users = await createUsers(e2e.db, password, [
      { email: 'manager@lgca.example', name: 'Cluster Manager' },
    ]);
    await makeOrganisationAdmin(e2e.db, LGCA, users['manager@lgca.example']!);
  });
  after(() => e2e?.close());

  test('an admin invites an address without an account; the person signs up from the link and accepts there (the account page only lists it)', async () => {
    const manager = await e2e.signedIn('manager@lgca.example', password);
    await manager.goto(`${e2e.url}/organisations/${LGCA}`);
    const people = manager.getByRole('region', { name: 'People who run this profile' });
    await people.getByLabel('E-mail address').fill(NEWCOMER);
    await people.getByLabel('Role').selectOption('admin');
    await people.getByRole('button', { name: 'Send invitation' }).click();
    await people.getByRole('status').filter({ hasText: 'an invitation is on its way' }).waitFor();
    await people.getByRole('button', { name: `Revoke the invitation of ${NEWCOMER}` }).waitFor();
    await e2e.audit(manager, 'profile with a pending invitation');

    const mail = await e2e.db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('to_address', '=', NEWCOMER)
      .executeTakeFirstOrThrow();
    const path = /\/organisation-invitations\/[A-Za-z0-9_-]+/.exec(mail.body_text)![0];

    const newcomer = await e2e.newPage();
    await newcomer.goto(`${e2e.url}${path}`);
    await newcomer.getByRole('heading', { level: 1, name: 'Invitation to run an organisation' }).waitFor();
    await newcomer.getByText(`This invitation is for ${NEWCOMER}`).waitFor();
    await e2e.audit(newcomer, 'invitation link, signed out');
    await newcomer.getByRole('main').getByRole('link', { name: 'Sign up' }).click();
    await newcomer.getByLabel('Full name').fill('New Comer');
    await newcomer.getByLabel('E-mail address').fill(NEWCOMER);
    await newcomer.getByLabel('Password').fill('a long enough password for the newcomer');
    await newcomer.getByLabel('I accept the terms of use and the privacy notice.').check();
    await newcomer.getByRole('button', { name: /Create|Sign up/ }).click();
    const accept = newcomer.getByRole('button', { name: /^Accept the invitation to Lombardy/ });
    await accept.waitFor();
    assert.match(newcomer.url(), /\/organisation-invitations\//);
    await e2e.audit(newcomer, 'invitation link, signed in as the invited address');

    // The account page lists the invitation, but accepting is only from the e-mailed link.
    await newcomer.goto(`${e2e.url}/account`);
    await newcomer.getByText('To accept one, open the link in the invitation e-mail.').waitFor();
    await newcomer.getByRole('button', { name: /^Decline the invitation to Lombardy/ }).waitFor();
    assert.equal(await newcomer.getByRole('button', { name: /^Accept the invitation/ }).count(), 0);
    await e2e.audit(newcomer, 'account page with a pending invitation');

    await newcomer.goto(`${e2e.url}${path}`);
    await accept.click();
    await newcomer.getByRole('status').filter({ hasText: 'You now run' }).waitFor();
    await newcomer.getByRole('link', { name: 'Open the profile' }).waitFor();

    await newcomer.goto(`${e2e.url}/account`);
    await newcomer.getByRole('heading', { level: 2, name: 'Invitations' }).waitFor();
    await newcomer.getByText('No pending invitations.').waitFor();
    await e2e.audit(newcomer, 'account page with the invitations section');
    const row = await e2e.db
      .selectFrom('organisation_users as ou')
      .innerJoin('users as u', 'u.id', 'ou.user_id')
      .innerJoin('organisations as o', 'o.id', 'ou.organisation_id')
      .select('ou.role')
      .where('u.email', '=', NEWCOMER)
      .where('o.slug', '=', LGCA)
      .executeTakeFirst();
    assert.equal(row?.role, 'admin');
  });

  test('no page had serious accessibility problems or errors', () => {
    assert.deepEqual(e2e.problems, []);
  });
});
