import { ApiError } from '../../../client/api.ts';
import { safeNextPath } from '../../../client/next-path.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { type PasswordProblem, passwordProblem, problemFromCode } from '../../../shared/password.ts';

const PASSWORD_MESSAGES: Record<PasswordProblem, MessageKey> = {
  length: 'validation.passwordLength',
  blank: 'validation.passwordBlank',
  email: 'validation.passwordEmail',
  common: 'validation.passwordCommon',
};

/** The message key of what is wrong with a new password, checked in the browser (all but the common list). */
export function newPasswordError(password: string, email: string): MessageKey | undefined {
  const problem = passwordProblem(password, email);
  return problem ? PASSWORD_MESSAGES[problem] : undefined;
}

/** The message key of the API's refusal of a new password in `field` (e.g. a common one), if it was that. */
export function refusedPasswordError(err: unknown, field: string): MessageKey | undefined {
  const problem = err instanceof ApiError ? problemFromCode(err.fieldCodes[field]) : null;
  return problem ? PASSWORD_MESSAGES[problem] : undefined;
}

/** Where to go after signing in: a same-site path from `?next=`, else the account page. */
export function nextPath(search: string): string {
  return safeNextPath(new URLSearchParams(search).get('next'));
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
