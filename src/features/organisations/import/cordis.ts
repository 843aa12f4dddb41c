import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OrganisationType } from '../../../server/db/schema.ts';
import type { ExchangeColumn } from '../exchange-format.ts';
import type { ImportSource } from './import-run.ts';
import type { ResolvedMapping } from './mapping.ts';
import { fixMojibake } from './mojibake.ts';
import { type Problem, problem } from './problems.ts';
import { fileSize, ImportFileError, openRecords, type ReadProgress, type SourceRecord } from './source.ts';
import { validateRecord } from './validate.ts';

/**
 * CORDIS Horizon 2020 (© European Union, CORDIS, CC BY 4.0): the organisations file of the mid-2017
 * snapshot (orgId = PIC, name, shortName, activityType, city, country) and, optionally, the
 * participations file (one row per organisation and project), whose rows per PIC become
 * `participations`. Matching is by PIC only; existing profiles keep what they have and only get their
 * empty fields filled and the participation count refreshed. No NUTS region is derivable: it stays empty.
 */
export const CORDIS_TYPES: Record<string, OrganisationType> = {
  PRC: 'company',
  REC: 'research_centre',
  HES: 'university',
  PUB: 'public_authority',
  OTH: 'other',
};

const ORG_COLUMNS_REQUIRED = ['orgId', 'name', 'activityType', 'country'];
const PARTICIPATION_COLUMNS_REQUIRED = ['pic', 'type'];

const MAPPING: ResolvedMapping = (() => {
  const cols: ExchangeColumn[] = ['pic', 'name', 'acronym', 'type', 'country', 'city', 'participations'];
  return { targets: new Map(cols.map((c) => [c, c])), present: new Set(cols), ignored: [] };
})();

/** The organisations and participations files in a directory such as ../shared/data/cordis-h2020. */
export function findCordisFiles(dir: string): { organisations: string; participations: string | null } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new ImportFileError(`Cannot read the directory ${dir}`);
  }
  const find = (re: RegExp) => names.filter((n) => re.test(n)).sort()[0];
  const organisations = find(/organi[sz]ations.*\.csv(\.gz)?$/i);
  const participations = find(/participations.*\.csv(\.gz)?$/i);
  if (!organisations) {
    throw new ImportFileError(
      `No CORDIS organisations file (…organisations….csv or .csv.gz) in ${dir}; found: ${names.join(', ') || 'nothing'}`,
    );
  }
  return {
    organisations: join(dir, organisations),
    participations: participations ? join(dir, participations) : null,
  };
}

function requireColumns(columns: string[], required: string[], what: string) {
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new ImportFileError(
      `The ${what} file lacks the column(s) ${missing.join(', ')}; is it a CORDIS H2020 file? Its columns are: ${columns.slice(0, 12).join(', ')}${columns.length > 12 ? '…' : ''}`,
    );
  }
}

const isAcronym = (short: string, name: string) =>
  short.length > 0 &&
  short.length <= 20 &&
  short.toLowerCase() !== name.toLowerCase() &&
  (!/\s/.test(short) || short === short.toUpperCase());

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** A CORDIS organisation row as an exchange-format record, names repaired. */
export function cordisRecord(
  rec: SourceRecord,
  participations: Map<string, { count: number; type: string }> | null,
): SourceRecord {
  const v = rec.values;
  const pic = str(v.orgId);
  const name = fixMojibake(str(v.name));
  const short = fixMojibake(str(v.shortName));
  const activity = str(v.activityType) || participations?.get(pic)?.type || '';
  const city = fixMojibake(str(v.city));
  const counted = participations ? (participations.get(pic)?.count ?? 0) : Number(str(v.numProjects)) || 0;
  return {
    row: rec.row,
    values: {
      pic,
      name,
      // The short name is an acronym when it is short, not the name again, and not a name in
      // sentence case ("Bernhard Jöckel" is a name; "UOP", "BUA - BILKENT" are acronyms).
      acronym: isAcronym(short, name) ? short : '',
      type: CORDIS_TYPES[activity.toUpperCase()] ?? 'other',
      country: str(v.country),
      city: city.length <= 120 ? city : '',
      participations: String(counted),
    },
  };
}

async function countParticipations(path: string, progress?: ReadProgress) {
  const stream = await openRecords(path, progress ? { progress } : {});
  const counts = new Map<string, { count: number; type: string }>();
  let checked = false;
  for await (const rec of stream.records) {
    if (!checked) {
      requireColumns(stream.columns, PARTICIPATION_COLUMNS_REQUIRED, 'participations');
      checked = true;
    }
    const pic = str(rec.values.pic);
    if (!pic) continue;
    const c = counts.get(pic);
    if (c) c.count++;
    else counts.set(pic, { count: 1, type: str(rec.values.type) });
  }
  if (!checked) throw new ImportFileError('The participations file has no rows.');
  return counts;
}

export async function cordisSource(files: {
  organisations: string;
  participations: string | null;
}): Promise<ImportSource> {
  const bytesTotal =
    (await fileSize(files.organisations)) + (files.participations ? await fileSize(files.participations) : 0);
  let participations: Map<string, { count: number; type: string }> | null = null;
  const unnamed = new Set<string>();
  return {
    bytesTotal,
    mode: 'fill',
    keyOrder: ['pic'],
    async check(progress) {
      if (files.participations) participations = await countParticipations(files.participations, progress);
      const stream = await openRecords(files.organisations, { progress });
      let rows = 0;
      for await (const _ of stream.records) {
        if (rows === 0) requireColumns(stream.columns, ORG_COLUMNS_REQUIRED, 'organisations');
        rows++;
      }
      if (rows === 0) throw new ImportFileError('The CORDIS organisations file has no rows.');
      return { rowsTotal: rows, notices: [] };
    },
    async *rows(progress, ref) {
      for (const pic of participations?.keys() ?? []) unnamed.add(pic);
      // The participations were read in the check; count their bytes as done.
      if (files.participations) progress.bytes += await fileSize(files.participations);
      const stream = await openRecords(files.organisations, { progress });
      for await (const rec of stream.records) {
        const r = cordisRecord(rec, participations);
        const pic = r.values.pic as string;
        unnamed.delete(pic);
        // The PIC is the only key of CORDIS rows: without it a second import would duplicate the row.
        if (!pic)
          yield {
            ok: false,
            problems: [
              problem(
                rec.row,
                'pic',
                'required',
                'No PIC (orgId): the organisation cannot be matched, not imported',
              ),
            ],
          };
        else yield validateRecord(r, MAPPING, ref, { csv: false });
      }
    },
    finalNotices(): Problem[] {
      if (!unnamed.size) return [];
      return [
        problem(
          0,
          'pic',
          'not_imported',
          `${unnamed.size.toLocaleString('en')} organisations of the participations file are not in the organisations file, which gives the names: not imported`,
          String(unnamed.size),
        ),
      ];
    },
  };
}
