import type { NaceCodesTable } from '../../server/db/schema.ts';
import type { NaceRepo } from './nace.repo.ts';
import type { NaceEntry } from './organisations.schemas.ts';

/** Section names are upper case in the classification ("MANUFACTURING"); shown in sentence case. */
const sentenceCase = (s: string) => (s === s.toUpperCase() ? s.charAt(0) + s.slice(1).toLowerCase() : s);

export function toNaceEntry(
  n: Pick<NaceCodesTable, 'code' | 'section' | 'level' | 'name_en' | 'name_it'>,
): NaceEntry {
  return {
    code: n.code,
    section: n.section,
    level: n.level,
    nameEn: sentenceCase(n.name_en),
    nameIt: sentenceCase(n.name_it),
  };
}

export function naceService(repo: NaceRepo) {
  return {
    search: async (q: string, limit: number) => ({ items: (await repo.search(q, limit)).map(toNaceEntry) }),
  };
}
export type NaceService = ReturnType<typeof naceService>;
