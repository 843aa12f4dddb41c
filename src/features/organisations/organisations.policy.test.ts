import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../accounts/actor.ts';
import { canCreateOrganisation, canOrganisation, canReviewDirectory } from './organisations.policy.ts';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function actor(opts: { admin?: boolean; orgs?: [string, 'admin' | 'member'][] } = {}): Actor {
  return {
    userId: '99999999-9999-4999-8999-999999999999',
    email: 'someone@example.org',
    name: 'Someone',
    isAdmin: opts.admin ?? false,
    locale: 'en',
    via: 'session',
    organisationRoles: new Map(opts.orgs ?? []),
    eventRoles: new Map(),
  };
}

const published = { id: ORG, status: 'published' };
const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  user: actor(),
  member: actor({ orgs: [[ORG, 'member']] }),
  orgAdmin: actor({ orgs: [[ORG, 'admin']] }),
  adminElsewhere: actor({ orgs: [[OTHER, 'admin']] }),
  platformAdmin: actor({ admin: true }),
};

describe('canOrganisation', () => {
  test('anyone reads a published profile', () => {
    for (const [name, a] of Object.entries(ACTORS))
      assert.equal(canOrganisation(a, 'read', published), true, name);
  });

  for (const status of ['draft', 'submitted', 'rejected']) {
    test(`a ${status} profile is read only by its people and platform administrators`, () => {
      const org = { id: ORG, status };
      const expected: Record<string, boolean> = {
        anonymous: false,
        user: false,
        member: true,
        orgAdmin: true,
        adminElsewhere: false,
        platformAdmin: true,
      };
      for (const [name, a] of Object.entries(ACTORS))
        assert.equal(canOrganisation(a, 'read', org), expected[name], name);
    });
  }

  for (const action of [
    'update',
    'manage_members',
    'manage_users',
    'invite_users',
    'view_changes',
  ] as const) {
    test(`${action}: only the organisation's admins and platform administrators`, () => {
      const expected: Record<string, boolean> = {
        anonymous: false,
        user: false,
        member: false,
        orgAdmin: true,
        adminElsewhere: false,
        platformAdmin: true,
      };
      for (const status of ['published', 'draft']) {
        for (const [name, a] of Object.entries(ACTORS)) {
          assert.equal(
            canOrganisation(a, action, { id: ORG, status }),
            expected[name],
            `${name} on ${status}`,
          );
        }
      }
    });
  }

  test('submit: the organisation’s admins and platform administrators, from draft or rejected only', () => {
    const who: Record<string, boolean> = {
      anonymous: false,
      user: false,
      member: false,
      orgAdmin: true,
      adminElsewhere: false,
      platformAdmin: true,
    };
    for (const status of ['draft', 'submitted', 'published', 'rejected']) {
      for (const [name, a] of Object.entries(ACTORS)) {
        const expected = who[name]! && (status === 'draft' || status === 'rejected');
        assert.equal(canOrganisation(a, 'submit', { id: ORG, status }), expected, `${name} on ${status}`);
      }
    }
  });

  test('review (publish, reject): platform administrators only, and only submitted profiles', () => {
    for (const status of ['draft', 'submitted', 'published', 'rejected']) {
      for (const [name, a] of Object.entries(ACTORS)) {
        const expected = name === 'platformAdmin' && status === 'submitted';
        assert.equal(canOrganisation(a, 'review', { id: ORG, status }), expected, `${name} on ${status}`);
      }
    }
  });

  test('claim: signed-in users who do not already run it, published profiles only', () => {
    const expected: Record<string, boolean> = {
      anonymous: false,
      user: true,
      member: true,
      orgAdmin: false,
      adminElsewhere: true,
      platformAdmin: false,
    };
    for (const [name, a] of Object.entries(ACTORS)) {
      assert.equal(canOrganisation(a, 'claim', published), expected[name], name);
      assert.equal(canOrganisation(a, 'claim', { id: ORG, status: 'draft' }), false, `${name} on a draft`);
    }
  });

  test('anyone signed in creates organisations; platform administrators review the directory', () => {
    for (const [name, a] of Object.entries(ACTORS)) {
      assert.equal(canCreateOrganisation(a), a !== null, name);
      assert.equal(canReviewDirectory(a), name === 'platformAdmin', name);
    }
  });

  test('an API token carries the same rights as the session', () => {
    const viaToken: Actor = { ...actor({ orgs: [[ORG, 'admin']] }), via: 'token' };
    assert.equal(canOrganisation(viaToken, 'update', published), true);
  });
});
