import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCommonPassword, passwordBase, passwordProblem, problemFromCode } from './password.ts';

const EMAIL = 'Ada.Lovelace@Example.org';

test('blank-only passwords are refused, whatever the white space', () => {
  for (const p of [' '.repeat(10), '\t'.repeat(12), ' \u00a0 \n \t    \u3000 ']) {
    assert.equal(passwordProblem(p, EMAIL), 'blank', JSON.stringify(p));
  }
});

test('too short and too long come first', () => {
  assert.equal(passwordProblem('short', EMAIL), 'length');
  assert.equal(passwordProblem('x'.repeat(201), EMAIL), 'length');
});

test('the e-mail address or its local part, in any case, with digits or symbols after it', () => {
  for (const p of [
    'ada.lovelace@example.org',
    'ADA.LOVELACE@EXAMPLE.ORG',
    ' Ada.Lovelace@Example.org ',
    'ada.lovelace',
    'Ada.Lovelace2024!',
    'ada.lovelace@example.org1',
  ]) {
    assert.equal(passwordProblem(p, EMAIL), 'email', p);
  }
  assert.equal(passwordProblem('ada.lovelace writes programs', EMAIL), null);
});

const common = new Set(['password', 'dragon', 'qwertyuiop', '1234567890']);

test('a good passphrase passes the checks and is not common', () => {
  for (const p of ['correct horse battery', 'a long secret passphrase', 'Tr4ffic-c0ne-Bergamo']) {
    assert.equal(passwordProblem(p, EMAIL), null, p);
    assert.equal(isCommonPassword(p, common), false, p);
  }
});

test('a listed password, one with digits or symbols after it, one repeated character', () => {
  for (const p of [
    'password',
    'PASSWORD123',
    'Dragon2024!!',
    'QwertyUiop',
    '1234567890',
    'aaaaaaaaaa',
    '!!!!!!!!!!',
  ]) {
    assert.equal(isCommonPassword(p, common), true, p);
  }
  assert.equal(
    isCommonPassword('2024dragon', common),
    false,
    'only what comes after a listed word is ignored',
  );
});

test('the base of a password drops trailing digits, spaces and symbols only', () => {
  assert.equal(passwordBase('Dragon2024!'), 'dragon');
  assert.equal(passwordBase('2024dragon'), '2024dragon');
  assert.equal(passwordBase('12345'), '');
});

test('API field codes map back to problems', () => {
  assert.equal(problemFromCode('password_common'), 'common');
  assert.equal(problemFromCode('password_blank'), 'blank');
  assert.equal(problemFromCode('password_other'), null);
  assert.equal(problemFromCode(undefined), null);
});
