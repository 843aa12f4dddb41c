import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../server/http/errors.ts';
import { isCommonPassword } from '../../shared/password.ts';
import { checkNewPassword, commonPasswords } from './password-policy.ts';

test('the bundled list has the most common passwords, lowercase, without its comment lines', () => {
  const common = commonPasswords();
  assert.ok(common.size >= 500 && common.size <= 2000, `${common.size} entries`);
  assert.ok(![...common].some((e) => e.startsWith('#') || e !== e.toLowerCase()));
  for (const p of [
    'password123',
    'Password1234',
    'QWERTYUIOP',
    '1234567890',
    '1q2w3e4r5t',
    'iloveyou!!!!',
    'sunshine12345',
    'forzainter1908',
    'nexum2026!!',
  ]) {
    assert.equal(isCommonPassword(p, common), true, p);
  }
  for (const p of ['correct horse battery', 'a long secret passphrase', 'long enough!!']) {
    assert.equal(isCommonPassword(p, common), false, p);
  }
});

test('a refused password is a 400 naming the field, with a code the client translates', () => {
  const problem = (password: string) => {
    try {
      checkNewPassword(password, 'grace@example.org', 'body.newPassword');
      return null;
    } catch (e) {
      assert.ok(e instanceof AppError);
      assert.equal(e.httpStatus, 400);
      const [field] = (e.details as { fields: { field: string; code: string }[] }).fields;
      assert.equal(field?.field, 'body.newPassword');
      return field?.code;
    }
  };
  assert.equal(problem('          '), 'password_blank');
  assert.equal(problem('Grace@Example.org'), 'password_email');
  assert.equal(problem('password1234'), 'password_common');
  assert.equal(problem('a long secret passphrase'), null);
});
