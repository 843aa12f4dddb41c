import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../accounts/actor.ts';
import { canRegion } from './regions.policy.ts';

const actor = (userId: string, isAdmin = false) => ({ userId, isAdmin }) as unknown as Actor;
const lombardy = { code: 'ITC4', editorIds: new Set(['editor']) };

test('everyone reads a region’s priorities and paper', () => {
  assert.equal(canRegion(null, 'read', lombardy), true);
  assert.equal(canRegion(actor('someone'), 'read', lombardy), true);
});

test('the region’s editors and administrators edit; nobody else', () => {
  assert.equal(canRegion(actor('editor'), 'edit', lombardy), true);
  assert.equal(canRegion(actor('admin', true), 'edit', lombardy), true);
  assert.equal(canRegion(actor('someone'), 'edit', lombardy), false);
  assert.equal(canRegion(null, 'edit', lombardy), false);
});

test('an editor of one region does not edit another, not even the one above it', () => {
  assert.equal(canRegion(actor('editor'), 'edit', { code: 'ITC', editorIds: new Set() }), false);
  assert.equal(canRegion(actor('editor'), 'edit', { code: 'ES52', editorIds: new Set(['other']) }), false);
});

test('only administrators name and remove editors, editors included', () => {
  assert.equal(canRegion(actor('admin', true), 'manageEditors', lombardy), true);
  assert.equal(canRegion(actor('editor'), 'manageEditors', lombardy), false);
  assert.equal(canRegion(actor('someone'), 'manageEditors', lombardy), false);
  assert.equal(canRegion(null, 'manageEditors', lombardy), false);
});
