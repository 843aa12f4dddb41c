import { readFileSync } from 'node:fs';
import { AppError } from '../../server/http/errors.ts';
import {
  isCommonPassword,
  type PasswordProblem,
  passwordProblem,
  passwordProblemCode,
} from '../../shared/password.ts';

const MESSAGES: Record<PasswordProblem, string> = {
  length: 'Use between 10 and 200 characters',
  blank: 'The password cannot be only spaces',
  email: 'The password cannot be your e-mail address',
  common: 'This password is one of the most common ones; choose one that is harder to guess',
};

let common: Set<string> | null = null;

/** The bundled list of common passwords (common-passwords.txt), read once. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/**
 * Throws a 400 naming `field` when a new password breaks a rule of shared/password.ts or is common.
 * Every place that sets a password calls this.
 */
export function checkNewPassword(password: string, email: string, field: string): void {
  const problem =
    passwordProblem(password, email) ?? (isCommonPassword(password, commonPasswords()) ? 'common' : null);
  if (!problem) return;
  throw new AppError('validation_failed', 400, MESSAGES[problem], {
    fields: [{ field, message: MESSAGES[problem], code: passwordProblemCode(problem) }],
  });
}
