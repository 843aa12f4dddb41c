import type { Actor } from '../../accounts/actor.ts';

export type ImportAction = 'start' | 'read';

/** Imports write the whole directory at once: platform administrators only, for every action. */
export function canImport(actor: Actor | null, _action: ImportAction): boolean {
  return !!actor?.isAdmin;
}
