import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import type { PaperSectionKey } from './paper.schemas.ts';

type Language = 'en' | 'it';

const columns = [
  's.section',
  's.language',
  's.version',
  's.body',
  's.sample',
  's.restored_from',
  's.author',
  'u.name as author_name',
  's.created_at',
] as const;

/** The Input Paper's narrative sections: append-only versions per region, section and language. */
export function sectionsRepo(db: Kysely<DB>) {
  const sections = () =>
    db.selectFrom('region_paper_sections as s').leftJoin('users as u', 'u.id', 's.author');
  return {
    /** The latest version of every section and language of a region. */
    latest: (code: string) =>
      sections()
        .select(columns)
        .distinctOn(['s.section', 's.language'])
        .where('s.region_code', '=', code)
        .orderBy('s.section')
        .orderBy('s.language')
        .orderBy('s.version', 'desc')
        .execute(),
    versions: (code: string, key: PaperSectionKey, language: Language) =>
      sections()
        .select(columns)
        .where('s.region_code', '=', code)
        .where('s.section', '=', key)
        .where('s.language', '=', language)
        .orderBy('s.version', 'desc')
        .execute(),
    version: (code: string, key: PaperSectionKey, language: Language, version: number) =>
      sections()
        .select(columns)
        .where('s.region_code', '=', code)
        .where('s.section', '=', key)
        .where('s.language', '=', language)
        .where('s.version', '=', version)
        .executeTakeFirst(),
    /**
     * Appends the next version. Saves of one section and language queue on an advisory lock for the
     * transaction, so that concurrent saves get consecutive numbers instead of colliding.
     */
    append: (
      code: string,
      key: PaperSectionKey,
      language: Language,
      v: { body: string; author: string | null; restoredFrom?: number | null; sample?: boolean },
    ): Promise<number> =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`region_paper_sections:${code}:${key}:${language}`}))`.execute(
          trx,
        );
        const row = await trx
          .insertInto('region_paper_sections')
          .values({
            region_code: code,
            section: key,
            language,
            version: sql<number>`(select coalesce(max(version), 0) + 1 from region_paper_sections
              where region_code = ${code} and section = ${key} and language = ${language})`,
            body: v.body,
            author: v.author,
            restored_from: v.restoredFrom ?? null,
            sample: v.sample ?? false,
          })
          .returning('version')
          .executeTakeFirstOrThrow();
        return row.version;
      }),
  };
}
export type SectionsRepo = ReturnType<typeof sectionsRepo>;
export type SectionRow = Awaited<ReturnType<SectionsRepo['latest']>>[number];
