import type { Selectable } from 'kysely';
import type { OrganisationsTable } from '../../server/db/schema.ts';

/**
 * The one file format of the directory: what export writes and import reads (CSV header row, or the
 * keys of each JSON object). Lists are separated by ";" in CSV and are arrays in JSON. Documented in
 * docs/formats/organisations.md.
 */
export const EXCHANGE_COLUMNS = [
  'external_id',
  'pic',
  'name',
  'acronym',
  'type',
  'description',
  'website',
  'email',
  'country',
  'region',
  'city',
  'founded_year',
  'size_band',
  'nace_codes',
  'ecosystems',
  's3_areas',
  'keywords',
  'offers',
  'seeks',
  'programmes',
  'esca_label',
  'esca_year',
  'manager_name',
  'manager_email',
  'participations',
] as const;
export type ExchangeColumn = (typeof EXCHANGE_COLUMNS)[number];
export const LIST_COLUMNS: ReadonlySet<ExchangeColumn> = new Set([
  'nace_codes',
  'ecosystems',
  's3_areas',
  'keywords',
  'programmes',
]);
export const LIST_SEPARATOR = ';';

export type ExchangeRecord = Record<ExchangeColumn, string | number | string[] | null>;

export type ExportableOrganisation = Pick<
  Selectable<OrganisationsTable>,
  | 'external_id'
  | 'pic'
  | 'name'
  | 'acronym'
  | 'type'
  | 'description'
  | 'website'
  | 'email'
  | 'country_code'
  | 'region_code'
  | 'city'
  | 'founded_year'
  | 'size_band'
  | 'nace_codes'
  | 'ecosystems'
  | 's3_areas'
  | 'keywords'
  | 'offers'
  | 'seeks'
  | 'programmes'
  | 'esca_label'
  | 'esca_year'
  | 'manager_name'
  | 'manager_email'
  | 'participations'
>;

export function toExchangeRecord(o: ExportableOrganisation): ExchangeRecord {
  return {
    external_id: o.external_id,
    pic: o.pic,
    name: o.name,
    acronym: o.acronym,
    type: o.type,
    description: o.description,
    website: o.website,
    email: o.email,
    country: o.country_code,
    region: o.region_code,
    city: o.city,
    founded_year: o.founded_year,
    size_band: o.size_band,
    nace_codes: o.nace_codes,
    ecosystems: o.ecosystems,
    s3_areas: o.s3_areas,
    keywords: o.keywords,
    offers: o.offers,
    seeks: o.seeks,
    programmes: o.programmes,
    esca_label: o.esca_label,
    esca_year: o.esca_year,
    manager_name: o.manager_name,
    manager_email: o.manager_email,
    participations: o.participations,
  };
}

const csvField = (v: string) => (/[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** One CSV line (RFC 4180, CRLF); formula-looking cells are prefixed with ' so spreadsheets show them as text. */
export function toCsvLine(values: readonly (string | number | string[] | null)[]): string {
  return `${values
    .map((v) => {
      if (v === null || v === undefined) return '';
      const text = Array.isArray(v) ? v.join(LIST_SEPARATOR) : String(v);
      return csvField(/^[=+\-@\t\r]/.test(text) && typeof v !== 'number' ? `'${text}` : text);
    })
    .join(',')}\r\n`;
}
