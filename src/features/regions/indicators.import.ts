import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../server/db/schema.ts';
import { AppError } from '../../server/http/errors.ts';
import {
  EU_AREA,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  INDICATORS,
  RIS_GROUPS,
} from '../../shared/indicators.ts';
import { parseCsv } from './csv.ts';
import { toNuts2021 } from './nuts-versions.ts';

/** The figures a fresh install shows (built by scripts/build-region-indicators.ts). */
export const bundledIndicatorsPath = () =>
  join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    '..',
    'assets',
    'data',
    'region-indicators.csv.gz',
  );

export const INDICATOR_COLUMNS = ['nuts_code', 'indicator', 'year', 'value', 'unit', 'source'] as const;

export interface IndicatorProblem {
  /** Line in the file (the header is line 1). */
  row: number;
  column: (typeof INDICATOR_COLUMNS)[number] | null;
  message: string;
}

export interface IndicatorImportReport {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Codes of older NUTS versions that were mapped to their 2021 code. */
  mapped: { from: string; to: string; rows: number }[];
  newIndicators: string[];
  newSources: string[];
  problems: IndicatorProblem[];
  dryRun: boolean;
}

interface Known {
  areas: ReadonlySet<string>;
  indicators: Map<string, { unit: string; kind: 'number' | 'category' }>;
  sources: Map<string, string>;
}

interface Figure {
  row: number;
  indicator: string;
  area: string;
  year: number;
  value: number | null;
  valueText: string | null;
  source: string;
}

const unitByLabel = new Map(
  Object.entries(INDICATOR_UNITS).flatMap(([id, l]) => [
    [id.toLowerCase(), id],
    [l.en.toLowerCase(), id],
    [l.it.toLowerCase(), id],
  ]),
);
const groupKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*([+-])$/, ' $1')
    .trim();
const risGroups = new Map(RIS_GROUPS.map((g) => [groupKey(g), g]));
const slugId = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/**
 * Checks the rows of a long indicator file against what the database knows. Pure: returns the
 * figures to write, what they would add (indicators, sources) and a problem per refused row.
 */
