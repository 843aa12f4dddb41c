// The rules a new password must meet, shared by the sign-up and password forms and the server (no Node
// APIs). The list of common passwords stays on the server (common-passwords.txt); the browser learns
// of it from the API's field code.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a new password is refused; each has a message `validation.password.<problem>` in the catalogues. */
export type PasswordProblem = 'length' | 'blank' | 'email' | 'common';

/** The API's field code for each problem (`details.fields[].code`). */
export const passwordProblemCode = (p: PasswordProblem) => `password_${p}` as const;

export function problemFromCode(code: string | undefined): PasswordProblem | null {
  const p = code?.startsWith('password_') ? code.slice('password_'.length) : '';
  return p === 'length' || p === 'blank' || p === 'email' || p === 'common' ? p : null;
}

/** Lowercase, without the digits, spaces and symbols at the end: "Dragon2024!" → "dragon". */
export function passwordBase(password: string): string {
  return password
    .toLowerCase()
    .replace(/[\p{N}\p{P}\p{S}\s]+$/u, '')
    .trim();
}

/**
 * The problems found without the common-password list: too short or too long, only white space, the
 * account's e-mail address or its local part (case-insensitive, digits and symbols after it ignored).
 */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return 'length';
  if (password.trim() === '') return 'blank';
  const lower = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  const base = passwordBase(password);
  for (const candidate of [address, local]) {
    if (candidate && (lower === candidate || base === candidate)) return 'email';
  }
  return null;
}

/**
 * A password in the list, an entry followed only by digits or symbols ("dragon2024!"), or one character
 * repeated ("aaaaaaaaaa").
 */
export function isCommonPassword(password: string, common: ReadonlySet<string>): boolean {
  const lower = password.toLowerCase();
  if (common.has(lower) || common.has(lower.trim())) return true;
  const base = passwordBase(password);
  if (base.length >= 3 && common.has(base)) return true;
  return new Set(lower).size === 1;
}
