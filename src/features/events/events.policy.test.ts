import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../accounts/actor.ts';
import { canEvent } from './events.policy.ts';

const EVENT = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function actor(
  opts: { admin?: boolean; events?: [string, 'organiser' | 'participant'][]; orgAdmin?: boolean } = {},
): Actor {
  return {
    userId: '99999999-9999-4999-8999-999999999999',
    email: 'someone@example.org',
    name: 'Someone',
    isAdmin: opts.admin ?? false,
    locale: 'en',
    via: 'session',
    organisationRoles: new Map(opts.orgAdmin ? [[OTHER, 'admin' as const]] : []),
    eventRoles: new Map(opts.events ?? []),
  };
}

const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  user: actor(),
  orgAdmin: actor({ orgAdmin: true }),
  participant: actor({ events: [[EVENT, 'participant']] }),
  organiser: actor({ events: [[EVENT, 'organiser']] }),
  organiserElsewhere: actor({ events: [[OTHER, 'organiser']] }),
  admin: actor({ admin: true }),
};

function check(
  action: Parameters<typeof canEvent>[1],
  event: { id: string; status: string } | undefined,
  expected: Record<string, boolean>,
) {
  for (const [name, a] of Object.entries(ACTORS)) {
    assert.equal(
      canEvent(a, action, event),
      expected[name],
      `${name} ${action} ${event?.status ?? '(no event)'}`,
    );
  }
}

describe('canEvent', () => {
  for (const status of ['published', 'cancelled']) {
    test(`anyone reads a ${status} event`, () => {
      check(
        'read',
        { id: EVENT, status },
        {
          anonymous: true,
          user: true,
          orgAdmin: true,
          participant: true,
          organiser: true,
          organiserElsewhere: true,
          admin: true,
        },
      );
    });
  }

  test('a draft is read only by its organisers and administrators', () => {
    check(
      'read',
      { id: EVENT, status: 'draft' },
      {
        anonymous: false,
        user: false,
        orgAdmin: false,
        participant: false,
        organiser: true,
        organiserElsewhere: false,
        admin: true,
      },
    );
  });

  test('only administrators create events', () => {
    check('create', undefined, {
      anonymous: false,
      user: false,
      orgAdmin: false,
      participant: false,
      organiser: false,
      organiserElsewhere: false,
      admin: true,
    });
  });

  for (const action of ['update', 'manage_members'] as const) {
    for (const status of ['draft', 'published', 'cancelled']) {
      test(`${action} on a ${status} event: its organisers and administrators`, () => {
        check(
          action,
          { id: EVENT, status },
          {
            anonymous: false,
            user: false,
            orgAdmin: false,
            participant: false,
            organiser: true,
            organiserElsewhere: false,
            admin: true,
          },
        );
      });
    }
  }

  test('without an event, only administrators may update (no event means no organiser)', () => {
    check('update', undefined, {
      anonymous: false,
      user: false,
      orgAdmin: false,
      participant: false,
      organiser: false,
      organiserElsewhere: false,
      admin: true,
    });
    assert.equal(canEvent(ACTORS.organiser!, 'read', undefined), false);
  });
});
