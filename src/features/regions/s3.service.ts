import type { Updateable } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { badRequest, forbidden, notFound, unauthenticated } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { toNaceEntry } from '../organisations/nace.service.ts';
import { canRegion, type RegionAction } from './regions.policy.ts';
import type { RegionsRepo } from './regions.repo.ts';
import type { PriorityRow, S3Repo } from './s3.repo.ts';
import type { RegionEditor, S3Priority, S3PriorityInput } from './s3.schemas.ts';

const fieldError = (field: string, message: string) =>
  badRequest(message, { fields: [{ field: `body.${field}`, message }] });

const WHY: Record<Exclude<RegionAction, 'read'>, string> = {
  edit: 'Only the region’s editors and platform administrators edit its S3 priorities and Input Paper',
  manageEditors: 'Only platform administrators name a region’s editors',
};

/** The region and the caller's rights on it; 404 for an unknown code. */
export async function regionAccess(regions: RegionsRepo, repo: S3Repo, actor: Actor | null, code: string) {
  const region = await regions.find(code);
  if (!region) throw notFound('Region');
  const r = { code: region.code, editorIds: await repo.editorIds(region.code) };
  return {
    region,
    canEdit: canRegion(actor, 'edit', r),
    canManageEditors: canRegion(actor, 'manageEditors', r),
    /** 401 anonymous, 403 without the right. */
    require(action: Exclude<RegionAction, 'read'>): Actor {
      if (!actor) throw unauthenticated();
      if (!canRegion(actor, action, r)) throw forbidden(WHY[action]);
      return actor;
    },
  };
}

function toColumns(i: S3PriorityInput): Updateable<DB['region_s3_priorities']> {
  const c: Updateable<DB['region_s3_priorities']> = {};
  if (i.title !== undefined) c.title = i.title;
  if (i.description !== undefined) c.description = i.description;
  if (i.ecosystems !== undefined) c.ecosystems = i.ecosystems;
  if (i.naceCodes !== undefined) c.nace_codes = i.naceCodes;
  if (i.sourceUrl !== undefined) c.source_url = i.sourceUrl || null;
  if (i.position !== undefined) c.position = i.position;
  return c;
}

export function s3Service(repo: S3Repo, regions: RegionsRepo) {
  const access = (actor: Actor | null, code: string) => regionAccess(regions, repo, actor, code);

  async function toPriorities(rows: PriorityRow[]): Promise<S3Priority[]> {
    const nace = new Map(
      (await repo.naceEntries([...new Set(rows.flatMap((r) => r.nace_codes))])).map((n) => [n.code, n]),
    );
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      title: r.title,
      description: r.description,
      ecosystems: r.ecosystems as S3Priority['ecosystems'],
      nace: r.nace_codes.flatMap((code) => {
        const n = nace.get(code);
        return n ? [toNaceEntry(n)] : [];
      }),
      sourceUrl: r.source_url,
      position: r.position,
      sample: r.sample,
      updatedAt: new Date(r.updated_at).toISOString(),
      updatedBy: r.updated_by && r.updated_by_name ? { id: r.updated_by, name: r.updated_by_name } : null,
    }));
  }

  async function checkNace(codes: string[] | undefined) {
    if (!codes?.length) return;
    const known = new Set((await repo.naceEntries(codes)).map((n) => n.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw fieldError('naceCodes', `Unknown NACE code(s): ${unknown.join(', ')}`);
  }

  async function one(code: string, id: string): Promise<S3Priority> {
    const row = await repo.priority(code, id);
    if (!row) throw notFound('S3 priority');
    return (await toPriorities([row]))[0]!;
  }

  async function editors(actor: Actor | null, code: string): Promise<{ items: RegionEditor[] }> {
    const a = await access(actor, code);
    a.require('manageEditors');
    const rows = await repo.editors(a.region.code);
    return {
      items: rows.map((r) => ({
        userId: r.user_id,
        name: r.name,
        email: r.email,
        grantedAt: new Date(r.granted_at).toISOString(),
        grantedBy: r.granted_by && r.granted_by_name ? { id: r.granted_by, name: r.granted_by_name } : null,
      })),
    };
  }

  return {
    /** The priorities in their order (public), for the region page and the Input Paper. */
    priorities: async (code: string) => toPriorities(await repo.priorities(code)),

    async list(actor: Actor | null, code: string) {
      const a = await access(actor, code);
      return {
        items: await toPriorities(await repo.priorities(a.region.code)),
        canEdit: a.canEdit,
        canManageEditors: a.canManageEditors,
      };
    },

    async create(actor: Actor | null, code: string, input: S3PriorityInput & { title: string }) {
      const a = await access(actor, code);
      const who = a.require('edit');
      await checkNace(input.naceCodes);
      const id = await repo.insertPriority(a.region.code, who.userId, {
        ...toColumns(input),
        title: input.title,
      });
      return one(a.region.code, id);
    },

    async update(actor: Actor | null, code: string, id: string, input: S3PriorityInput) {
      const a = await access(actor, code);
      const who = a.require('edit');
      await checkNace(input.naceCodes);
      if (!(await repo.updatePriority(a.region.code, id, who.userId, toColumns(input))))
        throw notFound('S3 priority');
      return one(a.region.code, id);
    },

    async remove(actor: Actor | null, code: string, id: string) {
      const a = await access(actor, code);
      a.require('edit');
      if (!(await repo.deletePriority(a.region.code, id))) throw notFound('S3 priority');
    },

    editors,

    async grant(actor: Actor | null, code: string, email: string) {
      const a = await access(actor, code);
      const who = a.require('manageEditors');
      const user = await repo.userByEmail(email);
      if (!user) throw fieldError('email', 'No account has this e-mail address: the person signs up first');
      await repo.grant(a.region.code, user.id, who.userId);
      const list = await editors(actor, code);
      return list.items.find((e) => e.userId === user.id)!;
    },

    async revoke(actor: Actor | null, code: string, userId: string) {
      const a = await access(actor, code);
      a.require('manageEditors');
      if (!(await repo.revoke(a.region.code, userId))) throw notFound('Region editor');
    },
  };
}
export type S3Service = ReturnType<typeof s3Service>;
