import { EXCHANGE_COLUMNS, type ExchangeColumn } from '../exchange-format.ts';
import { ImportFileError } from './source.ts';

/** Which file column feeds which exchange column: `{ "Company name": "name" }`; "" ignores a column. */
export type ColumnMapping = Record<string, string>;

export const REQUIRED_COLUMNS: readonly ExchangeColumn[] = ['name', 'type'];

const normalise = (h: string) =>
  h
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

// Names spreadsheets commonly use for the exchange columns (after normalise()).
const ALIASES: Record<string, ExchangeColumn> = {
  id: 'external_id',
  external_identifier: 'external_id',
  externalid: 'external_id',
  company: 'name',
  company_name: 'name',
  organisation: 'name',
  organization: 'name',
  organisation_name: 'name',
  organization_name: 'name',
  legal_name: 'name',
  short_name: 'acronym',
  shortname: 'acronym',
  organisation_type: 'type',
  organization_type: 'type',
  url: 'website',
  web: 'website',
  web_site: 'website',
  homepage: 'website',
  e_mail: 'email',
  mail: 'email',
  country_code: 'country',
  nuts: 'region',
  nuts_code: 'region',
  region_code: 'region',
  nuts_2: 'region',
  nuts2: 'region',
  town: 'city',
  founded: 'founded_year',
  year_founded: 'founded_year',
  size: 'size_band',
  nace: 'nace_codes',
  nace_code: 'nace_codes',
  ecosystem: 'ecosystems',
  s3: 's3_areas',
  s3_area: 's3_areas',
  keyword: 'keywords',
  tags: 'keywords',
  programme: 'programmes',
  label: 'esca_label',
  esca: 'esca_label',
  // Italian spreadsheets.
  nome: 'name',
  ragione_sociale: 'name',
  denominazione: 'name',
  sigla: 'acronym',
  tipo: 'type',
  tipologia: 'type',
  descrizione: 'description',
  sito: 'website',
  sito_web: 'website',
  paese: 'country',
  nazione: 'country',
  regione: 'region',
  citta: 'city',
  comune: 'city',
  anno_di_fondazione: 'founded_year',
  anno_fondazione: 'founded_year',
  dimensione: 'size_band',
  parole_chiave: 'keywords',
  offre: 'offers',
  cerca: 'seeks',
  manager: 'manager_name',
  contact_name: 'manager_name',
  contact_email: 'manager_email',
};

const isExchangeColumn = (c: string): c is ExchangeColumn =>
  (EXCHANGE_COLUMNS as readonly string[]).includes(c);

/** The exchange column a file column most likely is, by its name; '' when none. */
export function suggestTarget(header: string): ExchangeColumn | '' {
  const n = normalise(header);
  if (isExchangeColumn(n)) return n;
  return ALIASES[n] ?? '';
}

/** A pre-filled mapping for a header row: each column to its likely target, each target used once. */
export function suggestMapping(columns: readonly string[]): ColumnMapping {
  const used = new Set<string>();
  const out: ColumnMapping = {};
  // Exact names first, so an alias never takes a target a column is literally named after.
  const ordered = [...columns].sort(
    (a, b) => Number(!isExchangeColumn(normalise(a))) - Number(!isExchangeColumn(normalise(b))),
  );
  for (const c of ordered) {
    const target = suggestTarget(c);
    out[c] = target && !used.has(target) ? target : '';
    if (out[c]) used.add(target);
  }
  return Object.fromEntries(columns.map((c) => [c, out[c] ?? '']));
}

/** Parses the command line's `--map "Company=name,Web site=website,Notes="`. */
export function parseMapArgument(text: string): ColumnMapping {
  const out: ColumnMapping = {};
  for (const pair of text.split(',')) {
    if (!pair.trim()) continue;
    const eq = pair.lastIndexOf('=');
    if (eq <= 0)
      throw new ImportFileError(`--map expects source=target pairs separated by commas, got "${pair}"`);
    const target = pair.slice(eq + 1).trim();
    out[pair.slice(0, eq).trim()] = target === '-' ? '' : target;
  }
  return out;
}

export interface ResolvedMapping {
  /** file column → exchange column, for the columns that are imported. */
  targets: Map<string, ExchangeColumn>;
  /** Exchange columns present in the file. */
  present: Set<ExchangeColumn>;
  /** File columns that are not imported though nobody said to ignore them. */
  ignored: string[];
}

/**
 * Applies an explicit mapping over the suggested one and checks it: every target is an exchange column,
 * no target is fed twice, the required columns are there. Anything wrong refuses the file.
 */
export function resolveMapping(columns: readonly string[], explicit: ColumnMapping): ResolvedMapping {
  const unknownSources = Object.keys(explicit).filter((s) => !columns.includes(s));
  if (unknownSources.length) {
    throw new ImportFileError(
      `The mapping names column(s) the file does not have: ${unknownSources.map((s) => `"${s}"`).join(', ')}. The file's columns are: ${columns.join(', ')}.`,
    );
  }
  const suggested = suggestMapping(columns);
  const targets = new Map<string, ExchangeColumn>();
  const bySource = new Map<ExchangeColumn, string>();
  const ignored: string[] = [];
  for (const column of columns) {
    const target = column in explicit ? explicit[column]! : suggested[column]!;
    if (!target) {
      // Told to ignore it: no notice. Not recognised: the report says it was ignored.
      if (!(column in explicit)) ignored.push(column);
      continue;
    }
    if (!isExchangeColumn(target)) {
      throw new ImportFileError(
        `Column "${column}" is mapped to "${target}", which is not a column of the exchange format (${EXCHANGE_COLUMNS.join(', ')}).`,
      );
    }
    const other = bySource.get(target);
    if (other !== undefined) {
      throw new ImportFileError(`Columns "${other}" and "${column}" are both mapped to "${target}".`);
    }
    bySource.set(target, column);
    targets.set(column, target);
  }
  const present = new Set(targets.values());
  const missing = REQUIRED_COLUMNS.filter((c) => !present.has(c));
  if (missing.length) {
    throw new ImportFileError(
      `The file has no ${missing.map((c) => `"${c}"`).join(' or ')} column${missing.length > 1 ? 's' : ''} (required). Its columns are: ${columns.join(', ') || 'none'}. Rename a column, or map it to ${missing.map((c) => `"${c}"`).join(' and ')}.`,
    );
  }
  return { targets, present, ignored };
}
