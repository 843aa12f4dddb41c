import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function naceRepo(db: Kysely<DB>) {
  return {
    /**
     * Type-ahead over the classification: by code prefix ("62", "10.1", "c") or by words of the English or
     * Italian name, accent- and case-insensitive. Exact codes first, then code prefixes, then names that
     * start with the words, broader levels before narrower ones.
     */
    search(q: string, limit: number) {
      const query = q.trim();
      const columns = ['code', 'section', 'level', 'name_en', 'name_it'] as const;
      if (!query) {
        return db
          .selectFrom('nace_codes')
          .select(columns)
          .where('level', '=', 1)
          .orderBy('code')
          .limit(limit)
          .execute();
      }
      const code = query.toUpperCase();
      const words = query
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 6)
        .map((w) => `%${escapeLike(w)}%`);
      const en = sql`nexum_unaccent(lower(name_en))`;
      const it = sql`nexum_unaccent(lower(name_it))`;
      const start = `${escapeLike(query.toLowerCase())}%`;
      return db
        .selectFrom('nace_codes')
        .select(columns)
        .where((eb) =>
          eb.or([
            eb('code', 'like', `${escapeLike(code)}%`),
            eb.and(
              words.map((w) =>
                eb.or([eb(en, 'like', sql`nexum_unaccent(${w})`), eb(it, 'like', sql`nexum_unaccent(${w})`)]),
              ),
            ),
          ]),
        )
        .orderBy(
          sql`case when code = ${code} then 0 when code like ${`${escapeLike(code)}%`} then 1
            when ${en} like nexum_unaccent(${start}) or ${it} like nexum_unaccent(${start}) then 2 else 3 end`,
        )
        .orderBy('level')
        .orderBy('code')
        .limit(limit)
        .execute();
    },
  };
}
export type NaceRepo = ReturnType<typeof naceRepo>;
