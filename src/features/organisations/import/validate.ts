import { z } from 'zod';
import {
  ESCA_LABELS,
  type EscaLabel,
  ORGANISATION_TYPES,
  type OrganisationType,
  SIZE_BANDS,
  type SizeBand,
} from '../../../server/db/schema.ts';
import { ECOSYSTEMS } from '../../../shared/ecosystems.ts';
import { type ExchangeColumn, LIST_COLUMNS, LIST_SEPARATOR } from '../exchange-format.ts';
import { nameKey, type RowKeys, websiteKey } from './keys.ts';
import type { ResolvedMapping } from './mapping.ts';
import { type Problem, problem, shorten } from './problems.ts';
import type { SourceRecord } from './source.ts';

/** The organisation columns an import writes. */
export interface OrgValues {
  external_id: string | null;
  pic: string | null;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  description: string;
  website: string | null;
  email: string | null;
  country_code: string | null;
  region_code: string | null;
  city: string | null;
  founded_year: number | null;
  size_band: SizeBand | null;
  nace_codes: string[];
  ecosystems: string[];
  s3_areas: string[];
  keywords: string[];
  offers: string;
  seeks: string;
  programmes: string[];
  esca_label: EscaLabel | null;
  esca_year: number | null;
  manager_name: string | null;
  manager_email: string | null;
  participations: number;
}
export type OrgColumn = keyof OrgValues;

export const ORG_COLUMNS: readonly OrgColumn[] = [
  'external_id',
  'pic',
  'name',
  'acronym',
  'type',
  'description',
  'website',
  'email',
  'country_code',
  'region_code',
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
];

/** The database column an exchange column fills. */
export const COLUMN_OF: Record<ExchangeColumn, OrgColumn> = {
  external_id: 'external_id',
  pic: 'pic',
  name: 'name',
  acronym: 'acronym',
  type: 'type',
  description: 'description',
  website: 'website',
  email: 'email',
  country: 'country_code',
  region: 'region_code',
  city: 'city',
  founded_year: 'founded_year',
  size_band: 'size_band',
  nace_codes: 'nace_codes',
  ecosystems: 'ecosystems',
  s3_areas: 's3_areas',
  keywords: 'keywords',
  offers: 'offers',
  seeks: 'seeks',
  programmes: 'programmes',
  esca_label: 'esca_label',
  esca_year: 'esca_year',
  manager_name: 'manager_name',
  manager_email: 'manager_email',
  participations: 'participations',
};

export interface ReferenceData {
  /** NUTS codes of the regions table (levels 0–2). */
  regions: ReadonlySet<string>;
  /** NACE codes of the nace_codes table ('C', '10', '10.1', '10.11'). */
  nace: ReadonlySet<string>;
}

export interface ValidRow {
  row: number;
  keys: RowKeys;
  /** Only the columns the file has; a column present but empty clears the value. */
  values: Partial<OrgValues>;
}

export type Validated = { ok: true; value: ValidRow } | { ok: false; problems: Problem[] };

// Same limits as the profile form, so an imported profile can be edited without first fixing it.
const TEXT_MAX: Partial<Record<ExchangeColumn, number>> = {
  external_id: 200,
  name: 300,
  acronym: 40,
  description: 20_000,
  city: 120,
  offers: 5000,
  seeks: 5000,
  manager_name: 200,
};
const LIST_MAX: Partial<Record<ExchangeColumn, [items: number, chars: number]>> = {
  keywords: [30, 80],
  s3_areas: [20, 80],
  nace_codes: [20, 10],
  programmes: [10, 80],
  ecosystems: [ECOSYSTEMS.length, 80],
};
const INT_RANGE: Partial<Record<ExchangeColumn, [number, number]>> = {
  founded_year: [1000, 2100],
  esca_year: [2009, 2100],
  participations: [0, 1_000_000],
};
const TYPE_ALIASES: Record<string, OrganisationType> = {
  research_center: 'research_centre',
  research_organisation: 'research_centre',
  research_organization: 'research_centre',
  public_body: 'public_authority',
  innovation_center: 'innovation_hub',
  start_up: 'startup',
};
const COUNTRY_ALIASES: Record<string, string> = { GR: 'EL', GB: 'UK' };

