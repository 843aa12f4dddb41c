import type { ExistingOrg } from './import.repo.ts';
import type { KeyIndex } from './key-index.ts';
import type { KeyName, RowKeys } from './keys.ts';
import { websiteKey } from './keys.ts';
import { type Problem, problem, shorten } from './problems.ts';
import { ORG_COLUMNS, type OrgColumn, type OrgValues, type ValidRow } from './validate.ts';

/** How one batch's rows relate to the organisations already in the directory. */
export const EMPTY: OrgValues = {
  external_id: null,
  pic: null,
  name: '',
  acronym: null,
  type: 'other',
  description: '',
  website: null,
  email: null,
  country_code: null,
  region_code: null,
  city: null,
  founded_year: null,
  size_band: null,
  nace_codes: [],
  ecosystems: [],
  s3_areas: [],
  keywords: [],
  offers: '',
  seeks: '',
  programmes: [],
  esca_label: null,
  esca_year: null,
  manager_name: null,
  manager_email: null,
  participations: 0,
};

const same = (a: unknown, b: unknown) =>
  Array.isArray(a) || Array.isArray(b)
    ? JSON.stringify(a ?? []) === JSON.stringify(b ?? [])
    : (a ?? null) === (b ?? null);
export const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
export const logValue = (v: unknown) => (typeof v === 'string' ? shorten(v, 200) : v);
export const KEY_LABEL: Record<KeyName, string> = {
  externalId: 'external_id',
  pic: 'pic',
  website: 'website',
  name: 'name',
};

/** The change log names fields as the API does (PROFILE_COLUMNS): founded_year → foundedYear. */
export const apiField = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Existing values with the row's applied; the changed fields as { before, after }. */
function merge(org: ExistingOrg, values: Partial<OrgValues>, mode: 'replace' | 'fill') {
  const merged: OrgValues & { id: string } = { id: org.id, ...pick(org) };
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const c of Object.keys(values) as OrgColumn[]) {
    const next = values[c];
    if (mode === 'fill' && c !== 'participations' && !isEmpty(org[c])) continue;
    if (same(org[c], next)) continue;
    // Another spelling of the same address (scheme, host case, trailing slash) is no change.
    if (c === 'website' && websiteKey(org.website) === websiteKey(next as string | null)) continue;
    changes[apiField(c)] = { before: logValue(org[c]), after: logValue(next) };
    (merged as unknown as Record<string, unknown>)[c] = next;
  }
  return { merged, changes };
}

function pick(o: OrgValues): OrgValues {
  const out = {} as Record<string, unknown>;
  for (const c of ORG_COLUMNS) out[c] = o[c];
  return out as unknown as OrgValues;
}

export interface Update {
  row: ValidRow;
  merged: OrgValues & { id: string };
  changes: Record<string, unknown>;
}

export interface Decision {
  creates: ValidRow[];
  updates: Update[];
  problems: Problem[];
  failed: number;
  skipped: number;
  /** Organisations matched in this batch → the row that matched them. */
  matched: Map<string, number>;
}

/**
 * Decides, for each row of a batch, whether it creates an organisation, updates one (and what changes),
 * leaves one unchanged, or fails: keys in order, a website or name shared by several organisations is
 * ambiguous, a key held by another organisation is refused, two rows for one organisation are one too
 * many. Pure: the lookups were done before.
 */