export function checkIndicatorRows(table: string[][], known: Known) {
  const [header, ...body] = table;
  if (!header) throw new AppError('bad_request', 400, 'The indicator file is empty');
  const names = header.map((h) => h.trim().toLowerCase());
  const idx = Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof INDICATOR_COLUMNS)[number],
    number
  >;
  const missing = INDICATOR_COLUMNS.filter((c) => idx[c] < 0);
  if (missing.length)
    throw new AppError(
      'bad_request',
      400,
      `The indicator file lacks the column(s) ${missing.join(', ')}; expected ${INDICATOR_COLUMNS.join(', ')}`,
    );
  const problems: IndicatorProblem[] = [];
  const figures: Figure[] = [];
  const seen = new Map<string, number>();
  const mapped = new Map<string, { from: string; to: string; rows: number }>();
  const newIndicators = new Map<string, { unit: string; kind: 'number' | 'category' }>();
  const newSources = new Map<string, string>();
  const checkOne = (r: string[], i: number): undefined => {
    const row = i + 2;
    const cell = (c: (typeof INDICATOR_COLUMNS)[number]) => (r[idx[c]] ?? '').trim();
    const bad = (column: IndicatorProblem['column'], message: string): undefined => {
      problems.push({ row, column, message });
    };

    const rawCode = cell('nuts_code');
    let area: string;
    if (rawCode.toUpperCase() === EU_AREA) area = EU_AREA;
    else {
      const m = toNuts2021(rawCode, known.areas);
      if (!m.ok) {
        if (!rawCode) return bad('nuts_code', 'The NUTS code is missing');
        return bad(
          'nuts_code',
          m.reason === 'split_or_merged'
            ? `${rawCode} is an older NUTS code whose territory was split or merged (now ${m.covers.join(', ')}): no one-to-one NUTS 2021 region, the row is left out`
            : `${rawCode} is not a NUTS 2021 region (levels 0–2) nor ${EU_AREA}`,
        );
      }
      area = m.code;
      if (m.renamedFrom) {
        const e = mapped.get(m.renamedFrom) ?? { from: m.renamedFrom, to: m.code, rows: 0 };
        e.rows++;
        mapped.set(m.renamedFrom, e);
      }
    }

    const indicator = cell('indicator').toLowerCase();
    if (!/^[a-z][a-z0-9_]{1,62}$/.test(indicator))
      return bad(
        'indicator',
        `"${cell('indicator')}" is not an indicator id (lower-case letters, digits and _)`,
      );

    const yearText = cell('year');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1950 || year > 2100)
      return bad('year', `"${yearText}" is not a year (four digits, 1950–2100)`);

    const unitText = cell('unit');
    const unit = unitByLabel.get(unitText.toLowerCase()) ?? unitText;
    if (!unit) return bad('unit', 'The unit is missing');
    const def = known.indicators.get(indicator) ?? newIndicators.get(indicator);
    const kind = def?.kind ?? (indicator === 'ris_group' ? 'category' : 'number');
    if (def && def.unit !== unit)
      return bad('unit', `${indicator} is measured in "${def.unit}", not "${unitText}"`);

    const valueText = cell('value');
    let value: number | null = null;
    let text: string | null = null;
    if (!valueText) return bad('value', 'The value is missing (leave out the rows of missing figures)');
    if (kind === 'category') {
      if (indicator === 'ris_group') {
        const g = risGroups.get(groupKey(valueText));
        if (!g) return bad('value', `"${valueText}" is not a scoreboard group (${RIS_GROUPS.join(', ')})`);
        text = g;
      } else text = valueText.slice(0, 120);
    } else {
      if (/^-?\d+,\d+$/.test(valueText))
        return bad('value', `"${valueText}" uses a decimal comma: write ${valueText.replace(',', '.')}`);
      value = Number(valueText);
      if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(valueText) || !Number.isFinite(value))
        return bad('value', `"${valueText}" is not a number`);
    }

    const sourceText = cell('source');
    if (!sourceText) return bad('source', 'The source is missing: name where the figure comes from');
    let source = known.sources.has(sourceText)
      ? sourceText
      : [...known.sources].find(([, n]) => n === sourceText)?.[0];
    if (!source) {
      source = slugId(sourceText);
      if (!source) return bad('source', `"${sourceText}" is not a usable source name`);
      if (!known.sources.has(source)) newSources.set(source, sourceText);
    }

    const key = `${indicator}|${area}|${year}`;
    const first = seen.get(key);
    if (first !== undefined)
      return bad('nuts_code', `Duplicate of line ${first}: ${area}, ${indicator}, ${year} appears twice`);
    seen.set(key, row);
    if (!def) newIndicators.set(indicator, { unit, kind });
    figures.push({ row, indicator, area, year, value, valueText: text, source });
  };
  body.forEach((r, i) => {
    checkOne(r, i);
  });
  return {
    figures,
    problems,
    mapped: [...mapped.values()],
    newIndicators,
    newSources,
  };
}

/** Reads a file's text, gunzipping it when it is gzip-compressed. */
export function readIndicatorFile(path: string): string {
  const bytes = readFileSync(path);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Upserts the catalogue (src/shared/indicators.ts) so labels, units and sources stay current. */
export async function upsertIndicatorCatalogue(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('indicator_sources')
    .values(
      INDICATOR_SOURCES.map((s) => ({
        id: s.id,
        name: s.name,
        publisher: s.publisher,
        licence: s.licence,
        url: s.url,
        attribution: s.attribution,
        note: s.note ?? null,
        builtin: true,
      })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        publisher: eb.ref('excluded.publisher'),
        licence: eb.ref('excluded.licence'),
        url: eb.ref('excluded.url'),
        attribution: eb.ref('excluded.attribution'),
        note: eb.ref('excluded.note'),
        builtin: true,
      })),
    )
    .execute();
  await db
    .insertInto('indicators')
    .values(
      INDICATORS.map((d) => ({
        id: d.id,
        label: d.label.en,
        unit: d.unit,
        kind: d.kind,
        dimension: d.dimension,
        decimals: d.decimals,
        higher_is_better: d.higherIsBetter,
        builtin: true,
      })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        label: eb.ref('excluded.label'),
        unit: eb.ref('excluded.unit'),
        kind: eb.ref('excluded.kind'),
        dimension: eb.ref('excluded.dimension'),
        decimals: eb.ref('excluded.decimals'),
        higher_is_better: eb.ref('excluded.higher_is_better'),
        builtin: true,
      })),
    )
    .execute();
}

