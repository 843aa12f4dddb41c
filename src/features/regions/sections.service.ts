import { notFound } from '../../server/http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { PaperSection, PaperSectionKey } from './paper.schemas.ts';
import type { RegionsRepo } from './regions.repo.ts';
import type { S3Repo } from './s3.repo.ts';
import { regionAccess } from './s3.service.ts';
import type { SectionRow, SectionsRepo } from './sections.repo.ts';

type Language = 'en' | 'it';

export const toSection = (r: SectionRow): PaperSection => ({
  key: r.section,
  language: r.language,
  version: r.version,
  body: r.body,
  sample: r.sample,
  restoredFrom: r.restored_from,
  author: r.author && r.author_name ? { id: r.author, name: r.author_name } : null,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * The narrative sections editors write for the Input Paper. Every save is a new version; the latest is
 * what the paper prints, older ones stay readable and a restore saves an old text as the newest version.
 */
export function sectionsService(repo: SectionsRepo, s3: S3Repo, regions: RegionsRepo) {
  const access = (actor: Actor | null, code: string) => regionAccess(regions, s3, actor, code);

  async function saved(code: string, key: PaperSectionKey, language: Language, version: number) {
    const row = await repo.version(code, key, language, version);
    if (!row) throw notFound('Section version');
    return toSection(row);
  }

  return {
    /** The latest of each section and language (public), for the paper. */
    latest: async (code: string) => (await repo.latest(code)).map(toSection),

    async list(actor: Actor | null, code: string) {
      const a = await access(actor, code);
      return { items: (await repo.latest(a.region.code)).map(toSection), canEdit: a.canEdit };
    },

    async versions(actor: Actor | null, code: string, key: PaperSectionKey, language: Language) {
      const a = await access(actor, code);
      return { items: (await repo.versions(a.region.code, key, language)).map(toSection) };
    },

    async save(actor: Actor | null, code: string, key: PaperSectionKey, language: Language, body: string) {
      const a = await access(actor, code);
      const who = a.require('edit');
      const version = await repo.append(a.region.code, key, language, { body, author: who.userId });
      return saved(a.region.code, key, language, version);
    },

    async restore(
      actor: Actor | null,
      code: string,
      key: PaperSectionKey,
      language: Language,
      version: number,
    ) {
      const a = await access(actor, code);
      const who = a.require('edit');
      const old = await repo.version(a.region.code, key, language, version);
      if (!old) throw notFound('Section version');
      const next = await repo.append(a.region.code, key, language, {
        body: old.body,
        author: who.userId,
        restoredFrom: version,
        sample: old.sample,
      });
      return saved(a.region.code, key, language, next);
    },
  };
}
export type SectionsService = ReturnType<typeof sectionsService>;