export function decide(
  rows: ValidRow[],
  found: { existing: ExistingOrg[]; named: (ExistingOrg & { asked: string })[] },
  opts: {
    keyOrder: readonly KeyName[];
    mode: 'replace' | 'fill';
    matchedBefore: (id: string) => number | undefined;
  },
): Decision {
  const { existing, named } = found;
  const problems: Problem[] = [];
  let failed = 0;
  let skipped = 0;
  const batchMatched = new Map<string, number>();
  const byName = new Map<string, ExistingOrg[]>();
  for (const o of named) byName.set(o.asked, [...(byName.get(o.asked) ?? []), o]);
  const holders = { externalId: new Map<string, ExistingOrg>(), pic: new Map<string, ExistingOrg>() };
  const byWebsite = new Map<string, ExistingOrg[]>();
  for (const o of existing) {
    if (o.external_id) holders.externalId.set(o.external_id, o);
    if (o.pic) holders.pic.set(o.pic, o);
    const w = o.website ? websiteKey(o.website) : null;
    if (w) byWebsite.set(w, [...(byWebsite.get(w) ?? []), o]);
  }
  const creates: ValidRow[] = [];
  const updates: Update[] = [];
  for (const v of rows) {
    let match: ExistingOrg | undefined;
    let stop = false;
    for (const k of opts.keyOrder) {
      const key = v.keys[k];
      if (!key) continue;
      if (k === 'website' || k === 'name') {
        const country = v.values.country_code;
        const list =
          k === 'website'
            ? (byWebsite.get(key) ?? [])
            : (byName.get(v.values.name!) ?? []).filter((o) => !country || o.country_code === country);
        if (list.length > 1) {
          problems.push(
            problem(
              v.row,
              KEY_LABEL[k],
              'ambiguous',
              `${list.length} organisations have this ${KEY_LABEL[k]}; add an external_id, a pic or a website to say which one`,
              k === 'website' ? v.values.website : v.values.name,
            ),
          );
          stop = true;
        }
        match = list[0];
      } else match = holders[k].get(key);
      if (match || stop) break;
    }
    if (stop) {
      failed++;
      continue;
    }
    const taken = (['externalId', 'pic'] as const).find((k) => {
      const key = v.keys[k];
      const holder = key ? holders[k].get(key) : undefined;
      return holder && holder.id !== match?.id;
    });
    if (taken) {
      const holder = holders[taken].get(v.keys[taken]!)!;
      problems.push(
        problem(
          v.row,
          KEY_LABEL[taken],
          'key_taken',
          `Already used by another organisation, "${holder.name}"`,
          v.keys[taken],
        ),
      );
      failed++;
      continue;
    }
    if (!match) {
      creates.push(v);
      continue;
    }
    const earlier = opts.matchedBefore(match.id) ?? batchMatched.get(match.id);
    if (earlier !== undefined) {
      problems.push(
        problem(
          v.row,
          '',
          'same_organisation',
          `Describes the same organisation as row ${earlier} ("${match.name}"): skipped`,
          undefined,
          earlier,
        ),
      );
      skipped++;
      continue;
    }
    batchMatched.set(match.id, v.row);
    const { merged, changes } = merge(match, v.values, opts.mode);
    if (merged.region_code && merged.country_code !== merged.region_code.slice(0, 2)) {
      problems.push(
        problem(
          v.row,
          'country',
          'region_country',
          `The organisation's region ${merged.region_code} is not in country ${merged.country_code}; give the region too`,
          merged.country_code,
        ),
      );
      failed++;
      continue;
    }
    if (Object.keys(changes).length === 0) skipped++;
    else updates.push({ row: v, merged, changes });
  }

  return { creates, updates, problems, failed, skipped, matched: batchMatched };
}

/** The change-log entry of a new organisation: every field it was given, from nothing. */
export function creationChanges(n: OrgValues): Record<string, { before: null; after: unknown }> {
  return Object.fromEntries(
    ORG_COLUMNS.filter((c) => !isEmpty(n[c])).map((c) => [
      apiField(c),
      { before: null, after: logValue(n[c]) },
    ]),
  );
}

export function duplicateOf(keys: RowKeys, firstRowOf: Record<KeyName, KeyIndex>, order: readonly KeyName[]) {
  for (const key of order) {
    const value = keys[key];
    const row = value ? firstRowOf[key].get(value) : undefined;
    if (row !== undefined) return { key, row, value: value! };
  }
  return null;
}