/**
 * Imports a long indicator file (docs/formats/region-indicators.md) idempotently: a figure already
 * held with the same value and source is unchanged, a different one is updated. Good rows are written
 * in one transaction, refused rows are reported with their line; a dry run writes nothing.
 */
export async function importIndicators(
  db: Kysely<DB>,
  text: string,
  opts: { dryRun?: boolean } = {},
): Promise<IndicatorImportReport> {
  await upsertIndicatorCatalogue(db);
  const [regions, indicators, sources] = await Promise.all([
    db.selectFrom('regions').select('code').execute(),
    db.selectFrom('indicators').select(['id', 'unit', 'kind']).execute(),
    db.selectFrom('indicator_sources').select(['id', 'name']).execute(),
  ]);
  const table = parseCsv(text);
  const checked = checkIndicatorRows(table, {
    areas: new Set(regions.map((r) => r.code)),
    indicators: new Map(indicators.map((i) => [i.id, { unit: i.unit, kind: i.kind }])),
    sources: new Map(sources.map((s) => [s.id, s.name])),
  });
  const report: IndicatorImportReport = {
    rows: Math.max(0, table.length - 1),
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: checked.problems.length,
    mapped: checked.mapped,
    newIndicators: [...checked.newIndicators.keys()],
    newSources: [...checked.newSources.keys()],
    problems: checked.problems,
    dryRun: Boolean(opts.dryRun),
  };
  const write = async (trx: Kysely<DB>) => {
    if (checked.newSources.size)
      await trx
        .insertInto('indicator_sources')
        .values(
          [...checked.newSources].map(([id, name]) => ({
            id,
            name,
            attribution: name,
            licence: 'as stated by the importer',
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    if (checked.newIndicators.size)
      await trx
        .insertInto('indicators')
        .values(
          [...checked.newIndicators].map(([id, d]) => ({
            id,
            label: id.replace(/_/g, ' '),
            unit: d.unit,
            kind: d.kind,
            dimension: null,
            higher_is_better: null,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    // Chunks keep each statement's parameters well under PostgreSQL's 65 535.
    for (let i = 0; i < checked.figures.length; i += 2000) {
      const chunk = checked.figures.slice(i, i + 2000);
      const res = await sql<{ created: number; updated: number }>`
        with input (indicator_id, area_code, year, value, value_text, source_id) as (
          select * from unnest(
            ${chunk.map((f) => f.indicator)}::text[], ${chunk.map((f) => f.area)}::text[],
            ${chunk.map((f) => f.year)}::int[], ${chunk.map((f) => f.value)}::float8[],
            ${chunk.map((f) => f.valueText)}::text[], ${chunk.map((f) => f.source)}::text[])
        ),
        upserted as (
          insert into region_indicator_values as v (indicator_id, area_code, year, value, value_text, source_id)
          select * from input
          on conflict (indicator_id, area_code, year) do update
            set value = excluded.value, value_text = excluded.value_text,
                source_id = excluded.source_id, updated_at = now()
            where (v.value, v.value_text, v.source_id)
              is distinct from (excluded.value, excluded.value_text, excluded.source_id)
          returning (xmax = 0) as created
        )
        select count(*) filter (where created)::int as created,
               count(*) filter (where not created)::int as updated
        from upserted`.execute(trx);
      const r = res.rows[0] ?? { created: 0, updated: 0 };
      report.created += r.created;
      report.updated += r.updated;
      report.unchanged += chunk.length - r.created - r.updated;
    }
  };
  if (opts.dryRun) {
    // A dry run counts what would change inside a transaction it then rolls back.
    await db
      .transaction()
      .execute(async (trx) => {
        await write(trx);
        throw new DryRunDone();
      })
      .catch((e) => {
        if (!(e instanceof DryRunDone)) throw e;
      });
  } else await db.transaction().execute(write);
  return report;
}

class DryRunDone extends Error {}

/** At first start: the shipped figures, when the database holds none yet. */
export async function loadBundledIndicators(db: Kysely<DB>): Promise<IndicatorImportReport | null> {
  await upsertIndicatorCatalogue(db);
  const any = await db.selectFrom('region_indicator_values').select('year').limit(1).executeTakeFirst();
  if (any) return null;
  return importIndicators(db, readIndicatorFile(bundledIndicatorsPath()));
}
