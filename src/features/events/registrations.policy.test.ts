import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../accounts/actor.ts';
import { canManageRegistrations, canRegistration } from './registrations.policy.ts';
import { closedReason, newBadgeCode } from './registrations.service.ts';

const actor = (
  userId: string,
  roles: [string, 'organiser' | 'participant'][] = [],
  isAdmin = false,
): Actor => ({
  userId,
  email: `${userId}@example.org`,
  name: userId,
  isAdmin,
  locale: 'en',
  via: 'session',
  organisationRoles: new Map(),
  eventRoles: new Map(roles),
});

describe('registration policy', () => {
  const reg = { userId: 'p', eventId: 'e' };
  test('participants act on their own registration only', () => {
    for (const action of ['read', 'update', 'cancel'] as const) {
      assert.equal(canRegistration(actor('p'), action, reg), true);
      assert.equal(canRegistration(actor('q'), action, reg), false);
      assert.equal(canRegistration(null, action, reg), false);
    }
  });
  test('organisers and administrators read and cancel, but do not edit answers', () => {
    for (const who of [actor('o', [['e', 'organiser']]), actor('a', [], true)]) {
      assert.equal(canManageRegistrations(who, 'e'), true);
      assert.equal(canRegistration(who, 'read', reg), true);
      assert.equal(canRegistration(who, 'cancel', reg), true);
      assert.equal(canRegistration(who, 'update', reg), false);
    }
    assert.equal(canManageRegistrations(actor('o', [['other', 'organiser']]), 'e'), false);
    assert.equal(canManageRegistrations(actor('x', [['e', 'participant']]), 'e'), false);
  });
});

describe('registration window', () => {
  const now = new Date('2030-05-01T12:00:00Z');
  const base = {
    id: 'e',
    slug: 'e',
    title: 'E',
    status: 'published' as const,
    starts_at: new Date('2030-06-01T09:00:00Z'),
    ends_at: new Date('2030-06-01T17:00:00Z'),
    time_zone: 'Europe/Rome',
    venue_name: null,
    city: null,
    capacity: null,
    requires_approval: false,
    registration_opens_at: null,
    registration_closes_at: null,
  };
  test('open, or the reason it is not', () => {
    assert.equal(closedReason(base, now), null);
    assert.equal(closedReason({ ...base, status: 'draft' }, now), 'draft');
    assert.equal(closedReason({ ...base, status: 'cancelled' }, now), 'cancelled');
    assert.equal(closedReason(base, new Date('2030-06-01T17:00:00Z')), 'past');
    assert.equal(
      closedReason({ ...base, registration_opens_at: '2030-05-02T00:00:00Z' }, now),
      'not_yet_open',
    );
    assert.equal(closedReason({ ...base, registration_closes_at: '2030-04-30T00:00:00Z' }, now), 'closed');
    // A registration may still be taken while the event runs (late arrivals register at the door).
    assert.equal(closedReason(base, new Date('2030-06-01T10:00:00Z')), null);
  });
  test('badge codes: 10 characters of Crockford base32, distinct', () => {
    const codes = new Set(Array.from({ length: 1000 }, newBadgeCode));
    assert.equal(codes.size, 1000);
    for (const c of codes) assert.match(c, /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
  });
});
