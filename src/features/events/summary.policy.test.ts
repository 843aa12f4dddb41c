import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../accounts/actor.ts';
import { canSeePhoto, canSummary } from './summary.policy.ts';

const event = { id: 'e1', status: 'published' };
const actor = (roles: [string, 'organiser' | 'participant' | 'juror'][] = [], isAdmin = false) =>
  ({ userId: 'u', isAdmin, eventRoles: new Map(roles) }) as unknown as Actor;

test('only organisers and administrators edit the summary', () => {
  assert.equal(canSummary(actor([['e1', 'organiser']]), 'edit', { event, published: false }), true);
  assert.equal(canSummary(actor([], true), 'edit', { event, published: false }), true);
  assert.equal(canSummary(actor([['e1', 'participant']]), 'edit', { event, published: true }), false);
  assert.equal(canSummary(actor([['e2', 'organiser']]), 'edit', { event, published: true }), false);
  assert.equal(canSummary(null, 'edit', { event, published: true }), false);
});

test('an unpublished summary is read by organisers only', () => {
  assert.equal(canSummary(null, 'read', { event, published: false }), false);
  assert.equal(canSummary(actor([['e1', 'participant']]), 'read', { event, published: false }), false);
  assert.equal(canSummary(actor([['e1', 'organiser']]), 'read', { event, published: false }), true);
  assert.equal(canSummary(null, 'read', { event, published: true }), true);
  assert.equal(canSummary(null, 'read', { event: { id: 'e1', status: 'draft' }, published: true }), false);
});

test('a photo without consent is shown to organisers only', () => {
  const r = { event, published: true, hidden: true };
  assert.equal(canSeePhoto(null, r), false);
  assert.equal(canSeePhoto(actor([['e1', 'participant']]), r), false);
  assert.equal(canSeePhoto(actor([['e1', 'organiser']]), r), true);
  assert.equal(canSeePhoto(null, { ...r, hidden: false }), true);
  assert.equal(canSeePhoto(null, { ...r, hidden: false, published: false }), false);
});
