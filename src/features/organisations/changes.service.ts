import { forbidden, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { ChangesRepo, FieldChanges } from './changes.repo.ts';
import type { ChangeEntry } from './changes.schemas.ts';
import { canOrganisation } from './organisations.policy.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The field-level difference between a row and the columns about to be written, named by API field:
 * `fields` maps each API field to its column. Only fields whose value really changes are kept.
 */
export function diffColumns(
  row: Record<string, unknown>,
  set: Record<string, unknown>,
  fields: Readonly<Record<string, string>>,
): FieldChanges {
  const out: FieldChanges = {};
  for (const [field, column] of Object.entries(fields)) {
    if (!(column in set)) continue;
    const before = row[column] ?? null;
    const after = set[column] ?? null;
    if (!same(before, after)) out[field] = { before, after };
  }
  return out;
}

/** Rows written by other code (imports) may store plain values: they read as "set to". */
export function normaliseChanges(raw: unknown): FieldChanges {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: FieldChanges = {};
  for (const [field, value] of Object.entries(raw as Record<string, unknown>)) {
    const pair = value as { before?: unknown; after?: unknown } | null;
    if (pair && typeof pair === 'object' && !Array.isArray(pair) && ('before' in pair || 'after' in pair)) {
      out[field] = { before: pair.before ?? null, after: pair.after ?? null };
    } else {
      out[field] = { before: null, after: value ?? null };
    }
  }
  return out;
}

export function changesService(
  repo: ChangesRepo,
  organisations: { readable(actor: Actor | null, idOrSlug: string): Promise<{ id: string; status: string }> },
) {
  return {
    /** The change log of an organisation, newest first: its admins and platform administrators. */
    async list(
      actor: Actor | null,
      idOrSlug: string,
      page: number,
      pageSize: number,
    ): Promise<{ items: ChangeEntry[]; total: number; page: number; pageSize: number }> {
      if (!actor) throw unauthenticated();
      const o = await organisations.readable(actor, idOrSlug);
      if (!canOrganisation(actor, 'view_changes', o))
        throw forbidden('Only the organisation’s admins see its history');
      const r = await repo.list(o.id, page, pageSize);
      return {
        items: r.items.map((c) => ({
          id: String(c.id),
          action: c.action,
          user: c.user_id ? { id: c.user_id, name: c.user_name ?? '' } : null,
          createdAt: c.created_at.toISOString(),
          changes: normaliseChanges(c.changes),
        })),
        total: r.total,
        page,
        pageSize,
      };
    },
  };
}
export type ChangesService = ReturnType<typeof changesService>;
