import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes; only the sha256 is stored, so a database leak does not leak live sessions. */
export function newToken(prefix = ''): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
