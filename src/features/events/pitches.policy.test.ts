import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../accounts/actor.ts';
import { canApplication, canCall } from '../calls/calls.policy.ts';
import { canPitch } from './pitches.policy.ts';

const EVENT = 'e1';
const actor = (id: string, over: Partial<Actor> = {}): Actor => ({
  userId: id,
  email: `${id}@example.org`,
  name: id,
  isAdmin: false,
  locale: 'en',
  via: 'session',
  organisationRoles: new Map(),
  eventRoles: new Map(),
  ...over,
});
const organiser = actor('o', { eventRoles: new Map([[EVENT, 'organiser']]) });
const juror = actor('j', { eventRoles: new Map([[EVENT, 'juror']]) });
const participant = actor('p', { eventRoles: new Map([[EVENT, 'participant']]) });
const submitter = actor('s');
const admin = actor('a', { isAdmin: true });
const pitch = (status: string) => ({ eventId: EVENT, submittedBy: 's', status });

test('pitches: organisers manage, jurors judge, submitters edit, the public reads accepted ones', () => {
  const table: [Actor | null, string, boolean][] = [
    [organiser, 'manage', true],
    [admin, 'manage', true],
    [juror, 'manage', false],
    [juror, 'judge', true],
    [participant, 'judge', false],
    [submitter, 'edit', true],
    [juror, 'edit', false],
    [submitter, 'deck', true],
    [juror, 'deck', true],
    [participant, 'deck', false],
    [null, 'deck', false],
  ];
  for (const [who, action, expected] of table)
    assert.equal(
      canPitch(who, action as 'manage', EVENT, pitch('submitted')),
      expected,
      `${who?.userId} ${action}`,
    );
  assert.equal(canPitch(null, 'read', EVENT, pitch('accepted')), true);
  assert.equal(canPitch(null, 'read', EVENT, pitch('submitted')), false);
  assert.equal(canPitch(participant, 'read', EVENT, pitch('rejected')), false);
  assert.equal(canPitch(juror, 'read', EVENT, pitch('rejected')), true);
  assert.equal(canPitch(juror, 'read', EVENT, pitch('withdrawn')), false);
  assert.equal(canPitch(submitter, 'read', EVENT, pitch('withdrawn')), true);
});

test('host calls: drafts and management for administrators; applications for their applicant side', () => {
  assert.equal(canCall(null, 'read', { status: 'open' }), true);
  assert.equal(canCall(null, 'read', { status: 'draft' }), false);
  assert.equal(canCall(admin, 'read', { status: 'draft' }), true);
  for (const action of ['manage', 'review', 'select'] as const) {
    assert.equal(canCall(admin, action), true);
    assert.equal(canCall(organiser, action), false);
  }
  const app = { organisationId: 'org', applicantId: 's' };
  const orgAdmin = actor('x', { organisationRoles: new Map([['org', 'admin']]) });
  const orgMember = actor('y', { organisationRoles: new Map([['org', 'member']]) });
  assert.equal(canApplication(submitter, 'edit', app), true);
  assert.equal(canApplication(orgAdmin, 'edit', app), true);
  assert.equal(canApplication(orgMember, 'read', app), false);
  assert.equal(canApplication(admin, 'edit', app), false);
  assert.equal(canApplication(admin, 'letter', app), true);
  assert.equal(canApplication(null, 'read', app), false);
});
