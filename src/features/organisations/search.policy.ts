import type { Actor } from '../accounts/actor.ts';

/**
 * Published organisations are public, so anyone may search, map and export them. The e-mail address of
 * a cluster manager is personal data collected for the platform: only platform administrators export it.
 */
export function canExportManagerEmails(actor: Actor | null): boolean {
  return !!actor?.isAdmin;
}
