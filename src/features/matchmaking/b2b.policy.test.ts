import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../accounts/actor.ts';
import { canB2b } from './b2b.policy.ts';

const actor = (roles: [string, 'organiser' | 'participant'][] = [], isAdmin = false): Actor => ({
  userId: 'u',
  email: 'u@example.org',
  name: 'U',
  isAdmin,
  locale: 'en',
  via: 'session',
  organisationRoles: new Map(),
  eventRoles: new Map(roles),
});
const event = { id: 'e1' };
const confirmed = { id: 'r1', status: 'confirmed' };
const request = { requesterId: 'r1', addresseeId: 'r2', memberIds: ['r3'] };

test('organisers and administrators manage; participants do not', () => {
  assert.equal(canB2b(actor([['e1', 'organiser']]), 'manage', { event }), true);
  assert.equal(canB2b(actor([], true), 'manage', { event }), true);
  assert.equal(canB2b(actor([['e2', 'organiser']]), 'manage', { event }), false);
  assert.equal(canB2b(actor(), 'manage', { event, registration: confirmed }), false);
  assert.equal(canB2b(null, 'browse', { event }), false);
});

test('only confirmed, opted-in participants request; only the right side answers or withdraws', () => {
  assert.equal(canB2b(actor(), 'request', { event, registration: confirmed, optedIn: true }), true);
  assert.equal(canB2b(actor(), 'request', { event, registration: confirmed, optedIn: false }), false);
  const waiting = { id: 'r1', status: 'waitlisted' };
  assert.equal(canB2b(actor(), 'request', { event, registration: waiting, optedIn: true }), false);
  assert.equal(canB2b(actor(), 'opt_in', { event, registration: waiting }), false);
  assert.equal(canB2b(actor(), 'withdraw', { event, registration: confirmed, request }), true);
  assert.equal(canB2b(actor(), 'respond', { event, registration: confirmed, request }), false);
  const addressee = { id: 'r2', status: 'confirmed' };
  assert.equal(canB2b(actor(), 'respond', { event, registration: addressee, request }), true);
  assert.equal(canB2b(actor(), 'withdraw', { event, registration: addressee, request }), false);
  const member = { id: 'r3', status: 'confirmed' };
  assert.equal(canB2b(actor(), 'record_outcome', { event, registration: member, request }), true);
  const outsider = { id: 'r9', status: 'confirmed' };
  assert.equal(canB2b(actor(), 'record_outcome', { event, registration: outsider, request }), false);
  // Organisers see requests but answer none of them.
  assert.equal(
    canB2b(actor([['e1', 'organiser']]), 'respond', { event, registration: null, request }),
    false,
  );
});

test('only an invited colleague answers their team invitation; anyone in a request leaves it', () => {
  const invited = { ...request, invitedIds: ['r3', 'r4'] };
  const r = (id: string) => ({ id, status: 'confirmed' });
  assert.equal(canB2b(actor(), 'answer_team', { event, registration: r('r4'), request: invited }), true);
  assert.equal(canB2b(actor(), 'answer_team', { event, registration: r('r1'), request: invited }), false);
  assert.equal(canB2b(actor(), 'answer_team', { event, registration: r('r9'), request: invited }), false);
  for (const id of ['r1', 'r2', 'r3', 'r4'])
    assert.equal(canB2b(actor(), 'leave', { event, registration: r(id), request: invited }), true, id);
  assert.equal(canB2b(actor(), 'leave', { event, registration: r('r9'), request: invited }), false);
  assert.equal(
    canB2b(actor([['e1', 'organiser']]), 'leave', { event, registration: null, request: invited }),
    false,
  );
  // An invitation not yet accepted does not make one a person in the meeting.
  assert.equal(canB2b(actor(), 'record_outcome', { event, registration: r('r4'), request: invited }), false);
});
