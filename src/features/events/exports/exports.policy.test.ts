import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RegistrationStatus } from '../../../server/db/schema.ts';
import type { Actor } from '../../accounts/actor.ts';
import { canExportEvent, canReadFeed } from './exports.policy.ts';

const EVENT = '11111111-1111-4111-8111-111111111111';
const actor = (o: { admin?: boolean; role?: 'organiser' | 'participant' } = {}): Actor => ({
  userId: '99999999-9999-4999-8999-999999999999',
  email: 'someone@example.org',
  name: 'Someone',
  isAdmin: o.admin ?? false,
  locale: 'en',
  via: 'session',
  organisationRoles: new Map(),
  eventRoles: new Map(o.role ? [[EVENT, o.role]] : []),
});

describe('exports policy', () => {
  test('published and cancelled events export to anyone; drafts to their organisers and administrators', () => {
    for (const status of ['published', 'cancelled']) {
      assert.equal(canExportEvent(null, { id: EVENT, status }), true, status);
    }
    const draft = { id: EVENT, status: 'draft' };
    assert.equal(canExportEvent(null, draft), false);
    assert.equal(canExportEvent(actor(), draft), false);
    assert.equal(canExportEvent(actor({ role: 'participant' }), draft), false);
    assert.equal(canExportEvent(actor({ role: 'organiser' }), draft), true);
    assert.equal(canExportEvent(actor({ admin: true }), draft), true);
  });

  test('a feed answers for live registrations of public events only', () => {
    const statuses: [RegistrationStatus, boolean][] = [
      ['confirmed', true],
      ['pending', true],
      ['waitlisted', true],
      ['cancelled', false],
      ['rejected', false],
    ];
    for (const [status, expected] of statuses) {
      assert.equal(canReadFeed({ status }, { status: 'published' }), expected, status);
      assert.equal(canReadFeed({ status }, { status: 'cancelled' }), expected, `${status}, event cancelled`);
      assert.equal(canReadFeed({ status }, { status: 'draft' }), false, `${status}, draft event`);
    }
  });
});