const emailSchema = z.email();
const urlSchema = z.url({ protocol: /^https?$/ });

/** The spreadsheet-formula escape of the export: a ' before = + - @ (or a tab / CR) is removed. */
export const unescapeFormula = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export interface ValidateOptions {
  /** CSV cells are text: the formula escape applies and lists are ';'-separated. */
  csv: boolean;
}

/** Checks one record against the exchange format; every problem of the row is reported at once. */
export function validateRecord(
  rec: SourceRecord,
  mapping: ResolvedMapping,
  ref: ReferenceData,
  opts: ValidateOptions,
): Validated {
  const { row } = rec;
  const problems: Problem[] = [];
  const values: Partial<OrgValues> = {};
  const fail = (field: string, code: Problem['code'], message: string, value?: unknown) =>
    problems.push(problem(row, field, code, message, value));

  if (rec.fieldCount !== undefined) {
    fail(
      '',
      'field_count',
      `This row has ${rec.fieldCount} fields but the header has ${Object.keys(rec.values).length}: check for a missing or extra comma`,
    );
    return { ok: false, problems };
  }

  const text = (column: ExchangeColumn, raw: unknown): string | null => {
    if (raw === null || raw === undefined) return '';
    if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
    if (typeof raw !== 'string') {
      fail(column, 'invalid', 'Expected text', JSON.stringify(raw));
      return null;
    }
    const v = (opts.csv ? unescapeFormula(raw) : raw).trim();
    if (v.includes('\u0000')) {
      fail(column, 'invalid', 'Contains a NUL character');
      return null;
    }
    return v;
  };
  const list = (column: ExchangeColumn, raw: unknown): string[] | null => {
    let items: unknown[];
    if (Array.isArray(raw)) items = raw;
    else {
      const t = text(column, raw);
      if (t === null) return null;
      items = t.split(LIST_SEPARATOR);
    }
    const out: string[] = [];
    for (const item of items) {
      const t = text(column, item);
      if (t === null) return null;
      if (t && !out.includes(t)) out.push(t);
    }
    return out;
  };

  for (const [source, column] of mapping.targets) {
    const raw = rec.values[source];
    const db = COLUMN_OF[column];
    if (LIST_COLUMNS.has(column)) {
      let items = list(column, raw);
      if (items === null) continue;
      const [maxItems, maxChars] = LIST_MAX[column] ?? [50, 200];
      if (column === 'nace_codes') {
        items = items.map((c) => (/^\d{3,4}$/.test(c) ? `${c.slice(0, 2)}.${c.slice(2)}` : c.toUpperCase()));
        const unknown = items.filter((c) => !ref.nace.has(c));
        if (unknown.length) {
          fail(
            column,
            'unknown_nace',
            `Unknown NACE code ${shorten(unknown.map((c) => `"${c}"`).join(', '), 120)}`,
            unknown.join(';'),
          );
          continue;
        }
      } else if (column === 'ecosystems') {
        items = items.map((e) => e.toLowerCase());
        const unknown = items.filter((e) => !(ECOSYSTEMS as readonly string[]).includes(e));
        if (unknown.length) {
          fail(
            column,
            'unknown_value',
            `Unknown ecosystem ${unknown.map((e) => `"${e}"`).join(', ')}; expected codes such as ${ECOSYSTEMS.slice(0, 3).join(', ')}`,
            unknown.join(';'),
          );
          continue;
        }
      }
      if (items.length > maxItems) {
        fail(column, 'too_long', `At most ${maxItems} entries (this row has ${items.length})`);
        continue;
      }
      const long = items.find((i) => i.length > maxChars);
      if (long) {
        fail(column, 'too_long', `Entries may have at most ${maxChars} characters`, long);
        continue;
      }
      (values as Record<string, unknown>)[db] = items;
      continue;
    }
    const v = text(column, raw);
    if (v === null) continue;
    const range = INT_RANGE[column];
    if (range) {
      if (v === '') {
        (values as Record<string, unknown>)[db] = column === 'participations' ? 0 : null;
        continue;
      }
      const n = /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isInteger(n) || n < range[0] || n > range[1]) {
        fail(column, 'invalid', `Expected a whole number from ${range[0]} to ${range[1]}`, v);
        continue;
      }
      (values as Record<string, unknown>)[db] = n;
      continue;
    }
    const max = TEXT_MAX[column];
    if (max !== undefined && v.length > max) {
      fail(
        column,
        'too_long',
        `At most ${max.toLocaleString('en')} characters (this one has ${v.length.toLocaleString('en')})`,
        v,
      );
      continue;
    }
    switch (column) {
      case 'name':
        if (!v) fail(column, 'required', 'The name is required');
        else values.name = v;
        break;
      case 'type': {
        const t = v.toLowerCase().replace(/[\s-]+/g, '_');
        const type = (ORGANISATION_TYPES as readonly string[]).includes(t)
          ? (t as OrganisationType)
          : TYPE_ALIASES[t];
        if (!v) fail(column, 'required', 'The type is required');
        else if (!type)
          fail(column, 'unknown_value', `Unknown type; expected one of ${ORGANISATION_TYPES.join(', ')}`, v);
        else values.type = type;
        break;
      }
      // An empty key cell means "not known here": it never erases an organisation's key.
      case 'pic':
        if (v && !/^\d{9}$/.test(v)) fail(column, 'invalid', 'A PIC has 9 digits', v);
        else if (v) values.pic = v;
        break;
      case 'external_id':
        if (v) values.external_id = v;
        break;
      case 'website': {
        if (!v) {
          values.website = null;
          break;
        }
        // A bare host ("www.example.org") is a web address without its scheme.
        const url = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
        if (
          url.length > 500 ||
          !urlSchema.safeParse(url).success ||
          !/\.[a-z]{2,}$/i.test(new URL(url).hostname)
        ) {
          fail(column, 'invalid', 'Not a web address (expected https://…)', v);
        } else values.website = url;
        break;
      }
      case 'email':
      case 'manager_email':
        if (v && (v.length > 254 || !emailSchema.safeParse(v).success))
          fail(column, 'invalid', 'Not an e-mail address', v);
        else values[column] = v || null;
        break;
      case 'country': {
        const c = v.toUpperCase();
        if (v && !/^[A-Z]{2}$/.test(c))
          fail(column, 'invalid', 'Expected a two-letter country code such as IT', v);
        else values.country_code = c ? (COUNTRY_ALIASES[c] ?? c) : null;
        break;
      }
      case 'region': {
        let code = v.toUpperCase();
        // A NUTS 3 code stands for its NUTS 2 region, the finest level the directory keeps.
        if (code.length === 5 && ref.regions.has(code.slice(0, 4))) code = code.slice(0, 4);
        if (!code) values.region_code = null;
        else if (!ref.regions.has(code) || code.length === 2)
          fail(column, 'unknown_nuts', `Unknown NUTS 2021 region code "${shorten(v, 40)}"`, v);
        else values.region_code = code;
        break;
      }
      case 'size_band':
      case 'esca_label': {
        const allowed: readonly string[] = column === 'size_band' ? SIZE_BANDS : ESCA_LABELS;
        const l = v.toLowerCase();
        if (v && !allowed.includes(l))
          fail(column, 'unknown_value', `Unknown value; expected one of ${allowed.join(', ')}`, v);
        else (values as Record<string, unknown>)[db] = l || null;
        break;
      }
      case 'description':
      case 'offers':
      case 'seeks':
        values[column] = v;
        break;
      default:
        (values as Record<string, unknown>)[db] = v || null;
    }
  }

  // The region decides the country; a country that contradicts it is a mistake in the file.
  if (values.region_code) {
    const country = values.region_code.slice(0, 2);
    if (values.country_code && values.country_code !== country) {
      fail(
        'region',
        'region_country',
        `Region ${values.region_code} is not in country ${values.country_code}`,
        values.region_code,
      );
    } else values.country_code = country;
  }
  if (problems.length) return { ok: false, problems };
  const keys: RowKeys = {
    externalId: values.external_id ?? null,
    pic: values.pic ?? null,
    website: websiteKey(values.website),
    name: null,
  };
  if (!keys.externalId && !keys.pic && !keys.website && values.name) {
    keys.name = `${nameKey(values.name)}|${values.country_code ?? ''}`;
  }
  return { ok: true, value: { row, keys, values } };
}
