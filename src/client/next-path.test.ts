import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeNextPath } from './next-path.ts';

test('same-site paths pass, with their query and fragment', () => {
  assert.equal(safeNextPath('/events/milan-2024'), '/events/milan-2024');
  assert.equal(safeNextPath('/admin/import?job=1#top'), '/admin/import?job=1#top');
  assert.equal(safeNextPath('/invitations/abc'), '/invitations/abc');
});

test('nothing, or an empty value, is the fallback', () => {
  assert.equal(safeNextPath(null), '/account');
  assert.equal(safeNextPath(undefined), '/account');
  assert.equal(safeNextPath(''), '/account');
  assert.equal(safeNextPath('', '/'), '/');
});

test('protocol-relative and backslash forms are refused', () => {
  for (const v of [
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '\\/evil.example',
  ]) {
    assert.equal(safeNextPath(v), '/account', JSON.stringify(v));
  }
});

test('tabs, carriage returns and newlines are removed before checking, as the URL parser does', () => {
  for (const v of [
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    '/\t\\evil.example',
    '\n/\\evil.example',
    'java\tscript:alert(1)',
  ]) {
    assert.equal(safeNextPath(v), '/account', JSON.stringify(v));
  }
  // A same-site path with a stray tab is still that path.
  assert.equal(safeNextPath('/ev\tents'), '/events');
});

test('schemes, absolute URLs and other controls are refused', () => {
  for (const v of [
    'https://evil.example',
    'http://localhost:3000/account',
    'javascript:alert(1)',
    'data:text/html,hi',
    'evil.example',
    ' /events',
    '\u0000/events',
    '/\u0000/evil.example',
    '/events\u001b',
  ]) {
    assert.equal(safeNextPath(v), '/account', JSON.stringify(v));
  }
});

test('dot segments stay on this site', () => {
  assert.equal(safeNextPath('/../../etc'), '/etc');
  assert.equal(safeNextPath('/./events/../account'), '/account');
});
