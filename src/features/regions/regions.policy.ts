import type { Actor } from '../accounts/actor.ts';

export type RegionAction = 'read' | 'edit' | 'manageEditors';

export interface RegionResource {
  code: string;
  /** The users a platform administrator named editors of this region (region_editors). */
  editorIds: ReadonlySet<string>;
}

/**
 * A region's S3 priorities and Input Paper sections: everyone reads them; the region's editors and
 * platform administrators write them; only platform administrators name and remove editors. Editors
 * of one region have no rights on the regions above or below it.
 */
export function canRegion(actor: Actor | null, action: RegionAction, r: RegionResource): boolean {
  if (action === 'read') return true;
  if (!actor) return false;
  if (actor.isAdmin) return true;
  if (action === 'manageEditors') return false;
  return r.editorIds.has(actor.userId);
}
